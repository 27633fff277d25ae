using System.Globalization;
using System.Text.Json;
using Matcher.Portal.Data;
using Matcher.Portal.Data.Entities;
using Matcher.Portal.Security;
using Matcher.Portal.Services;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Matcher.Portal.Api;

/// <summary>Users and roles, API keys (shown once, stored hashed) and the audit log; admins only.</summary>
internal static class AdminEndpoints
{
    public static RouteGroupBuilder MapAdminEndpoints(this RouteGroupBuilder api)
    {
        var users = api.MapGroup("/users").WithTags("Administration").RequireAuthorization(PortalPolicies.Admin);
        users.MapGet("/", ListUsers).WithName("ListUsers").WithSummary("Every user with roles and lockout state.");
        users.MapPost("/", CreateUser).WithName("CreateUser").WithSummary("Creates a user with roles.").Accepts<UserInput>("application/json").ProducesValidationProblem();
        users.MapPut("/{id}/roles", SetRoles).WithName("SetUserRoles").WithSummary("Replaces a user's roles.").Accepts<string[]>("application/json");
        users.MapPost("/{id}/lock", Lock).WithName("LockUser").WithSummary("Locks a user out and ends their sessions.");
        users.MapPost("/{id}/unlock", Unlock).WithName("UnlockUser").WithSummary("Lets a locked-out user sign in again.");

        var keys = api.MapGroup("/api-keys").WithTags("Administration").RequireAuthorization(PortalPolicies.Admin);
        keys.MapGet("/", ListKeys).WithName("ListApiKeys").WithSummary("Every key (prefix and scopes; never the secret).");
        keys.MapPost("/", CreateKey).WithName("CreateApiKey").WithSummary("Creates a key; the answer is the only time the secret is shown.")
            .Accepts<ApiKeyInput>("application/json").ProducesValidationProblem();
        keys.MapDelete("/{id:int}", RevokeKey).WithName("RevokeApiKey").WithSummary("Revokes a key at once.");

        api.MapGet("/audit", Audit).WithTags("Administration").RequireAuthorization(PortalPolicies.Admin)
            .WithName("AuditLog").WithSummary("The audit log, newest first, paged by id (before=…).");
        return api;
    }

    private static async Task<IResult> ListUsers(UserManager<PortalUser> users, HttpContext http)
    {
        var all = await users.Users.AsNoTracking().OrderBy(u => u.UserName).ToListAsync(http.RequestAborted).ConfigureAwait(false);
        var items = new List<UserItem>(all.Count);
        foreach (var u in all)
        {
            items.Add(new UserItem(u.Id, u.UserName!, u.DisplayName, u.ProviderId, [.. await users.GetRolesAsync(u).ConfigureAwait(false)], u.LockoutEnd is { } end && end > DateTimeOffset.MinValue.AddYears(1) && await users.IsLockedOutAsync(u).ConfigureAwait(false)));
        }

        return TypedResults.Ok(items);
    }

    private static async Task<IResult> CreateUser(HttpContext http, UserManager<PortalUser> users, IDbContextFactory<MatcherDbContext> databases, TimeProvider time)
    {
        var culture = ApiProblems.Culture(http);
        var (input, problem) = await JsonBody.ReadAsync<UserInput>(http).ConfigureAwait(false);
        if (problem is not null)
        {
            return problem;
        }

        if (input?.UserName is null || input.Password is null)
        {
            return ApiProblems.Field("$", "Indique userName y password.", "Give userName and password.", culture);
        }

        var badRole = input.Roles?.FirstOrDefault(r => !PortalRoles.All.Contains(r));
        if (badRole is not null)
        {
            return ApiProblems.Field("$.roles", "Roles: " + string.Join(", ", PortalRoles.All), "Roles: " + string.Join(", ", PortalRoles.All), culture);
        }

        var user = new PortalUser { UserName = input.UserName, DisplayName = input.DisplayName, ProviderId = input.ProviderId, EmailConfirmed = true };
        var created = await users.CreateAsync(user, input.Password).ConfigureAwait(false);
        if (!created.Succeeded)
        {
            return TypedResults.ValidationProblem(created.Errors.GroupBy(e => e.Code.StartsWith("Password", StringComparison.Ordinal) ? "$.password" : "$.userName")
                .ToDictionary(g => g.Key, g => g.Select(e => e.Description).ToArray()));
        }

        if (input.Roles is { Length: > 0 })
        {
            await users.AddToRolesAsync(user, input.Roles).ConfigureAwait(false);
        }

        await WriteAuditAsync(databases, time, http, "user.create", user.Id, string.Join(' ', input.Roles ?? [])).ConfigureAwait(false);
        return TypedResults.Created($"/api/v1/users/{user.Id}", new { id = user.Id });
    }

