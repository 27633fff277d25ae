using Matcher.Portal.Data;
using Matcher.Portal.Data.Entities;
using Matcher.Portal.Services;
using Matcher.Serialization;
using Matcher.Students;
using Matcher.Portal.Options;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Matcher.Portal.Students;

/// <summary>
/// Stores a student with consent, for the API (<c>POST /api/v1/students</c>) and the pages alike: nothing is stored
/// without consent, a minor (or a student whose age is unknown) needs a parent's or guardian's, the profile is
/// encrypted, a DNI is kept only as a keyed hash, and the audit row commits with the student.
/// </summary>
internal sealed class StudentRegistrar(StudentVault vault, IDbContextFactory<MatcherDbContext> databases, IMatcherClock clock, TimeProvider time, IOptions<PortalOptions> options)
{
    /// <summary>The version of the consent text in force (<c>Portal:ConsentTextVersion</c>).</summary>
    public string ConsentTextVersion => options.Value.ConsentTextVersion;

    /// <summary>The consent rule: <see langword="null"/> when the data may be stored.</summary>
    /// <param name="profile">The profile.</param>
    /// <param name="consent">Whether consent was given.</param>
    /// <param name="guardian">Whether a parent or guardian gave it.</param>
    /// <param name="textVersion">The consent text version the consent was given on; <see langword="null"/> means the current one.</param>
    public FieldRefusal? CheckConsent(StudentProfile profile, bool consent, bool guardian, string? textVersion = null)
    {
        ArgumentNullException.ThrowIfNull(profile);
        if (!consent)
        {
            return new("consent.given", "Sin consentimiento no se guarda ningún dato.", "Without consent no data is stored.");
        }

        var current = ConsentTextVersion;
        if (textVersion is not null && textVersion != current)
        {
            return new("consent.textVersion", $"El consentimiento debe darse sobre el texto vigente (versión {current}).", $"Consent must be given for the current text (version {current}).");
        }

        return NeedsGuardian(profile) && !guardian
            ? new("consent.guardian", "Para menores de edad (o si no se sabe la edad) se necesita el consentimiento de madre, padre o apoderado.", "Minors (or students of unknown age) need a parent's or guardian's consent.")
            : null;
    }

    /// <summary>Whether storing this profile needs a guardian's consent: a minor today, or a student of unknown age.</summary>
    public bool NeedsGuardian(StudentProfile profile) => IsMinor(profile, clock.Today()) is not false;

    /// <summary>Stores the student when <see cref="CheckConsent"/> allows it, with the audit row, in one transaction.</summary>
    /// <param name="profile">The profile.</param>
    /// <param name="dni">DNI (8 digits, already validated) or <see langword="null"/>.</param>
    /// <param name="consent">Whether consent was given.</param>
    /// <param name="guardian">Whether a parent or guardian gave it.</param>
    /// <param name="textVersion">The consent text version the consent was given on; <see langword="null"/> means the current one.</param>
    /// <param name="ownerId">The owner (a counselor's user id) or <see langword="null"/> for a student who saved their own answers.</param>
    /// <param name="actor">Who acts, for the audit log.</param>
    /// <param name="accessCodeHash">The keyed hash of a student's private access code, or <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the save.</param>
    public async Task<(Student? Student, FieldRefusal? Refusal)> RegisterAsync(StudentProfile profile, string? dni, bool consent, bool guardian, string? textVersion, string? ownerId, string actor, string? accessCodeHash, CancellationToken cancellationToken)
    {
        if (CheckConsent(profile, consent, guardian, textVersion) is { } refusal)
        {
            return (null, refusal);
        }

        var now = time.GetUtcNow();
        var student = new Student
        {
            Id = Guid.CreateVersion7(now),
            ExternalId = profile.Id,
            OwnerId = ownerId,
            ProfileCiphertext = vault.Protect(StudentProfileJson.Serialize(profile)),
            DniHash = dni is null ? null : await vault.HashDniAsync(dni, cancellationToken).ConfigureAwait(false),
            AccessCodeHash = accessCodeHash,
            ConsentAt = now,
            GuardianConsent = guardian,
            ConsentRecordedBy = actor,
            ConsentTextVersion = ConsentTextVersion,
            CreatedAt = now,
            UpdatedAt = now,
            Revision = 1,
        };
        await using var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        db.Students.Add(student);
        AuditLog.Add(db, time, actor, "student.register", "student", student.Id.ToString(), (guardian ? "guardian consent" : "own consent") + " text " + ConsentTextVersion);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return (student, null);
    }

    private static bool? IsMinor(StudentProfile profile, DateOnly today) =>
        profile.BirthDate is { } birth ? birth.AddYears(18) > today : null;
}
