namespace Matcher.Portal.Data.Entities;

/// <summary>
/// A student registered by a counselor. The profile (CONTRACT §1) is stored encrypted; the DNI is stored only as a keyed
/// hash, so it can be looked up but not read back.
/// </summary>
public sealed class Student
{
    /// <summary>Row id.</summary>
    public Guid Id { get; set; }

    /// <summary>The profile's <c>id</c> field (the counselor's own identifier). Not personal data by contract.</summary>
    public required string ExternalId { get; set; }

    /// <summary>The counselor who registered the student; <see langword="null"/> for the demo cohort.</summary>
    public string? OwnerId { get; set; }

    /// <summary>Whether the student belongs to the synthetic demo cohort.</summary>
    public bool IsDemo { get; set; }

    /// <summary>The profile JSON, encrypted with ASP.NET Core Data Protection.</summary>
    public required string ProfileCiphertext { get; set; }

    /// <summary>HMAC-SHA256 of the normalized DNI under the host's secret key, hex; <see langword="null"/> when not given.</summary>
    public string? DniHash { get; set; }

    /// <summary>
    /// Keyed hash of the private access code a student got when saving their own answers on the public page (shown
    /// once, never stored); <see langword="null"/> for students registered by counselors.
    /// </summary>
    public string? AccessCodeHash { get; set; }

    /// <summary>When consent to store the data was given.</summary>
    public DateTimeOffset? ConsentAt { get; set; }

    /// <summary>Whether a parent or guardian gave the consent (required for minors).</summary>
    public bool GuardianConsent { get; set; }

    /// <summary>Who recorded the consent: the counselor's user name or <c>apikey:{name}</c>.</summary>
    public string? ConsentRecordedBy { get; set; }

    /// <summary>Version of the consent text the consent was given for.</summary>
    public string? ConsentTextVersion { get; set; }

    /// <summary>When consent was withdrawn (opposition): from then on the student is not matched nor given outcomes.</summary>
    public DateTimeOffset? ConsentWithdrawnAt { get; set; }

    /// <summary>When the row was created.</summary>
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>When the row was changed last.</summary>
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>Concurrency token.</summary>
    public int Revision { get; set; }
}
