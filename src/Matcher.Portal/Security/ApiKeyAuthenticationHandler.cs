using System.Security.Claims;
using System.Text.Encodings.Web;
using Matcher.Portal.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Matcher.Portal.Security;

/// <summary>Authenticates <c>X-Api-Key</c>: a key that exists, is not revoked and has not expired; its scopes become claims.</summary>
internal sealed partial class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    IDbContextFactory<MatcherDbContext> databases,
    TimeProvider time) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(PortalAuthentication.ApiKeyHeader, out var values) || values.Count != 1 || string.IsNullOrWhiteSpace(values[0]))
        {
            return AuthenticateResult.NoResult();
        }

        var hash = ApiKeyHasher.Hash(values[0]!.Trim());
        await using var db = await databases.CreateDbContextAsync(Context.RequestAborted).ConfigureAwait(false);
        var key = await db.ApiKeys.AsNoTracking().FirstOrDefaultAsync(k => k.Hash == hash, Context.RequestAborted).ConfigureAwait(false);
        var now = time.GetUtcNow();
        if (key is null || key.RevokedAt is not null || (key.ExpiresAt is { } expires && expires <= now))
        {
            LogRejected(Logger);
            return AuthenticateResult.Fail("Invalid API key.");
        }

        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, $"apikey:{key.Id}"),
            new(ClaimTypes.Name, $"apikey:{key.Name}"),
        };
        claims.AddRange(key.Scopes.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(s => new Claim(ApiScopes.ClaimType, s)));
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, Scheme.Name));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, Scheme.Name));
    }

    [LoggerMessage(1, LogLevel.Warning, "An API key was rejected (unknown, revoked or expired).")]
    private static partial void LogRejected(ILogger logger);
}
