using Matcher.Portal.Data;
using Matcher.Portal.Services;
using Matcher.Serialization;
using Matcher.Students;
using Microsoft.EntityFrameworkCore;

namespace Matcher.Portal.Students;

/// <summary>
/// Questionnaire answers a student chose to save on the public page: stored with consent through
/// <see cref="StudentRegistrar"/> (the API's rules), owned by no counselor, reachable only with the private access code
/// given once at saving, and deleted with it. Nothing about the student is logged.
/// </summary>
internal sealed class SavedAnswers(StudentRegistrar registrar, StudentVault vault, IDbContextFactory<MatcherDbContext> databases, TimeProvider time)
{
    /// <summary>Who acts in the audit log when a student saves or deletes their own answers.</summary>
    public const string Actor = "public:access-code";

    /// <summary>Saves the answers when consent allows it and returns the access code, to be shown once.</summary>
    public async Task<(string? Code, FieldRefusal? Refusal)> SaveAsync(StudentProfile profile, bool consent, bool guardian, CancellationToken cancellationToken)
    {
        if (registrar.CheckConsent(profile, consent, guardian) is { } refusal)
        {
            return (null, refusal);
        }

        var code = AccessCode.New();
        var hash = await vault.HashAccessCodeAsync(AccessCode.Normalize(code)!, cancellationToken).ConfigureAwait(false);
        (_, refusal) = await registrar.RegisterAsync(profile, dni: null, consent, guardian, textVersion: null, ownerId: null, Actor, hash, cancellationToken).ConfigureAwait(false);
        return refusal is null ? (code, null) : (null, refusal);
    }

    /// <summary>The answers saved under a code; <see langword="null"/> when the code is malformed or unknown.</summary>
    public async Task<StoredStudent?> FindAsync(string? typedCode, CancellationToken cancellationToken)
    {
        if (await HashAsync(typedCode, cancellationToken).ConfigureAwait(false) is not { } hash)
        {
            return null;
        }

        await using var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var row = await db.Students.AsNoTracking().Where(s => s.AccessCodeHash == hash && s.OwnerId == null && !s.IsDemo)
            .Select(s => new { s.Id, s.ExternalId, s.ProfileCiphertext }).SingleOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        return row is null ? null : new StoredStudent(row.Id, row.ExternalId, StudentProfileJson.Parse(vault.Unprotect(row.ProfileCiphertext)));
    }

    /// <summary>Deletes the answers saved under a code, with everything derived from them; false when there are none.</summary>
    public async Task<bool> DeleteAsync(string? typedCode, CancellationToken cancellationToken)
    {
        if (await HashAsync(typedCode, cancellationToken).ConfigureAwait(false) is not { } hash)
        {
            return false;
        }

        await using var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var student = await db.Students.SingleOrDefaultAsync(s => s.AccessCodeHash == hash && s.OwnerId == null && !s.IsDemo, cancellationToken).ConfigureAwait(false);
        if (student is null)
        {
            return false;
        }

        db.Students.Remove(student);
        AuditLog.Add(db, time, Actor, "student.delete", "student", student.Id.ToString(), "by the student's access code");
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return true;
    }

    private async Task<string?> HashAsync(string? typedCode, CancellationToken cancellationToken) =>
        AccessCode.Normalize(typedCode) is { } code ? await vault.HashAccessCodeAsync(code, cancellationToken).ConfigureAwait(false) : null;
}
