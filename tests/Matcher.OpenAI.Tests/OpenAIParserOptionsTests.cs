using System.Text.Json;
using Matcher.OpenAI.Parsing;
using Matcher.Parsing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Matcher.OpenAI;

public sealed class OpenAIParserOptionsTests : IAsyncDisposable
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };
    private readonly FakeOpenAIServer _server = new();

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    [Fact]
    public void ApplyEnvironment_ReadsTheStandardVariables_WithoutOverridingSetValues()
    {
        var env = new Dictionary<string, string> { ["OPENAI_API_KEY"] = "sk-env", ["OPENAI_BASE_URL"] = "http://127.0.0.1:8080/v1", ["MATCHER_OPENAI_MODEL"] = "llama-3.1-8b" };
        var options = new OpenAIParserOptions();
        options.ApplyEnvironment(env.GetValueOrDefault);
        Assert.Equal(("sk-env", new Uri("http://127.0.0.1:8080/v1"), "llama-3.1-8b"), (options.ApiKey, options.Endpoint, options.Model));

        var set = new OpenAIParserOptions { ApiKey = "sk-set", Endpoint = new Uri("https://example.openai.azure.com/openai/v1") };
        set.ApplyEnvironment(env.GetValueOrDefault);
        Assert.Equal(("sk-set", "example.openai.azure.com"), (set.ApiKey, set.Endpoint!.Host));
    }

    [Fact]
    public void Options_BindFromConfiguration()
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Matcher:OpenAI:Model"] = "gpt-4.1",
            ["Matcher:OpenAI:ApiKey"] = "sk-config",
            ["Matcher:OpenAI:AttemptTimeout"] = "00:00:30",
            ["Matcher:OpenAI:Prices:gpt-4.1:InputPerMillionTokens"] = "2",
        }).Build();
        using var sp = new ServiceCollection().AddScholarshipMatcher().AddOpenAIParsers(config.GetSection("Matcher:OpenAI")).Services.BuildServiceProvider();
        var options = sp.GetRequiredService<IOptions<OpenAIParserOptions>>().Value;
        Assert.Equal(("gpt-4.1", "sk-config", TimeSpan.FromSeconds(30), 2m), (options.Model, options.ApiKey, options.AttemptTimeout, options.Prices["gpt-4.1"].InputPerMillionTokens));
    }

    [Fact]
    public void InvalidOptions_StopStart()
    {
        using var sp = new ServiceCollection().AddScholarshipMatcher().AddOpenAIParsers(o => o.MaxRetries = 99).Services.BuildServiceProvider();
        var ex = Assert.Throws<OptionsValidationException>(() => sp.GetRequiredService<IOptions<OpenAIParserOptions>>().Value);
        Assert.Contains("MaxRetries", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithoutAKey_TheParserFailsClearly_BeforeAnyRequest()
    {
        using var sp = new ServiceCollection().AddScholarshipMatcher().AddOpenAIParsers(o => o.ApplyEnvironment(_ => null)).Services.BuildServiceProvider();
        var ex = await Assert.ThrowsAsync<TextParseException>(() => sp.GetRequiredService<IScholarshipCallParser>().ParseAsync("Beca"));
        Assert.Equal(ParseFailureKind.Unavailable, ex.Kind);
        Assert.Contains("OPENAI_API_KEY", ex.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TooLongText_FailsBeforeAnyRequest()
    {
        using var sp = Services(o => o.MaxInputCharacters = 100);
        var ex = await Assert.ThrowsAsync<TextParseException>(() => sp.GetRequiredService<IScholarshipCallParser>().ParseAsync(new string('a', 101)));
        Assert.Equal(ParseFailureKind.TooLong, ex.Kind);
        Assert.Empty(_server.Requests);
    }

    [Fact]
    public async Task TotalTimeout_BoundsTheWholeCall_EvenWhenRetryAfterAsksForMore()
    {
        _server.Reply("error-429.json", 429, headers: ("Retry-After", "30")).Reply("call-valid.json");
        using var sp = Services(o => o.TotalTimeout = TimeSpan.FromSeconds(1));
        var ex = await Assert.ThrowsAsync<TextParseException>(() => sp.GetRequiredService<IScholarshipCallParser>().ParseAsync(FakeOpenAIServer.Fixture("beca-tec-2025.txt")));
        Assert.Equal(ParseFailureKind.Timeout, ex.Kind);
        Assert.Single(_server.Requests);
    }

    [Fact]
    public async Task Logs_CarryCountsAndKinds_NeverTheText()
    {
        var lines = new List<string>();
        _server.Reply("call-valid.json").Reply("error-500.json", 500);
        var collection = new ServiceCollection();
        collection.AddLogging(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(new ListLoggerProvider(lines)));
        collection.AddScholarshipMatcher().AddOpenAIParsers(o => Configure(o, retries: 0));
        using var sp = collection.BuildServiceProvider();
        var parser = sp.GetRequiredService<IScholarshipCallParser>();
        var text = FakeOpenAIServer.Fixture("beca-tec-2025.txt");
        await parser.ParseAsync(text);
        await Assert.ThrowsAsync<TextParseException>(() => parser.ParseAsync(text + " "));
        Assert.Contains(lines, l => l.Contains("facts with evidence", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("Unavailable", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Contains("17 y 39", StringComparison.Ordinal) || l.Contains("Beca Tec", StringComparison.Ordinal));
    }

    [Fact]
    public void StudentSchema_MatchesTheSnapshot()
    {
        var actual = JsonSerializer.Serialize(ExtractionSchema.Student, Indented);
        Assert.Equal(FakeOpenAIServer.Fixture("student-schema.snapshot.json").Trim(), actual.Trim());
    }

    private ServiceProvider Services(Action<OpenAIParserOptions> configure)
    {
        var collection = new ServiceCollection();
        collection.AddScholarshipMatcher().AddOpenAIParsers(o =>
        {
            Configure(o, retries: 2);
            configure(o);
        });
        return collection.BuildServiceProvider();
    }

    private void Configure(OpenAIParserOptions o, int retries)
    {
        o.Endpoint = _server.BaseUrl;
        o.ApiKey = "test-key";
        o.MaxRetries = retries;
        o.RetryBaseDelay = TimeSpan.FromMilliseconds(20);
    }

    private sealed class ListLoggerProvider(List<string> lines) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new ListLogger(lines);

        public void Dispose()
        {
        }

        private sealed class ListLogger(List<string> lines) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                lock (lines)
                {
                    lines.Add(formatter(state, exception));
                }
            }
        }
    }
}
