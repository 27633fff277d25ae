using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Matcher.Portal.Api;
using Matcher.Portal.Infrastructure;
using Npgsql;

namespace Matcher.Portal.Faults;

/// <summary>
/// The real host process on a real PostgreSQL server, killed with SIGKILL while it writes: after a restart, every write
/// it acknowledged (2xx received) is there, and nothing is half there. Each test keeps its own log of acknowledged ids.
/// </summary>
[Collection(nameof(KillTests))]
[CollectionDefinition(nameof(KillTests), DisableParallelization = true)]
public sealed class KillTests
{
    private const int EntriesPerImport = 250;

    [Fact]
    public async Task KilledDuringImports_EveryAcknowledgedImportIsWhole_AndNoImportIsPartial()
    {
        var database = PostgresServer.NewDatabase();
        var acknowledged = new ConcurrentDictionary<string, bool>(StringComparer.Ordinal);
        var sent = new ConcurrentDictionary<string, bool>(StringComparer.Ordinal);
        int[] killAfterMs = [20, 180, 450];
        for (var round = 0; round < killAfterMs.Length; round++)
        {
            await using var host = await HostProcess.StartReadyAsync(database);
            using var admin = await host.AdminAsync();
            var ackedThisRound = 0;
            var writer = Task.Run(async () =>
            {
                for (var n = 0; n < 1000; n++)
                {
                    var batch = $"kill-r{round}-{n}";
                    var publish = n % 2 == 1;
                    var body = string.Join('\n', Enumerable.Range(0, EntriesPerImport).Select(i => CallImportTests.Entry($"{batch}-{i}")));
                    sent[batch] = publish;
                    try
                    {
                        var response = await CallImportTests.PostAsync(admin, body, lines: true, publish);
                        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
                        acknowledged[batch] = publish;
                        Interlocked.Increment(ref ackedThisRound);
                    }
                    catch (HttpRequestException)
                    {
                        return;
                    }
                }
            });

            await WaitUntilAsync(() => Volatile.Read(ref ackedThisRound) >= 2 || writer.IsCompleted, host);
            await Task.Delay(killAfterMs[round]);
            host.Kill();
            await writer;
        }

        await using var final = await HostProcess.StartReadyAsync(database);
        using var client = await final.AdminAsync();
        var calls = (await client.GetFromJsonAsync<JsonElement>("/api/v1/calls"))
            .EnumerateArray()
            .Where(c => c.GetProperty("id").GetString()!.StartsWith("kill-", StringComparison.Ordinal))
            .ToList();
        var byBatch = calls.GroupBy(c => BatchOf(c.GetProperty("id").GetString()!), StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);

        Assert.True(acknowledged.Count >= 6, $"only {acknowledged.Count} imports were acknowledged");
        foreach (var (batch, published) in acknowledged)
        {
            Assert.True(byBatch.TryGetValue(batch, out var found), $"acknowledged import {batch} is missing");
            Assert.Equal(EntriesPerImport, found.Count);
            Assert.All(found, c => Assert.Equal(published ? "published" : "draft", c.GetProperty("status").GetString()));
        }

        foreach (var (batch, found) in byBatch)
        {
            Assert.True(sent.ContainsKey(batch), $"{batch} was never sent");
            Assert.Equal(EntriesPerImport, found.Count);
        }

        // The published ones are served by the restarted host.
        using var anonymous = new HttpClient { BaseAddress = final.Address };
        foreach (var batch in acknowledged.Where(a => a.Value).Select(a => a.Key))
        {
            Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync(new Uri($"/api/v1/scholarships/{batch}-0", UriKind.Relative))).StatusCode);
        }

        // Every call has its revisions and audit rows: nothing of an import committed without the rest.
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        Assert.Equal(calls.Count, await CountAsync(connection, "SELECT count(*) FROM \"CallRevisions\" WHERE \"CallId\" LIKE 'kill-%' AND \"Action\" = 'imported'"));
        Assert.Equal(calls.Count, await CountAsync(connection, "SELECT count(*) FROM \"AuditEntries\" WHERE \"EntityId\" LIKE 'kill-%' AND \"Action\" LIKE 'call.import%'"));
        Assert.Equal(byBatch.Count, await CountAsync(connection, "SELECT count(*) FROM \"AuditEntries\" WHERE \"Action\" = 'calls.import'"));
    }

    [Fact]
    public async Task KilledDuringOutcomeWrites_EveryAcknowledgedOutcomeIsThere_WithItsAuditRow()
    {
        var database = PostgresServer.NewDatabase();
        var acknowledged = new ConcurrentBag<long>();
        Guid? student = null;
        for (var round = 0; round < 2; round++)
        {
            await using var host = await HostProcess.StartReadyAsync(database);
            using var admin = await host.AdminAsync();
            student ??= await RegisterAsync(admin);
            var ackedThisRound = 0;
            var writers = Enumerable.Range(0, 4).Select(w => Task.Run(async () =>
            {
                for (var n = 0; n < 5000; n++)
                {
                    try
                    {
                        var response = await admin.PostAsJsonAsync("/api/v1/outcomes", new { studentId = student, scholarshipId = "beca18-2026-ordinaria", outcome = "applied", recordedOn = "2025-10-01" });
                        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
                        acknowledged.Add((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64());
                        Interlocked.Increment(ref ackedThisRound);
                    }
                    catch (HttpRequestException)
                    {
                        return;
                    }
                }
            })).ToArray();

            await WaitUntilAsync(() => Volatile.Read(ref ackedThisRound) >= 100 || writers.All(w => w.IsCompleted), host);
            host.Kill();
            await Task.WhenAll(writers);
        }

        await using var final = await HostProcess.StartReadyAsync(database);
        using var client = await final.AdminAsync();
        var stored = (await client.GetFromJsonAsync<JsonElement>("/api/v1/outcomes?limit=10000")).EnumerateArray().Select(o => o.GetProperty("id").GetInt64()).ToHashSet();
        Assert.True(acknowledged.Count >= 200, $"only {acknowledged.Count} outcomes were acknowledged");
        Assert.DoesNotContain(acknowledged, id => !stored.Contains(id));

        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        Assert.Equal(stored.Count, await CountAsync(connection, "SELECT count(*) FROM \"AuditEntries\" WHERE \"Action\" = 'outcome.record'"));
    }

    [Fact]
    public async Task KilledDuringFirstStartSeeding_TheNextStartCompletesTheSeed()
    {
        var database = PostgresServer.NewDatabase();

        // Right after the catalog is seeded (before the demo cohort and the first admin), then early in another start.
        await using (var first = HostProcess.Start(database))
        {
            Assert.True(await first.WaitForOutputAsync("Seeded catalog", TimeSpan.FromMinutes(2)), first.Output);
            first.Kill();
        }

        await using (var second = HostProcess.Start(database))
        {
            await Task.Delay(400);
            second.Kill();
        }

        await using (var host = await HostProcess.StartReadyAsync(database))
        {
            await AssertSeededAsync(host);
        }

        // A start killed between creating the first admin and giving it its role: the next start gives it the role.
        await using (var connection = new NpgsqlConnection(database))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand("DELETE FROM \"AspNetUserRoles\"", connection);
            Assert.Equal(1, await command.ExecuteNonQueryAsync());
        }

        await using (var repaired = await HostProcess.StartReadyAsync(database))
        {
            await AssertSeededAsync(repaired);
        }
    }

    private static async Task AssertSeededAsync(HostProcess host)
    {
        using var admin = await host.AdminAsync();
        var me = await admin.GetFromJsonAsync<JsonElement>("/api/v1/auth/me");
        Assert.Contains("admin", me.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        var entries = Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "catalog-entries"), "*.json").Length;
        var page = await admin.GetFromJsonAsync<JsonElement>("/api/v1/scholarships?pageSize=100");
        Assert.Equal(entries, page.GetProperty("total").GetInt32());
        var weights = await admin.GetFromJsonAsync<JsonElement>("/api/v1/weights");
        Assert.Single(weights.EnumerateArray(), w => w.GetProperty("isActive").GetBoolean());
    }

    private static async Task<Guid> RegisterAsync(HttpClient admin)
    {
        var profile = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "students", "huancavelica.json"));
        var response = await admin.PostAsync(new Uri("/api/v1/students", UriKind.Relative), new StringContent("{\"profile\":" + profile + ",\"consent\":{\"given\":true,\"guardian\":true}}", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    private static string BatchOf(string id) => id[..id.LastIndexOf('-')];

    private static async Task<long> CountAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static async Task WaitUntilAsync(Func<bool> condition, HostProcess host)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(clock.Elapsed < TimeSpan.FromMinutes(2), "no acknowledged writes within 2 minutes:\n" + host.Output);
            await Task.Delay(10);
        }
    }
}