    private static async Task<IResult> SetRoles(HttpContext http, string id, UserAdministration administration)
    {
        var (roles, _) = await JsonBody.ReadAsync<string[]>(http).ConfigureAwait(false);
        return Answer(http, id, await administration.SetRolesAsync(id, roles, CurrentActor.Id(http.User), CurrentActor.Name(http.User), http.RequestAborted).ConfigureAwait(false));
    }

    private static async Task<IResult> Lock(HttpContext http, string id, UserAdministration administration) =>
        Answer(http, id, await administration.LockAsync(id, CurrentActor.Id(http.User), CurrentActor.Name(http.User), http.RequestAborted).ConfigureAwait(false));

    private static async Task<IResult> Unlock(HttpContext http, string id, UserAdministration administration) =>
        Answer(http, id, await administration.UnlockAsync(id, CurrentActor.Name(http.User), http.RequestAborted).ConfigureAwait(false));

    private static IResult Answer(HttpContext http, string id, FieldRefusal? refusal) => refusal switch
    {
        null => TypedResults.NoContent(),
        _ when ReferenceEquals(refusal, FieldRefusal.NotFound) => ApiProblems.NotFound(ApiProblems.Culture(http), id),
        _ => ApiProblems.Field(refusal.Field, refusal.Es, refusal.En, ApiProblems.Culture(http)),
    };

    private static async Task<IResult> ListKeys(HttpContext http, IDbContextFactory<MatcherDbContext> databases)
    {
        await using var db = await databases.CreateDbContextAsync(http.RequestAborted).ConfigureAwait(false);
        var keys = await db.ApiKeys.AsNoTracking().OrderBy(k => k.Id)
            .Select(k => new ApiKeyItem(k.Id, k.Name, k.Prefix, k.Scopes.Split(' ', StringSplitOptions.RemoveEmptyEntries), k.CreatedBy, k.CreatedAt, k.ExpiresAt, k.RevokedAt))
            .ToListAsync(http.RequestAborted).ConfigureAwait(false);
        return TypedResults.Ok(keys);
    }

    private static async Task<IResult> CreateKey(HttpContext http, IDbContextFactory<MatcherDbContext> databases, TimeProvider time)
    {
        var culture = ApiProblems.Culture(http);
        var (input, problem) = await JsonBody.ReadAsync<ApiKeyInput>(http).ConfigureAwait(false);
        if (problem is not null)
        {
            return problem;
        }

        if (input is null || string.IsNullOrWhiteSpace(input.Name) || input.Name.Length > 200)
        {
            return ApiProblems.Field("$.name", "Dé un nombre de hasta 200 caracteres.", "Give a name of at most 200 characters.", culture);
        }

        if (input.Scopes is not { Length: > 0 } || input.Scopes.Any(s => !ApiScopes.All.Contains(s)))
        {
            return ApiProblems.Field("$.scopes", "Alcances: " + string.Join(", ", ApiScopes.All), "Scopes: " + string.Join(", ", ApiScopes.All), culture);
        }

        if (input.ExpiresInDays is < 1 or > 3650)
        {
            return ApiProblems.Field("$.expiresInDays", "Entre 1 y 3650 días.", "Between 1 and 3650 days.", culture);
        }

        var secret = ApiKeyHasher.NewKey();
        var now = time.GetUtcNow();
        var key = new ApiKey
        {
            Name = input.Name,
            Prefix = ApiKeyHasher.VisiblePrefix(secret),
            Hash = ApiKeyHasher.Hash(secret),
            Scopes = string.Join(' ', input.Scopes.Distinct(StringComparer.Ordinal)),
            CreatedBy = CurrentActor.Name(http.User),
            CreatedAt = now,
            ExpiresAt = input.ExpiresInDays is { } days ? now.AddDays(days) : null,
        };
        await using var db = await databases.CreateDbContextAsync(http.RequestAborted).ConfigureAwait(false);
        db.ApiKeys.Add(key);
        await db.SaveChangesAsync(http.RequestAborted).ConfigureAwait(false);
        AuditLog.Add(db, time, key.CreatedBy, "apikey.create", "apikey", key.Id.ToString(CultureInfo.InvariantCulture), key.Scopes);
        await db.SaveChangesAsync(http.RequestAborted).ConfigureAwait(false);
        http.Response.Headers.CacheControl = "no-store";
        return TypedResults.Created($"/api/v1/api-keys/{key.Id}", new CreatedApiKey(key.Id, key.Name, secret, key.Prefix, input.Scopes, key.ExpiresAt));
    }

