using System.Security.Claims;

namespace Matcher.Portal.Security;

/// <summary>Who is acting, as written in the audit log and in ownership columns.</summary>
internal static class CurrentActor
{
    /// <summary>The user id (or <c>apikey:{id}</c>), used for ownership.</summary>
    public static string Id(ClaimsPrincipal user) =>
        user.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("An authenticated principal has no id.");

    /// <summary>The user name (or <c>apikey:{name}</c>), used in the audit log.</summary>
    public static string Name(ClaimsPrincipal user) => user.Identity?.Name ?? Id(user);

    /// <summary>Whether the principal may see every owner's data.</summary>
    public static bool IsAdmin(ClaimsPrincipal user) => user.IsInRole(PortalRoles.Admin);
}
