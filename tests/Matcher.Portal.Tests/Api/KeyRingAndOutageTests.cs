using System.Net;
using System.Net.Http.Json;
using Matcher.Portal.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Matcher.Portal.Api;

/// <summary>With a certificate configured, the Data Protection keys are stored encrypted.</summary>
public sealed class KeyRingTests(CertificateKeyRingHost host) : IClassFixture<CertificateKeyRingHost>
{
    [Fact]
    public async Task KeyRing_WithACertificate_IsEncryptedAtRest()
    {
        await using var db = host.CreateDbContext();
        var keys = await db.DataProtectionKeys.AsNoTracking().Select(k => k.Xml).ToListAsync();
        Assert.NotEmpty(keys);
        Assert.All(keys, xml =>
        {
            Assert.Contains("EncryptedData", xml!, StringComparison.Ordinal);
            Assert.DoesNotContain("<masterKey", xml!, StringComparison.Ordinal);
        });

        // And the host still reads what it protected: the demo cohort decrypts and matches.
        using var admin = await host.AdminAsync();
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync(new Uri("/api/v1/auth/me", UriKind.Relative))).StatusCode);
    }
}

/// <summary>
/// A database outage on a real PostgreSQL server: readiness fails, matching keeps answering from memory, writes answer
/// 503 problem details, and everything recovers without a restart.
/// </summary>
public sealed class DatabaseOutageTests(PostgresHost host) : IClassFixture<PostgresHost>
{
    [Fact]
    public async Task DatabaseDown_ReadyFails_MatchingWorks_WritesAnswer503_ThenRecovers()
    {
        using var admin = await host.AdminAsync();
        using var client = host.Anonymous();
        var name = new NpgsqlConnectionStringBuilder(host.Database).Database!;
        try
        {
            await SetConnectionsAsync(name, allow: false);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, await PollReadyAsync(client, HttpStatusCode.ServiceUnavailable));

            var match = await client.PostAsync(new Uri("/api/v1/match?date=2025-09-20", UriKind.Relative), new StringContent(
                await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "students", "huancavelica.json")), System.Text.Encoding.UTF8, "application/json"));
            Assert.Equal(HttpStatusCode.OK, match.StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/api/v1/scholarships/beca18-2026-ordinaria", UriKind.Relative))).StatusCode);

            var write = await admin.PostAsJsonAsync("/api/v1/weights", new { name = "durante la caída", need = 1.0, merit = 0.0, fit = 0.0, value = 0.0, urgency = 0.0, priority = 0.0 });
            Assert.Equal(HttpStatusCode.ServiceUnavailable, write.StatusCode);
            Assert.Equal("application/problem+json", write.Content.Headers.ContentType?.MediaType);
        }
        finally
        {
            await SetConnectionsAsync(name, allow: true);
        }

        Assert.Equal(HttpStatusCode.OK, await PollReadyAsync(client, HttpStatusCode.OK));
        var after = await admin.PostAsJsonAsync("/api/v1/weights", new { name = "después de la caída", need = 1.0, merit = 0.0, fit = 0.0, value = 0.0, urgency = 0.0, priority = 0.0 });
        Assert.Equal(HttpStatusCode.Created, after.StatusCode);
    }

    private static async Task<HttpStatusCode> PollReadyAsync(HttpClient client, HttpStatusCode wanted)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        HttpStatusCode status;
        do
        {
            status = (await client.GetAsync(new Uri("/health/ready", UriKind.Relative))).StatusCode;
            if (status == wanted)
            {
                break;
            }

            await Task.Delay(200);
        }
        while (DateTime.UtcNow < deadline);
        return status;
    }

    /// <summary>Refuses (or allows again) new connections to the host's database and drops the open ones.</summary>
    private async Task SetConnectionsAsync(string database, bool allow)
    {
        var builder = new NpgsqlConnectionStringBuilder(host.Database) { Database = "postgres", Pooling = false };
        await using var connection = new NpgsqlConnection(builder.ConnectionString);
        await connection.OpenAsync();
        await using (var alter = connection.CreateCommand())
        {
            alter.CommandText = $"ALTER DATABASE {database} ALLOW_CONNECTIONS {(allow ? "true" : "false")}";
            await alter.ExecuteNonQueryAsync();
        }

        if (!allow)
        {
            await using var terminate = connection.CreateCommand();
            terminate.CommandText = $"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{database}'";
            await terminate.ExecuteNonQueryAsync();
        }
    }
}
