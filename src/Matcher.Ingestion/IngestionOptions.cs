using System.ComponentModel.DataAnnotations;

namespace Matcher.Ingestion;

/// <summary>How sources are fetched: identity, limits, timeouts, retries and politeness.</summary>
public sealed class IngestionOptions
{
    /// <summary>The configuration section these options bind to.</summary>
    public const string Section = "Ingestion";

    /// <summary>The User-Agent sent with every request; its first product token is the one matched in robots.txt.</summary>
    /// <value>The default value is <c>MatcherCatalogBot/0.1 (+https://github.com/peru-scholarship-matcher/matcher)</c>.</value>
    [Required]
    [MinLength(3)]
    public string UserAgent { get; set; } = "MatcherCatalogBot/0.1 (+https://github.com/peru-scholarship-matcher/matcher)";

    /// <summary>The largest body read from a source; a larger one is a failure, never a truncated text.</summary>
    /// <value>The default value is 2 MiB.</value>
    [Range(1024, 64 * 1024 * 1024)]
    public int MaxResponseBytes { get; set; } = 2 * 1024 * 1024;

    /// <summary>Redirects followed per fetch; each hop is checked again (scheme, robots.txt, address).</summary>
    /// <value>The default value is 5.</value>
    [Range(0, 20)]
    public int MaxRedirects { get; set; } = 5;

    /// <summary>The least time between two requests to the same host.</summary>
    /// <value>The default value is 2 seconds.</value>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan PolitenessDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Timeout of one HTTP attempt.</summary>
    /// <value>The default value is 10 seconds.</value>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:05:00")]
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Timeout of one request with all its retries.</summary>
    /// <value>The default value is 60 seconds.</value>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:30:00")]
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Retries of a transient failure (5xx, 408, 429, network error, attempt timeout), with exponential backoff.</summary>
    /// <value>The default value is 3.</value>
    [Range(1, 10)]
    public int MaxRetries { get; set; } = 3;

    /// <summary>The first retry's delay; later ones double it (with jitter).</summary>
    /// <value>The default value is 2 seconds.</value>
    [Range(typeof(TimeSpan), "00:00:00", "00:05:00")]
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How long a host's robots.txt is reused before it is fetched again.</summary>
    /// <value>The default value is 12 hours.</value>
    [Range(typeof(TimeSpan), "00:00:00", "7.00:00:00")]
    public TimeSpan RobotsCacheDuration { get; set; } = TimeSpan.FromHours(12);

    /// <summary>
    /// Whether loopback addresses (127.0.0.0/8, ::1) may be fetched. Only for tests and local tools: private, link-local
    /// and other non-public addresses stay blocked even then.
    /// </summary>
    /// <value>The default value is <see langword="false"/>.</value>
    public bool AllowLoopback { get; set; }
}
