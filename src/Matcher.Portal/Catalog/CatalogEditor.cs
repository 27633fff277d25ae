using System.Security.Claims;
using Matcher.Catalog;
using Matcher.Portal.Data;
using Matcher.Portal.Data.Entities;
using Matcher.Portal.Security;
using Matcher.Scholarships;
using Matcher.Serialization;
using Microsoft.EntityFrameworkCore;
using CallStatus = Matcher.Portal.Data.Entities.CallStatus;

namespace Matcher.Portal.Catalog;

/// <summary>
/// Creates, edits, publishes and archives calls. Every change names the revision it was based on and is refused with a
/// conflict when somebody else changed the call in between, so no edit is lost. A publish or archive bumps the catalog
/// revision in the same transaction and reloads this replica at once; other replicas follow on their next poll.
/// </summary>
internal sealed partial class CatalogEditor(
    IDbContextFactory<MatcherDbContext> databases,
    ICatalogProvider catalog,
    TimeProvider time,
    ILogger<CatalogEditor> logger)
{
    public async Task<CallEditResult> CreateAsync(ClaimsPrincipal user, string json, CancellationToken cancellationToken)
    {
        if (!TryParse(json, out var scholarship, out var errors))
        {
            return CallEditResult.Invalid(errors);
        }

        await using var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        if (await db.Calls.AnyAsync(c => c.Id == scholarship.Id, cancellationToken).ConfigureAwait(false))
        {
            var existing = await db.Calls.AsNoTracking().SingleAsync(c => c.Id == scholarship.Id, cancellationToken).ConfigureAwait(false);
            return CallEditResult.Conflict(existing);
        }

        var provider = await ProviderForAsync(db, scholarship, cancellationToken).ConfigureAwait(false);
        if (!await MayEditAsync(db, user, provider.Id, cancellationToken).ConfigureAwait(false))
        {
            return CallEditResult.Forbidden;
        }

        var now = time.GetUtcNow();
        var actor = CurrentActor.Name(user);
        var call = new ScholarshipCall
        {
            Id = scholarship.Id,
            Provider = provider,
            Program = await ProgramForAsync(db, provider, scholarship.Program, cancellationToken).ConfigureAwait(false),
            Status = CallStatus.Draft,
            DraftJson = json,
            Revision = 1,
            CreatedBy = actor,
            CreatedAt = now,
            UpdatedBy = actor,
            UpdatedAt = now,
        };
        db.Calls.Add(call);
        AddRevision(db, call, "created", actor, now);
        AuditLog.Add(db, time, actor, "call.create", "call", call.Id, "revision 1");
        try
        {
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (DbUpdateException)
        {
            // The same id was created concurrently.
            await using var again = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
            return CallEditResult.Conflict(await again.Calls.AsNoTracking().SingleAsync(c => c.Id == scholarship.Id, cancellationToken).ConfigureAwait(false));
        }

        return new CallEditResult(CallEditOutcome.Ok, call);
    }

    public Task<CallEditResult> UpdateDraftAsync(ClaimsPrincipal user, string id, int expectedRevision, string json, CancellationToken cancellationToken)
    {
        if (!TryParse(json, out var scholarship, out var errors))
        {
            return Task.FromResult(CallEditResult.Invalid(errors));
        }

        if (!string.Equals(scholarship.Id, id, StringComparison.Ordinal))
        {
            return Task.FromResult(CallEditResult.Invalid(
                [new InputError("$.id", "catalog.id-file-mismatch", new Dictionary<string, object?> { ["value"] = scholarship.Id, ["file"] = id })]));
        }

        return ChangeAsync(user, id, expectedRevision, "edited", "call.edit", call =>
        {
            call.DraftJson = json;
            if (call.Status == CallStatus.Archived)
            {
                call.Status = CallStatus.Draft;
            }

            return false;
        }, cancellationToken);
    }

    public Task<CallEditResult> PublishAsync(ClaimsPrincipal user, string id, int expectedRevision, CancellationToken cancellationToken) =>
        ChangeAsync(user, id, expectedRevision, "published", "call.publish", call =>
        {
            call.PublishedJson = call.DraftJson;
            call.PublishedRevision = call.Revision + 1;
            call.Status = CallStatus.Published;
            return true;
        }, cancellationToken);

    public Task<CallEditResult> ArchiveAsync(ClaimsPrincipal user, string id, int expectedRevision, CancellationToken cancellationToken) =>
        ChangeAsync(user, id, expectedRevision, "archived", "call.archive", call =>
        {
            var wasPublished = call.Status == CallStatus.Published;
            call.Status = CallStatus.Archived;
            return wasPublished;
        }, cancellationToken);

    /// <summary>Whether the user may change the calls of a provider: admins and API keys with the scope any, provider users their own.</summary>
    public static async Task<bool> MayEditAsync(MatcherDbContext db, ClaimsPrincipal user, int providerId, CancellationToken cancellationToken)
    {
        if (CurrentActor.IsAdmin(user) || user.HasClaim(ApiScopes.ClaimType, ApiScopes.CatalogWrite))
        {
            return true;
        }

        if (!user.IsInRole(PortalRoles.Provider))
        {
            return false;
        }

        var userId = CurrentActor.Id(user);
        var own = await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => u.ProviderId).SingleOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        return own == providerId;
    }

    private async Task<CallEditResult> ChangeAsync(
        ClaimsPrincipal user,
        string id,
        int expectedRevision,
        string revisionAction,
        string auditAction,
        Func<ScholarshipCall, bool> change,
        CancellationToken cancellationToken,
        int attempt = 0)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var call = await db.Calls.SingleOrDefaultAsync(c => c.Id == id, cancellationToken).ConfigureAwait(false);
        if (call is null)
        {
            return CallEditResult.NotFound;
        }

        if (!await MayEditAsync(db, user, call.ProviderId, cancellationToken).ConfigureAwait(false))
        {
            return CallEditResult.Forbidden;
        }

        if (call.Revision != expectedRevision)
        {
            return CallEditResult.Conflict(call);
        }

        var catalogChanged = change(call);
        var now = time.GetUtcNow();
        var actor = CurrentActor.Name(user);
        call.Revision++;
        call.UpdatedAt = now;
        call.UpdatedBy = actor;
        AddRevision(db, call, revisionAction, actor, now);
        AuditLog.Add(db, time, actor, auditAction, "call", call.Id, $"revision {call.Revision}");
        CatalogState? state = null;
        if (catalogChanged)
        {
            state = await db.CatalogStates.SingleAsync(cancellationToken).ConfigureAwait(false);
            state.Revision++;
            state.UpdatedAt = now;
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (DbUpdateConcurrencyException ex) when (attempt < 5 && ex.Entries.All(e => e.Entity is CatalogState))
        {
            // Only the catalog counter moved (another call was published at the same moment): redo on fresh rows,
            // which checks the call's own revision again.
            db.ChangeTracker.Clear();
            return await ChangeAsync(user, id, expectedRevision, revisionAction, auditAction, change, cancellationToken, attempt + 1).ConfigureAwait(false);
        }
        catch (DbUpdateConcurrencyException)
        {
            await using var fresh = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
            return CallEditResult.Conflict(await fresh.Calls.AsNoTracking().SingleAsync(c => c.Id == id, cancellationToken).ConfigureAwait(false));
        }

        string? version = null;
        if (catalogChanged)
        {
            LogCatalogChanged(call.Id, state!.Revision);
            version = (await catalog.ReloadAsync(cancellationToken).ConfigureAwait(false)).Version;
        }

        return new CallEditResult(CallEditOutcome.Ok, call, CatalogVersion: version);
    }

    private static void AddRevision(MatcherDbContext db, ScholarshipCall call, string action, string actor, DateTimeOffset now) =>
        db.CallRevisions.Add(new ScholarshipCallRevision
        {
            CallId = call.Id,
            Revision = call.Revision,
            Action = action,
            Json = call.DraftJson,
            CreatedBy = actor,
            CreatedAt = now,
        });

    private static async Task<Provider> ProviderForAsync(MatcherDbContext db, Scholarship scholarship, CancellationToken cancellationToken) =>
        await db.Providers.SingleOrDefaultAsync(p => p.Name == scholarship.Provider, cancellationToken).ConfigureAwait(false)
        ?? db.Providers.Add(new Provider { Name = scholarship.Provider }).Entity;

    private static async Task<ScholarshipProgram> ProgramForAsync(MatcherDbContext db, Provider provider, string code, CancellationToken cancellationToken) =>
        (provider.Id == 0 ? null : await db.Programs.SingleOrDefaultAsync(p => p.ProviderId == provider.Id && p.Code == code, cancellationToken).ConfigureAwait(false))
        ?? db.Programs.Add(new ScholarshipProgram { Code = code, Provider = provider }).Entity;

    private static bool TryParse(string json, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out Scholarship? scholarship, out IReadOnlyList<InputError> errors)
    {
        try
        {
            scholarship = ScholarshipJson.Parse(json);
            errors = [];
            return true;
        }
        catch (MatcherInputException ex)
        {
            scholarship = null;
            errors = ex.Errors;
            return false;
        }
    }

    [LoggerMessage(1, LogLevel.Information, "Call {CallId} changed the published catalog; revision {Revision}.")]
    private partial void LogCatalogChanged(string callId, int revision);
}
