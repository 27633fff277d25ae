using System.Net;
using System.Net.Http.Json;
using System.Text;
using Matcher.Portal.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Matcher.Portal.Api;

/// <summary>A LightGBM model trained in .NET is uploaded, activated, ranks the host's matches, and can be rolled back.</summary>
public sealed class RankerModelTests(SqliteHost host) : IClassFixture<SqliteHost>
{
    [Fact]
    public async Task Models_InvalidFilesAreRefused_AnActiveModelRanks_AndDeactivatingRestoresTheWeightedRanking()
    {
        using var admin = await host.AdminAsync();
        using var client = host.Anonymous();
        var garbage = await admin.PostAsync(new Uri("/api/v1/models?kind=lightgbm&name=basura", UriKind.Relative), new ByteArrayContent(Encoding.UTF8.GetBytes("not a model")));
        Assert.Equal(HttpStatusCode.BadRequest, garbage.StatusCode);
        var badKind = await admin.PostAsync(new Uri("/api/v1/models?kind=xgboost&name=x", UriKind.Relative), new ByteArrayContent([1, 2, 3]));
        Assert.Equal(HttpStatusCode.BadRequest, badKind.StatusCode);

        var weighted = await MatchAsync(client);
        var upload = await admin.PostAsync(new Uri("/api/v1/models?kind=lightgbm&name=simulado", UriKind.Relative), new ByteArrayContent(TrainModel()));
        Assert.Equal(HttpStatusCode.Created, upload.StatusCode);
        var version = (await upload.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("version").GetInt32();
        try
        {
            Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsync(new Uri($"/api/v1/models/{version}/activate", UriKind.Relative), null)).StatusCode);
            var learned = await MatchAsync(client);
            Assert.NotEqual(weighted, learned);
            Assert.Equal(Ids(weighted).Order(StringComparer.Ordinal), Ids(learned).Order(StringComparer.Ordinal));
            var metrics = await client.GetStringAsync(new Uri("/metrics", UriKind.Relative));
            Assert.Contains($"matcher_model_info{{model_version=\"{version}\",ranker=\"lightgbm\"", metrics, StringComparison.Ordinal);
        }
        finally
        {
            Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsync(new Uri("/api/v1/models/deactivate", UriKind.Relative), null)).StatusCode);
        }

        Assert.Equal(weighted, await MatchAsync(client));
    }

    private static async Task<string> MatchAsync(HttpClient client)
    {
        var json = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "students", "huancavelica.json"));
        var response = await client.PostAsync(new Uri("/api/v1/match?date=2025-09-20", UriKind.Relative), new StringContent(json, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    private static List<string> Ids(string report) =>
        System.Text.Json.JsonDocument.Parse(report).RootElement.GetProperty("matches").EnumerateArray().Select(m => m.GetProperty("scholarshipId").GetString()!).ToList();

    private static byte[] TrainModel()
    {
        using var services = new ServiceCollection().AddScholarshipMatcher().Services.BuildServiceProvider();
        var outcomes = Matcher.MLNet.Simulation.OutcomeSimulator.Simulate(services, new Matcher.MLNet.Simulation.OutcomeSimulationOptions { Students = 300 });
        var path = Path.Combine(Directory.CreateTempSubdirectory("matcher-model-").FullName, "ranker.zip");
        Matcher.MLNet.Ranking.LightGbmRankerTrainer.Train(services, outcomes, path);
        return File.ReadAllBytes(path);
    }
}
