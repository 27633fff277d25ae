using Matcher.Letters;
using Matcher.OpenAI;
using Matcher.OpenAI.Internal;
using Matcher.Parsing;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Matcher;

/// <summary>Adds the GPT parsers and letter writer to the matcher.</summary>
public static class OpenAIMatcherBuilderExtensions
{
    /// <summary>
    /// Replaces the offline call parser, self-description parser and letter writer with GPT ones. Endpoint, key and
    /// model come from <paramref name="configure"/> or the standard variables (CONTRACT §4). Calling it twice does not
    /// add a second instance.
    /// </summary>
    /// <param name="builder">The builder returned by <c>AddScholarshipMatcher</c>.</param>
    /// <param name="configure">Configures <see cref="OpenAIParserOptions"/>.</param>
    /// <returns>The builder.</returns>
    public static IMatcherBuilder AddOpenAIParsers(this IMatcherBuilder builder, Action<OpenAIParserOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<OpenAIParserOptions>()
            .Configure(o => o.ApplyEnvironment())
            .Configure(configure ?? (static _ => { }));
        return AddServices(builder);
    }

    /// <summary>Replaces the offline parsers and letter writer with GPT ones, with options bound from configuration
    /// (for example the <c>Matcher:OpenAI</c> section); unset endpoint, key and model fall back to the standard variables.</summary>
    /// <param name="builder">The builder returned by <c>AddScholarshipMatcher</c>.</param>
    /// <param name="section">The configuration section.</param>
    /// <returns>The builder.</returns>
    public static IMatcherBuilder AddOpenAIParsers(this IMatcherBuilder builder, IConfigurationSection section)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(section);
        builder.Services.AddOptions<OpenAIParserOptions>()
            .Bind(section)
            .PostConfigure(o => o.ApplyEnvironment());
        return AddServices(builder);
    }

    private static IMatcherBuilder AddServices(IMatcherBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<OpenAIParserOptions>()
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => new OpenAIMetrics(sp.GetService<System.Diagnostics.Metrics.IMeterFactory>()));
        services.TryAddSingleton(sp => new ParseCache(new MemoryCache(new MemoryCacheOptions { SizeLimit = 1024 }), sp.GetRequiredService<OpenAIMetrics>()));
        services.TryAddSingleton(sp => new ChatTransport(sp.GetRequiredService<IOptions<OpenAIParserOptions>>().Value, sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<OpenAIMetrics>(), sp.GetService<Microsoft.Extensions.Logging.ILogger<ChatTransport>>()));
        services.RemoveAll<IScholarshipCallParser>();
        services.AddSingleton<IScholarshipCallParser, OpenAIScholarshipCallParser>();
        services.RemoveAll<IStudentProfileParser>();
        services.AddSingleton<IStudentProfileParser, OpenAIStudentProfileParser>();
        // Keep the writer being replaced (the offline one) as the fallback for letters that fail the fact check.
        if (services.LastOrDefault(d => d.ServiceType == typeof(IMatchLetterWriter) && !d.IsKeyedService) is { ImplementationType: { } previous } && previous != typeof(OpenAIMatchLetterWriter))
        {
            services.TryAddKeyedSingleton(typeof(IMatchLetterWriter), OpenAIMatchLetterWriter.OfflineKey, previous);
        }

        services.RemoveAll<IMatchLetterWriter>();
        services.AddSingleton<IMatchLetterWriter, OpenAIMatchLetterWriter>();
        return builder;
    }
}
