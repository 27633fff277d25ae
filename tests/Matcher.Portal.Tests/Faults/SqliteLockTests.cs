using System.Net;
using System.Net.Http.Json;
using System.Text;
using Matcher.Portal.Infrastructure;
using Microsoft.Data.Sqlite;

namespace Matcher.Portal.Faults;

/// <summary>
/// The SQLite file locked by another process (a backup tool, a long manual transaction): writes answer 503 problem
/// details once the busy timeout passes, matching keeps answering from memory, and writes work again as soon as the
/// lock is released, without a restart. (Readiness stays up: SQLite can always open the file; only writing waits.)
/// </summary>
public sealed class SqliteLockTests(SqliteLockTests.LockableHost host) : IClassFixture<SqliteLockTests.LockableHost>
{
    [Fact]
    public async Task FileLockedByAnotherWriter_WritesAnswer503_MatchingWorks_ThenRecovers()
    {
        using var admin = await host.AdminAsync();
        using var client = host.Anonymous();
        await using (var holder = new SqliteConnection($"Data Source={host.FilePath};Pooling=False"))
        {
            await holder.OpenAsync();
            await using (var begin = holder.CreateCommand())
            {
                begin.CommandText = "BEGIN EXCLUSIVE";
                await begin.ExecuteNonQueryAsync();
            }

            var write = await admin.PostAsJsonAsync("/api/v1/weights", new { name = "con el archivo bloqueado", need = 1.0, merit = 0.0, fit = 0.0, value = 0.0, urgency = 0.0, priority = 0.0 });
            Assert.Equal(HttpStatusCode.ServiceUnavailable, write.StatusCode);
            Assert.Equal("application/problem+json", write.Content.Headers.ContentType?.MediaType);
            Assert.True(write.Headers.Contains("Retry-After"));

            var match = await client.PostAsync(new Uri("/api/v1/match?date=2025-09-20", UriKind.Relative), new StringContent(
                await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "students", "huancavelica.json")), Encoding.UTF8, "application/json"));
            Assert.Equal(HttpStatusCode.OK, match.StatusCode);

            await using var rollback = holder.CreateCommand();
            rollback.CommandText = "ROLLBACK";
            await rollback.ExecuteNonQueryAsync();
        }

        var after = await admin.PostAsJsonAsync("/api/v1/weights", new { name = "después del bloqueo", need = 1.0, merit = 0.0, fit = 0.0, value = 0.0, urgency = 0.0, priority = 0.0 });
        Assert.Equal(HttpStatusCode.Created, after.StatusCode);
    }

    /// <summary>A SQLite host whose busy timeout is one second, so that a locked file fails a write quickly.</summary>
    public sealed class LockableHost : PortalHost
    {
        public override bool IsPostgres => false;

        public string FilePath { get; private set; } = "";

        protected override string CreateDatabase()
        {
            FilePath = Path.Combine(Directory.CreateTempSubdirectory("matcher-lock-").FullName, "matcher.db");
            return $"Data Source={FilePath};Default Timeout=1";
        }
    }
}
