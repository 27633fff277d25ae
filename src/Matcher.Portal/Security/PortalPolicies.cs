using Microsoft.AspNetCore.Authorization;

namespace Matcher.Portal.Security;

/// <summary>Authorization policies: each allows some roles (signed-in users) and an API-key scope.</summary>
public static class PortalPolicies
{
    /// <summary>Batch matching.</summary>
    public const string MatchBatch = "match-batch";

    /// <summary>Editing the catalog.</summary>
    public const string CatalogWrite = "catalog-write";

    /// <summary>Registered students.</summary>
    public const string Students = "students";

    /// <summary>Recording outcomes.</summary>
    public const string OutcomesWrite = "outcomes-write";

    /// <summary>Reading outcomes and weights.</summary>
    public const string Analytics = "analytics";

    /// <summary>Users, keys, weights, models, audit.</summary>
    public const string Admin = "admin";

    internal static void Add(AuthorizationOptions options)
    {
        Allow(options, MatchBatch, ApiScopes.MatchBatch, PortalRoles.Admin, PortalRoles.Counselor);
        Allow(options, CatalogWrite, ApiScopes.CatalogWrite, PortalRoles.Admin, PortalRoles.Provider);
        Allow(options, Students, ApiScopes.Students, PortalRoles.Admin, PortalRoles.Counselor);
        Allow(options, OutcomesWrite, ApiScopes.OutcomesWrite, PortalRoles.Admin, PortalRoles.Counselor);
        Allow(options, Analytics, ApiScopes.OutcomesRead, PortalRoles.Admin, PortalRoles.Analyst);
        Allow(options, Admin, scope: null, PortalRoles.Admin);
    }

    private static void Allow(AuthorizationOptions options, string name, string? scope, params string[] roles) =>
        options.AddPolicy(name, p => p
            .AddAuthenticationSchemes(PortalAuthentication.Scheme)
            .RequireAuthenticatedUser()
            .RequireAssertion(ctx =>
                roles.Any(ctx.User.IsInRole)
                || (scope is not null && ctx.User.HasClaim(ApiScopes.ClaimType, scope))));
}
