using Matcher.MLNet.Outcomes;
using Matcher.Portal.Data;
using Matcher.Portal.Data.Entities;
using Matcher.Portal.Students;
using Matcher.Serialization;
using Microsoft.EntityFrameworkCore;

namespace Matcher.Portal.Services;

/// <summary>
/// The recorded outcomes as the learned rankers read them (docs/outcomes.md): each with the student's profile, decrypted
/// only here, under the host's opaque student id (the counselor's own id never leaves the host).
/// </summary>
internal static class RecordedOutcomes
{
    public static async Task<IReadOnlyList<OutcomeRecord>> LoadAsync(MatcherDbContext db, StudentVault vault, CancellationToken cancellationToken)
    {
        var rows = await db.Outcomes.AsNoTracking().OrderBy(o => o.Id)
            .Join(db.Students.AsNoTracking().Where(s => s.ConsentWithdrawnAt == null), o => o.StudentId, s => s.Id, (o, s) => new { o.StudentId, o.ScholarshipId, o.Status, o.RecordedOn, s.ProfileCiphertext })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return rows.Select(r => new OutcomeRecord(
            StudentProfileJson.Parse(vault.Unprotect(r.ProfileCiphertext)) with { Id = r.StudentId.ToString() },
            r.ScholarshipId,
            r.Status switch
            {
                OutcomeStatus.Applied => OutcomeKind.Applied,
                OutcomeStatus.Shortlisted => OutcomeKind.Shortlisted,
                OutcomeStatus.Awarded => OutcomeKind.Awarded,
                _ => OutcomeKind.Rejected,
            },
            r.RecordedOn,
            Synthetic: false)).ToList();
    }
}
