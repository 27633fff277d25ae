namespace Matcher.Portal.Data.Entities;

/// <summary>
/// A key a third-party app sends as <c>X-Api-Key</c>. Only its SHA-256 is stored (keys are 256-bit random, so a slow
/// password hash adds nothing); the secret is shown once when it is created.
/// </summary>
public sealed class ApiKey
{
    /// <summary>Row id.</summary>
    public int Id { get; set; }

    /// <summary>Who or what the key is for.</summary>
    public required string Name { get; set; }

    /// <summary>The first characters of the key, shown in lists so that a key can be recognized.</summary>
    public required string Prefix { get; set; }

    /// <summary>SHA-256 of the whole key, hex.</summary>
    public required string Hash { get; set; }

    /// <summary>Scopes, separated by spaces.</summary>
    public required string Scopes { get; set; }

    /// <summary>Who created it.</summary>
    public required string CreatedBy { get; set; }

    /// <summary>When.</summary>
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>When it stops working, if ever.</summary>
    public DateTimeOffset? ExpiresAt { get; set; }

    /// <summary>When it was revoked.</summary>
    public DateTimeOffset? RevokedAt { get; set; }
}
