using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Matcher.Portal.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Matcher.Portal.Security;

/// <summary>Lockout and its admin unlock, and API keys kept only as hashes (ASVS 6.3.1, 11.4.x).</summary>
public sealed class AuthenticationTests(SqliteHost host) : IClassFixture<SqliteHost>
{
    [Fact]
    public async Task Lockout_RefusesTheRightPasswordAfterFiveFailures_UntilAnAdminUnlocks()
    {
        using var admin = await host.AdminAsync();
        var name = "unlock-" + Guid.NewGuid().ToString("N")[..8];
        const string password = "Right-Password-For-Tests-2";
        var created = await admin.PostAsJsonAsync("/api/v1/users", new { userName = name, password, roles = new[] { PortalRoles.Analyst } });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();

        using var client = host.Anonymous();
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostAsJsonAsync("/api/v1/auth/login", new { userName = name, password = "wrong-password-" + i })).StatusCode);
        }

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostAsJsonAsync("/api/v1/auth/login", new { userName = name, password })).StatusCode);

        using (var analyst = await host.UserAsync(PortalRoles.Analyst))
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await analyst.PostAsync(new Uri($"/api/v1/users/{id}/unlock", UriKind.Relative), null)).StatusCode);
        }

        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsync(new Uri($"/api/v1/users/{id}/unlock", UriKind.Relative), null)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsJsonAsync("/api/v1/auth/login", new { userName = name, password })).StatusCode);
        await using var db = host.CreateDbContext();
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == "user.unlock" && a.EntityId == id));
    }

    [Fact]
    public async Task ApiKey_IsStoredOnlyAsItsHash()
    {
        using var admin = await host.AdminAsync();
        var response = await admin.PostAsJsonAsync("/api/v1/api-keys", new { name = "hash check", scopes = new[] { ApiScopes.MatchBatch } });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var key = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("key").GetString()!;
        var secret = key["mk_".Length..];

        await using (var db = host.CreateDbContext())
        {
            var row = await db.ApiKeys.AsNoTracking().SingleAsync(k => k.Name == "hash check");
            Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key))), row.Hash);
        }

        // No column of any table holds the key or its secret part.
        await using var connection = new SqliteConnection(host.Database);
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = connection.CreateCommand())
        {
            list.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table'";
            await using var reader = await list.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }

        var seen = 0;
        foreach (var table in tables)
        {
            await using var select = connection.CreateCommand();
            select.CommandText = $"SELECT * FROM \"{table}\"";
            await using var reader = await select.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                for (var c = 0; c < reader.FieldCount; c++)
                {
                    var value = reader.IsDBNull(c) ? "" : reader.GetValue(c) is byte[] b ? Encoding.UTF8.GetString(b) : Convert.ToString(reader.GetValue(c), System.Globalization.CultureInfo.InvariantCulture)!;
                    seen++;
                    Assert.DoesNotContain(secret, value, StringComparison.Ordinal);
                }
            }
        }

        Assert.True(seen > 100, "the scan read the database");
    }
}

/// <summary>A host that allows three sign-in attempts a minute per client.</summary>
public sealed class LoginLimitedHost : PortalHost
{
    public override bool IsPostgres => false;

    protected override IEnumerable<KeyValuePair<string, string>> Settings => [new("Portal:LoginPermitsPerMinute", "3")];

    protected override string CreateDatabase() =>
        $"Data Source={Path.Combine(Directory.CreateTempSubdirectory("matcher-login-rl-").FullName, "matcher.db")}";
}

/// <summary>Sign-in is rate-limited per client on top of the per-account lockout (ASVS 6.3.1, 2.4.1).</summary>
public sealed class LoginRateLimitTests(LoginLimitedHost host) : IClassFixture<LoginLimitedHost>
{
    [Fact]
    public async Task Login_PastThePerMinuteLimit_Answers429EvenWithTheRightPassword()
    {
        using var client = host.Anonymous();
        var answers = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            answers.Add((await client.PostAsJsonAsync("/api/v1/auth/login", new { userName = "admin", password = "wrong-password-" + i })).StatusCode);
        }

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.Unauthorized, a));
        var limited = await client.PostAsJsonAsync("/api/v1/auth/login", new { userName = "admin", password = PortalHost.AdminPassword });
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.NotNull(limited.Headers.RetryAfter);
        Assert.Equal("application/problem+json", limited.Content.Headers.ContentType?.MediaType);

        // Other endpoints are not limited by it.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/api/v1/scholarships", UriKind.Relative))).StatusCode);
    }
}
