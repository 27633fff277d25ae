using System.ComponentModel.DataAnnotations;

namespace Matcher.OpenAI;

/// <summary>
/// Settings of the GPT parsers and letter writer. Endpoint, key and model fall back to the standard variables
/// <c>OPENAI_BASE_URL</c>, <c>OPENAI_API_KEY</c> and <c>MATCHER_OPENAI_MODEL</c> (CONTRACT §4).
/// </summary>
/// <remarks>
/// There is one retry layer: the parsers' own (the SDK's built-in retries are switched off). It retries 408, 429 and
/// 5xx answers and attempts that exceed <see cref="AttemptTimeout"/>, waiting what <c>Retry-After</c> asks (at most
/// <see cref="MaxRetryDelay"/>); <see cref="TotalTimeout"/> bounds the whole call, retries included.
/// </remarks>
public sealed class OpenAIParserOptions
{
    /// <summary>An OpenAI-compatible endpoint, e.g. <c>https://api.openai.com/v1</c>, an Azure OpenAI <c>/openai/v1</c> address or a local server.</summary>
    /// <value>The default is <c>OPENAI_BASE_URL</c>, else the OpenAI service.</value>
    public Uri? Endpoint { get; set; }

    /// <summary>The API key. Never logged.</summary>
    /// <value>The default is <c>OPENAI_API_KEY</c>.</value>
    public string? ApiKey { get; set; }

    /// <summary>The model.</summary>
    /// <value>The default is <c>MATCHER_OPENAI_MODEL</c>, else <c>gpt-4.1-mini</c>.</value>
    [Required]
    public string Model { get; set; } = "gpt-4.1-mini";

    /// <summary>Time allowed for one HTTP attempt.</summary>
    /// <value>The default is 60 seconds.</value>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:10:00")]
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Time allowed for the whole call, retries and waits included.</summary>
    /// <value>The default is 3 minutes.</value>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:30:00")]
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromMinutes(3);

    /// <summary>Retries after the first attempt.</summary>
    /// <value>The default is 3.</value>
    [Range(0, 10)]
    public int MaxRetries { get; set; } = 3;

    /// <summary>First back-off delay when the service does not send <c>Retry-After</c>; doubles on each retry.</summary>
    /// <value>The default is 1 second.</value>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Longest wait between attempts, whatever <c>Retry-After</c> asks.</summary>
    /// <value>The default is 30 seconds.</value>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Most output tokens a parse may use.</summary>
    /// <value>The default is 4096.</value>
    [Range(256, 100_000)]
    public int MaxOutputTokens { get; set; } = 4096;

    /// <summary>Sampling temperature sent with each request; <see langword="null"/> sends none (reasoning models reject it).</summary>
    /// <value>The default is <see langword="null"/>.</value>
    [Range(0.0, 2.0)]
    public float? Temperature { get; set; }

    /// <summary>Longest text accepted, in characters; longer texts fail with <c>TooLong</c> before any request.</summary>
    /// <value>The default is 60,000.</value>
    [Range(100, 2_000_000)]
    public int MaxInputCharacters { get; set; } = 60_000;

    /// <summary>How long a parsed call text stays cached (keyed by text hash, model and prompt version).</summary>
    /// <value>The default is 1 day; zero turns the cache off.</value>
    public TimeSpan CacheDuration { get; set; } = TimeSpan.FromDays(1);

    /// <summary>Whether student self-descriptions are cached too. They are personal data of minors.</summary>
    /// <value>The default is <see langword="false"/>.</value>
    public bool CacheStudentParses { get; set; }

    /// <summary>Prices by model name, for the cost metric; a model without a price reports tokens only.</summary>
    public IDictionary<string, ModelPrice> Prices { get; } = new Dictionary<string, ModelPrice>(StringComparer.OrdinalIgnoreCase);

    /// <summary>Fills endpoint, key and model from the standard environment variables where they are not set.</summary>
    /// <param name="variables">Reads a variable; <see cref="Environment.GetEnvironmentVariable(string)"/> when <see langword="null"/>.</param>
    public void ApplyEnvironment(Func<string, string?>? variables = null)
    {
        variables ??= Environment.GetEnvironmentVariable;
        ApiKey ??= NullIfEmpty(variables("OPENAI_API_KEY"));
        if (Endpoint is null && NullIfEmpty(variables("OPENAI_BASE_URL")) is { } url && Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            Endpoint = uri;
        }

        if (NullIfEmpty(variables("MATCHER_OPENAI_MODEL")) is { } model && Model == "gpt-4.1-mini")
        {
            Model = model;
        }
    }

    private static string? NullIfEmpty(string? s) => string.IsNullOrWhiteSpace(s) ? null : s;
}
