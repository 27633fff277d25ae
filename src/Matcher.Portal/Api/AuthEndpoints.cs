using System.Security.Claims;
using System.Text.Json;
using Matcher.Portal.Data;
using Matcher.Portal.Data.Entities;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Matcher.Portal.Api;

/// <summary>Cookie sign-in for the portal's own pages and for scripts: <c>/api/v1/auth/login</c>, <c>logout</c>, <c>me</c>.</summary>
internal static class AuthEndpoints
{
    public const string LoginRateLimit = "login";

    public static RouteGroupBuilder MapAuthEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/auth").WithTags("Sign-in");
        group.MapPost("/login", Login).AllowAnonymous().RequireRateLimiting(LoginRateLimit).WithName("Login")
            .WithSummary("Signs in with user name and password; sets the session cookie. Five failures lock the account for 15 minutes.")
            .Accepts<LoginInput>("application/json").ProducesProblem(StatusCodes.Status401Unauthorized);
        group.MapPost("/logout", Logout).RequireAuthorization().WithName("Logout").WithSummary("Ends the session.");
        group.MapGet("/me", Me).RequireAuthorization().WithName("Me").WithSummary("Who is signed in, and their roles or scopes.");
        return api;
    }

    private static async Task<IResult> Login(HttpContext http, SignInManager<PortalUser> signIn, IDbContextFactory<MatcherDbContext> databases, TimeProvider time)
    {
        var culture = ApiProblems.Culture(http);
        var (input, _) = await JsonBody.ReadAsync<LoginInput>(http).ConfigureAwait(false);

        if (input?.UserName is not { Length: > 0 and <= 256 } || input.Password is not { Length: > 0 and <= 512 })
        {
            return ApiProblems.Field("$", "Indique userName y password.", "Give userName and password.", culture);
        }

        var result = await signIn.PasswordSignInAsync(input.UserName, input.Password, isPersistent: false, lockoutOnFailure: true).ConfigureAwait(false);
        await using (var db = await databases.CreateDbContextAsync(http.RequestAborted).ConfigureAwait(false))
        {
            // Who tried is recorded (ASVS 16.3.1), never the password.
            AuditLog.Add(db, time, input.UserName, result.Succeeded ? "auth.login" : result.IsLockedOut ? "auth.locked-out" : "auth.failed", "user", input.UserName);
            await db.SaveChangesAsync(http.RequestAborted).ConfigureAwait(false);
        }

        if (result.Succeeded)
        {
            return TypedResults.NoContent();
        }

        // One answer for unknown users, wrong passwords and locked accounts, so that none can be told apart.
        return TypedResults.Problem(
            statusCode: StatusCodes.Status401Unauthorized,
            title: ApiProblems.Text(culture, "No se pudo ingresar", "Sign-in failed"),
            detail: ApiProblems.Text(culture, "Usuario o contraseña incorrectos, o cuenta bloqueada temporalmente.", "Wrong user name or password, or the account is temporarily locked."));
    }

    private static async Task<IResult> Logout(SignInManager<PortalUser> signIn)
    {
        await signIn.SignOutAsync().ConfigureAwait(false);
        return TypedResults.NoContent();
    }

    private static IResult Me(ClaimsPrincipal user) => TypedResults.Ok(new
    {
        name = user.Identity?.Name,
        roles = user.FindAll(ClaimTypes.Role).Select(c => c.Value).ToArray(),
        scopes = user.FindAll(Security.ApiScopes.ClaimType).Select(c => c.Value).ToArray(),
    });
}

/// <summary>Body of <c>POST /api/v1/auth/login</c>.</summary>
public sealed record LoginInput(string? UserName, string? Password);
