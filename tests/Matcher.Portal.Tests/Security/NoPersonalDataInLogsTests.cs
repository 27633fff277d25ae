using Matcher.Portal.Infrastructure;

namespace Matcher.Portal.Security;

/// <summary>
/// Every log entry of a full flow (register with consent, match, batch match, look-up, outcome, export, delete,
/// sign-in), captured at Trace through a provider added to the real host, holds no DNI, name, birth date, income,
/// condition or e-mail; nor does any secret of the host (the admin password, an API key, the database password).
/// </summary>
public sealed class NoPersonalDataInLogsTests(LogCaptureHost host) : IClassFixture<LogCaptureHost>
{
    [Fact]
    public async Task FullFlow_AtTrace_LogsNoPersonalData()
    {
        await PersonalDataFlow.RunAsync(host);
        var lines = host.Logs.Lines.ToList();

        // The capture works: Trace and Debug entries, EF Core's commands and the requests are there.
        Assert.Contains(lines, l => l.StartsWith("Trace ", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("Debug ", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("Microsoft.EntityFrameworkCore.Database.Command", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("/api/v1/students", StringComparison.Ordinal));

        var found = PersonalDataFlow.Secrets
            .SelectMany(secret => lines.Where(l => l.Contains(secret, StringComparison.OrdinalIgnoreCase)).Take(2).Select(l => $"'{secret}' in: {l[..Math.Min(l.Length, 400)]}"))
            .ToList();
        Assert.True(found.Count == 0, "Personal data in the logs:\n" + string.Join('\n', found));
    }
}

/// <summary>No secret of the host is logged: the admin password, an API key (or its hash), the database password.</summary>
public sealed class NoSecretsInLogsTests(PostgresLogCaptureHost host) : IClassFixture<PostgresLogCaptureHost>
{
    [Fact]
    public async Task Secrets_AreNeverLogged()
    {
        using var keyed = await host.ApiKeyClientAsync(ApiScopes.MatchBatch);
        var key = keyed.DefaultRequestHeaders.GetValues(PortalAuthentication.ApiKeyHeader).Single();
        await keyed.GetAsync(new Uri("/api/v1/auth/me", UriKind.Relative));
        using var wrong = host.Anonymous();
        wrong.DefaultRequestHeaders.Add(PortalAuthentication.ApiKeyHeader, key + "x");
        await wrong.GetAsync(new Uri("/api/v1/auth/me", UriKind.Relative));

        var lines = host.Logs.Lines.ToList();
        Assert.Contains(lines, l => l.Contains("API key was rejected", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("Microsoft.EntityFrameworkCore.Database.Connection", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Contains(PortalHost.AdminPassword, StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Contains(PostgresLogCaptureHost.DatabasePassword, StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Contains(key["mk_".Length..], StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Contains(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(key))), StringComparison.Ordinal));
    }
}
