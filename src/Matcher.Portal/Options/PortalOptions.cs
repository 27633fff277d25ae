using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace Matcher.Portal.Options;

/// <summary>
/// Settings of the host, bound from configuration section <c>Portal</c>; the CONTRACT §5 variables <c>MATCHER_DB</c>
/// and <c>MATCHER_ADMIN_PASSWORD</c> fill <see cref="Database"/> and <see cref="AdminPassword"/> when set.
/// </summary>
public sealed class PortalOptions
{
    /// <summary>Configuration section.</summary>
    public const string Section = "Portal";

    /// <summary>Connection string: <c>Data Source=…</c> selects SQLite, <c>Host=…</c> selects PostgreSQL.</summary>
    /// <value>The default is a SQLite file <c>matcher.db</c> in <see cref="DataDirectory"/>.</value>
    public string? Database { get; set; }

    /// <summary>Folder of the embedded SQLite database.</summary>
    /// <value>The default is <c>App_Data</c> under the content root.</value>
    public string? DataDirectory { get; set; }

    /// <summary>Password of the first admin, created on first start; a random one is printed once when unset.</summary>
    public string? AdminPassword { get; set; }

    /// <summary>User name of the first admin.</summary>
    /// <value>The default is <c>admin</c>.</value>
    [Required]
    [RegularExpression("^[A-Za-z0-9._@-]{3,64}$")]
    public string AdminUserName { get; set; } = "admin";

    /// <summary>Whether the first start seeds a synthetic demo cohort.</summary>
    /// <value>The default is <see langword="true"/>.</value>
    public bool SeedDemoData { get; set; } = true;

    /// <summary>How often each replica checks the database for a newer catalog or weight set.</summary>
    /// <value>The default is 5 seconds.</value>
    [Range(typeof(TimeSpan), "00:00:00.050", "01:00:00")]
    public TimeSpan CatalogPollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Anonymous match requests each client may make per minute.</summary>
    /// <value>The default is 120.</value>
    [Range(1, 1_000_000)]
    public int AnonymousMatchPermitsPerMinute { get; set; } = 120;

    /// <summary>Sign-in attempts each client may make per minute (on top of the per-account lockout).</summary>
    /// <value>The default is 20.</value>
    [Range(1, 1_000_000)]
    public int LoginPermitsPerMinute { get; set; } = 20;

    /// <summary>Largest body of a single match request, in bytes.</summary>
    /// <value>The default is 64 KiB.</value>
    [Range(1024, 16 * 1024 * 1024)]
    public int MaxMatchBodyBytes { get; set; } = 64 * 1024;

    /// <summary>Largest body of a batch match request, in bytes.</summary>
    /// <value>The default is 32 MiB.</value>
    [Range(1024, 1024 * 1024 * 1024)]
    public int MaxBatchBodyBytes { get; set; } = 32 * 1024 * 1024;

    /// <summary>Most profiles in one batch request.</summary>
    /// <value>The default is 20,000.</value>
    [Range(1, 1_000_000)]
    public int MaxBatchSize { get; set; } = 20_000;

    /// <summary>Largest ranker model file accepted, in bytes.</summary>
    /// <value>The default is 64 MiB.</value>
    [Range(1024, 1024 * 1024 * 1024)]
    public int MaxModelBytes { get; set; } = 64 * 1024 * 1024;

    /// <summary>
    /// A PKCS#12 certificate that encrypts the Data Protection key ring at rest (mount it from a secret). Without it the
    /// keys are stored unencrypted in the database, and the host logs a warning saying so.
    /// </summary>
    public string? KeyRingCertificatePath { get; set; }

    /// <summary>Password of <see cref="KeyRingCertificatePath"/>.</summary>
    public string? KeyRingCertificatePassword { get; set; }

    /// <summary>
    /// Whether <c>X-Forwarded-For</c> and <c>X-Forwarded-Proto</c> from the proxy in front are trusted (turn it on behind
    /// an ingress that terminates TLS and that is the only way to reach the host).
    /// </summary>
    /// <value>The default is <see langword="false"/>.</value>
    public bool ForwardedHeaders { get; set; }

    /// <summary>
    /// Whether the session and antiforgery cookies are sent over HTTPS only, with the <c>__Host-</c> prefix (turn it on
    /// wherever the host is served over TLS, directly or behind an ingress).
    /// </summary>
    /// <value>The default is <see langword="false"/>, so that a developer's plain-HTTP loopback host works.</value>
    public bool SecureCookies { get; set; }

    /// <summary>
    /// Version of the consent text the registration forms show (Ley 29733); each student's consent records the version
    /// it was given for, and a registration that names another version is refused.
    /// </summary>
    /// <value>The default is <c>2026-01</c>.</value>
    [Required]
    [RegularExpression("^[A-Za-z0-9._-]{1,32}$")]
    public string ConsentTextVersion { get; set; } = "2026-01";

    /// <summary>How long personal data is kept (section <c>Portal:Retention</c>).</summary>
    [Required]
    [ValidateObjectMembers]
    public RetentionOptions Retention { get; set; } = new();

    /// <summary>Whether <see cref="Database"/> selects PostgreSQL.</summary>
    public bool UsesPostgres => Database is { } db && db.TrimStart().StartsWith("Host=", StringComparison.OrdinalIgnoreCase);
}