    private static async Task<IResult> RevokeKey(HttpContext http, int id, IDbContextFactory<MatcherDbContext> databases, TimeProvider time)
    {
        await using var db = await databases.CreateDbContextAsync(http.RequestAborted).ConfigureAwait(false);
        var key = await db.ApiKeys.FindAsync([id], http.RequestAborted).ConfigureAwait(false);
        if (key is null)
        {
            return ApiProblems.NotFound(ApiProblems.Culture(http), $"api key {id}");
        }

        key.RevokedAt ??= time.GetUtcNow();
        AuditLog.Add(db, time, CurrentActor.Name(http.User), "apikey.revoke", "apikey", id.ToString(CultureInfo.InvariantCulture));
        await db.SaveChangesAsync(http.RequestAborted).ConfigureAwait(false);
        return TypedResults.NoContent();
    }

    private static async Task<IResult> Audit(HttpContext http, IDbContextFactory<MatcherDbContext> databases, string? before = null, string? limit = null)
    {
        if (!QueryNumber.TryRead(before, out var beforeId))
        {
            return ApiProblems.Field("before", "Debe ser un número entero.", "Must be a whole number.", ApiProblems.Culture(http));
        }

        if (!QueryNumber.TryRead(limit, out var limitValue))
        {
            return ApiProblems.Field("limit", "Debe ser un número entero.", "Must be a whole number.", ApiProblems.Culture(http));
        }

        var take = (int)Math.Clamp(limitValue ?? 100, 1, 1000);
        await using var db = await databases.CreateDbContextAsync(http.RequestAborted).ConfigureAwait(false);
        var entries = await db.AuditEntries.AsNoTracking().Where(a => beforeId == null || a.Id < beforeId).OrderByDescending(a => a.Id).Take(take)
            .ToListAsync(http.RequestAborted).ConfigureAwait(false);
        return TypedResults.Ok(entries);
    }

    private static async Task WriteAuditAsync(IDbContextFactory<MatcherDbContext> databases, TimeProvider time, HttpContext http, string action, string id, string? detail)
    {
        await using var db = await databases.CreateDbContextAsync(http.RequestAborted).ConfigureAwait(false);
        AuditLog.Add(db, time, CurrentActor.Name(http.User), action, "user", id, detail);
        await db.SaveChangesAsync(http.RequestAborted).ConfigureAwait(false);
    }
}

/// <summary>Body of <c>POST /api/v1/users</c>.</summary>
public sealed record UserInput(string? UserName, string? Password, string? DisplayName, string[]? Roles, int? ProviderId);

/// <summary>A user in the admin list.</summary>
public sealed record UserItem(string Id, string UserName, string? DisplayName, int? ProviderId, IReadOnlyList<string> Roles, bool LockedOut);

/// <summary>Body of <c>POST /api/v1/api-keys</c>.</summary>
public sealed record ApiKeyInput(string? Name, string[]? Scopes, int? ExpiresInDays);

/// <summary>A key in the admin list.</summary>
public sealed record ApiKeyItem(int Id, string Name, string Prefix, string[] Scopes, string CreatedBy, DateTimeOffset CreatedAt, DateTimeOffset? ExpiresAt, DateTimeOffset? RevokedAt);

/// <summary>A newly created key: the only answer that carries the secret.</summary>
public sealed record CreatedApiKey(int Id, string Name, string Key, string Prefix, string[] Scopes, DateTimeOffset? ExpiresAt);
