using Matcher.Portal.Data;
using Matcher.Portal.Data.Entities;
using Matcher.Portal.Services;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Matcher.Portal.Security;

/// <summary>
/// Role changes and lockout for the admin API and the admin page alike: the same checks, the same Identity calls (the
/// security stamp changes, so the user's sessions end) and the same audit rows.
/// </summary>
internal sealed class UserAdministration(UserManager<PortalUser> users, IDbContextFactory<MatcherDbContext> databases, TimeProvider time)
{
    /// <summary>Replaces a user's roles; <see langword="null"/> when done, else why not (<see cref="FieldRefusal.NotFound"/> for an unknown user).</summary>
    public async Task<FieldRefusal?> SetRolesAsync(string id, IReadOnlyCollection<string>? roles, string actorId, string actor, CancellationToken cancellationToken)
    {
        if (roles is null || roles.Any(r => !PortalRoles.All.Contains(r)))
        {
            return new("$", "Envíe una lista de roles: " + string.Join(", ", PortalRoles.All), "Send a list of roles: " + string.Join(", ", PortalRoles.All));
        }

        if (id == actorId && !roles.Contains(PortalRoles.Admin))
        {
            return new("$", "No puede quitarse a sí mismo el rol admin: pídalo a otro administrador.", "You cannot remove your own admin role: ask another admin.");
        }

        var user = await users.FindByIdAsync(id).ConfigureAwait(false);
        if (user is null)
        {
            return FieldRefusal.NotFound;
        }

        var current = await users.GetRolesAsync(user).ConfigureAwait(false);
        await users.RemoveFromRolesAsync(user, current.Except(roles)).ConfigureAwait(false);
        await users.AddToRolesAsync(user, roles.Except(current)).ConfigureAwait(false);
        await users.UpdateSecurityStampAsync(user).ConfigureAwait(false);
        await AuditAsync(actor, "user.roles", id, string.Join(' ', roles), cancellationToken).ConfigureAwait(false);
        return null;
    }

    /// <summary>Locks a user out for good and ends their sessions.</summary>
    public async Task<FieldRefusal?> LockAsync(string id, string actorId, string actor, CancellationToken cancellationToken)
    {
        if (id == actorId)
        {
            return new("id", "No puede bloquearse a sí mismo.", "You cannot lock yourself out.");
        }

        var user = await users.FindByIdAsync(id).ConfigureAwait(false);
        if (user is null)
        {
            return FieldRefusal.NotFound;
        }

        await users.SetLockoutEnabledAsync(user, true).ConfigureAwait(false);
        await users.SetLockoutEndDateAsync(user, DateTimeOffset.MaxValue).ConfigureAwait(false);
        await users.UpdateSecurityStampAsync(user).ConfigureAwait(false);
        await AuditAsync(actor, "user.lock", id, null, cancellationToken).ConfigureAwait(false);
        return null;
    }

    /// <summary>Lets a locked-out user sign in again (and forgets their failed attempts).</summary>
    public async Task<FieldRefusal?> UnlockAsync(string id, string actor, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(id).ConfigureAwait(false);
        if (user is null)
        {
            return FieldRefusal.NotFound;
        }

        await users.SetLockoutEndDateAsync(user, null).ConfigureAwait(false);
        await users.ResetAccessFailedCountAsync(user).ConfigureAwait(false);
        await AuditAsync(actor, "user.unlock", id, null, cancellationToken).ConfigureAwait(false);
        return null;
    }

    private async Task AuditAsync(string actor, string action, string id, string? detail, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        AuditLog.Add(db, time, actor, action, "user", id, detail);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
    }
}
