using System.Security.Claims;
using Matcher.Portal.Data;
using Matcher.Portal.Security;
using Matcher.Portal.Students;
using Matcher.Serialization;
using Matcher.Students;
using Microsoft.EntityFrameworkCore;

namespace Matcher.Portal.Services;

/// <summary>A stored student's id, external id and decrypted profile.</summary>
/// <param name="Id">Row id.</param>
/// <param name="ExternalId">The counselor's own id.</param>
/// <param name="Profile">The profile.</param>
public sealed record StoredStudent(Guid Id, string ExternalId, StudentProfile Profile);

/// <summary>
/// Reads stored students for the pages: the synthetic demo cohort (previews), one counselor's own students, or every
/// student for aggregate statistics. Profiles are decrypted in memory only and never logged.
/// </summary>
internal sealed class StudentDirectory(IDbContextFactory<MatcherDbContext> databases, StudentVault vault)
{
    /// <summary>The demo cohort (students with <c>IsDemo</c>).</summary>
    public Task<IReadOnlyList<StoredStudent>> DemoAsync(CancellationToken cancellationToken) =>
        LoadAsync(db => db.Students.Where(s => s.IsDemo), cancellationToken);

    /// <summary>The caller's own students; an admin sees every registered (non-demo) student, as in the API.</summary>
    public Task<IReadOnlyList<StoredStudent>> OwnedAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (CurrentActor.IsAdmin(user))
        {
            return LoadAsync(db => db.Students.Where(s => !s.IsDemo), cancellationToken);
        }

        var owner = CurrentActor.Id(user);
        return LoadAsync(db => db.Students.Where(s => s.OwnerId == owner), cancellationToken);
    }

    /// <summary>Every student, demo and registered, for aggregate statistics.</summary>
    public Task<IReadOnlyList<StoredStudent>> AllAsync(CancellationToken cancellationToken) =>
        LoadAsync(db => db.Students, cancellationToken);

    private async Task<IReadOnlyList<StoredStudent>> LoadAsync(Func<MatcherDbContext, IQueryable<Data.Entities.Student>> query, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        // A student who withdrew consent is no longer processed: not matched, previewed or counted by the pages.
        var rows = await query(db).AsNoTracking().Where(s => s.ConsentWithdrawnAt == null).OrderBy(s => s.CreatedAt).ThenBy(s => s.ExternalId)
            .Select(s => new { s.Id, s.ExternalId, s.ProfileCiphertext })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return rows.Select(r => new StoredStudent(r.Id, r.ExternalId, StudentProfileJson.Parse(vault.Unprotect(r.ProfileCiphertext)))).ToList();
    }
}
