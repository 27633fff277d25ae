using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Matcher.Catalog;
using Matcher.Matching;
using Matcher.Portal.Infrastructure;
using Matcher.Serialization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Matcher.Portal.Api;

/// <summary>
/// The API suite. It runs once on SQLite and once on PostgreSQL (the two derived classes), against the real host with
/// its migrations and seed data. Each test makes its own data (fresh ids), so no test depends on another.
/// </summary>
public abstract class ApiTests(PortalHost host)
{
    private static readonly string CasesDirectory = Path.Combine(AppContext.BaseDirectory, "cases");

    protected PortalHost Host { get; } = host;

    public static TheoryData<string> GoldenCases()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(CasesDirectory, "*.json").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(file));
        }

        return data;
    }

    [Fact]
    public async Task Migrations_AreAllAppliedToTheEmptyDatabase()
    {
        await using var db = Host.CreateDbContext();
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.NotEmpty(await db.Database.GetAppliedMigrationsAsync());
        Assert.Equal(Host.IsPostgres ? "Npgsql.EntityFrameworkCore.PostgreSQL" : "Microsoft.EntityFrameworkCore.Sqlite", db.Database.ProviderName);
        Assert.Equal(36, await db.Calls.CountAsync(c => c.CreatedBy == "system"));
        Assert.Equal(40, await db.Students.CountAsync(s => s.IsDemo));
    }

    [Fact]
    public async Task Health_LiveAndReady_AnswerHealthy()
    {
        using var client = Host.Anonymous();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/health/live", UriKind.Relative))).StatusCode);
        var ready = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("Healthy", await ready.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Metrics_ExposeRequestsMatchLatencyAndVersions()
    {
        using var client = Host.Anonymous();
        var match = await client.PostAsync(new Uri("/api/v1/match?date=2025-09-20", UriKind.Relative), StudentContent("metrics-1"));
        Assert.Equal(HttpStatusCode.OK, match.StatusCode);
        var metrics = await client.GetStringAsync(new Uri("/metrics", UriKind.Relative));
        Assert.Contains("http_requests_received_total", metrics, StringComparison.Ordinal);
        Assert.Contains("matcher_match_duration_seconds_bucket{endpoint=\"match\"", metrics, StringComparison.Ordinal);
        Assert.Contains("matcher_catalog_info{catalog_version=", metrics, StringComparison.Ordinal);
        Assert.Contains("matcher_model_info{model_version=\"none\",ranker=\"weighted\"", metrics, StringComparison.Ordinal);
        Assert.Contains("matcher_match_results_total{verdict=\"eligible\"}", metrics, StringComparison.Ordinal);

        // Every host series the dashboard and the alerts query is one the host exports.
        var monitoring = string.Concat(
            await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "monitoring", "matcher.json")),
            await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "monitoring", "prometheusrule.yaml")));
        var queried = System.Text.RegularExpressions.Regex.Matches(monitoring, @"\b(matcher_[a-z_]+|http_request_[a-z_]+)")
            .Select(m => m.Value.Replace("_bucket", "", StringComparison.Ordinal).Replace("_count", "", StringComparison.Ordinal).Replace("_sum", "", StringComparison.Ordinal))
            .Distinct(StringComparer.Ordinal).ToList();
        Assert.NotEmpty(queried);
        Assert.All(queried, name => Assert.Contains("# TYPE " + name + " ", metrics, StringComparison.Ordinal));
    }

    [Fact]
    public async Task OpenApi_DescribesEveryPublicEndpoint()
    {
        using var client = Host.Anonymous();
        using var doc = JsonDocument.Parse(await client.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative)));
        var paths = doc.RootElement.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var path in new[] { "/api/v1/match", "/api/v1/match/batch", "/api/v1/scholarships", "/api/v1/scholarships/{id}", "/api/v1/calls/{id}/publish", "/api/v1/students", "/api/v1/outcomes", "/api/v1/weights", "/api/v1/models", "/api/v1/api-keys", "/api/v1/users" })
        {
            Assert.Contains(path, paths);
        }

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/scalar/v1", UriKind.Relative))).StatusCode);
    }

    [Theory]
    [MemberData(nameof(GoldenCases))]
    public async Task Match_GivesTheLibrarysVerdictsForEveryGoldenCase(string file)
    {
        using var doc = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(CasesDirectory, file)));
        var asOf = doc.RootElement.GetProperty("asOf").GetString()!;
        var profileJson = doc.RootElement.GetProperty("profile").GetRawText();
        var expected = LibraryMatcher.Value.Match(StudentProfileJson.Parse(profileJson), new MatchRequest { AsOf = DateOnly.Parse(asOf, System.Globalization.CultureInfo.InvariantCulture), IncludeIneligible = true });

        using var client = Host.Anonymous();
        var response = await client.PostAsync(new Uri($"/api/v1/match?date={asOf}&all=true", UriKind.Relative), new StringContent(profileJson, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var report = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var actual = report.RootElement.GetProperty("matches").EnumerateArray()
            .ToDictionary(m => m.GetProperty("scholarshipId").GetString()!, m => (Verdict: m.GetProperty("verdict").GetString(), Missing: string.Join('|', m.GetProperty("missing").EnumerateArray().Select(x => x.GetString()))));
        foreach (var match in expected.Matches)
        {
            Assert.True(actual.TryGetValue(match.ScholarshipId, out var got), $"{file}: {match.ScholarshipId} missing from the API report");
            Assert.Equal((EnumText.Of(match.Verdict), string.Join('|', match.Missing)), got);
        }
    }

    [Fact]
    public async Task Match_StoresNothing()
    {
        await using var before = Host.CreateDbContext();
        var students = await before.Students.CountAsync();
        var runs = await before.MatchRuns.CountAsync();
        using var client = Host.Anonymous();
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync(new Uri("/api/v1/match", UriKind.Relative), StudentContent("nothing-stored"))).StatusCode);
        await using var after = Host.CreateDbContext();
        Assert.Equal(students, await after.Students.CountAsync());
        Assert.Equal(runs, await after.MatchRuns.CountAsync());
    }

    [Theory]
    [InlineData("{ \"id\": \"x\", ", "$")]
    [InlineData("{ \"id\": \"x\", \"birthDate\": 5 }", "$.birthDate")]
    [InlineData("{ \"id\": \"x\", \"favouriteColour\": \"blue\" }", "$.favouriteColour")]
    [InlineData("{ \"id\": \"x\", \"basicEducation\": { \"gradeAverage\": 25 } }", "$.basicEducation.gradeAverage")]
    [InlineData("{ \"id\": \"x\", \"sisfoh\": { \"classification\": \"rich\" } }", "$.sisfoh.classification")]
    [InlineData("{ \"id\": \"x\", \"residenceUbigeo\": \"999999\" }", "$.residenceUbigeo")]
    [InlineData("[1, 2, 3]", "$")]
    [InlineData("", "$")]
    public async Task Match_BadBody_Answers400WithTheFieldPath(string body, string path)
    {
        using var client = Host.Anonymous();
        var response = await client.PostAsync(new Uri("/api/v1/match", UriKind.Relative), new StringContent(body, Encoding.UTF8, "application/json"));
        await AssertProblemAsync(response, path);
    }

    [Fact]
    public async Task Match_HugeBody_Answers400NotAnError()
    {
        using var client = Host.Anonymous();
        var huge = "{ \"id\": \"x\", \"aspirations\": \"" + new string('a', 200_000) + "\" }";
        var response = await client.PostAsync(new Uri("/api/v1/match", UriKind.Relative), new StringContent(huge, Encoding.UTF8, "application/json"));
        await AssertProblemAsync(response, "$");
    }

    [Theory]
    [InlineData("date=20-09-2025", "date")]
    [InlineData("top=0", "top")]
    [InlineData("top=abc", "top")]
    [InlineData("all=maybe", "all")]
    [InlineData("lang=qu", "lang")]
    public async Task Match_BadQuery_Answers400NamingTheParameter(string query, string parameter)
    {
        using var client = Host.Anonymous();
        var response = await client.PostAsync(new Uri("/api/v1/match?" + query, UriKind.Relative), StudentContent("q"));
        await AssertProblemAsync(response, parameter);
    }

    [Fact]
    public async Task Match_InEnglish_WhenAsked()
    {
        using var client = Host.Anonymous();
        var response = await client.PostAsync(new Uri("/api/v1/match?date=2025-09-20&lang=en&top=1", UriKind.Relative), StudentContent("en"));
        using var report = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("en", report.RootElement.GetProperty("language").GetString());
        Assert.Single(report.RootElement.GetProperty("matches").EnumerateArray());
    }

    [Fact]
    public async Task Batch_NeedsAKeyOrACounselor_AndStreamsReportsInInputOrder()
    {
        using var anonymous = Host.Anonymous();
        var lines = string.Join('\n', Enumerable.Range(1, 5).Select(i => StudentJson($"batch-{i}")));
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsync(new Uri("/api/v1/match/batch", UriKind.Relative), new StringContent(lines, Encoding.UTF8, "application/x-ndjson"))).StatusCode);

        using var keyed = await Host.ApiKeyClientAsync("match:batch");
        var response = await keyed.PostAsync(new Uri("/api/v1/match/batch?date=2025-09-20", UriKind.Relative), new StringContent(lines, Encoding.UTF8, "application/x-ndjson"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/x-ndjson", response.Content.Headers.ContentType!.MediaType);
        var ids = (await response.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => JsonDocument.Parse(l).RootElement.GetProperty("studentId").GetString()).ToArray();
        Assert.Equal(Enumerable.Range(1, 5).Select(i => $"batch-{i}"), ids);

        using var counselor = await Host.UserAsync("counselor");
        var array = "[" + StudentJson("arr-1") + "," + StudentJson("arr-2") + "]";
        var fromArray = await counselor.PostAsync(new Uri("/api/v1/match/batch", UriKind.Relative), new StringContent(array, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, fromArray.StatusCode);
        Assert.Equal(2, (await fromArray.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Fact]
    public async Task Batch_WithBadRows_Answers400NamingEachRowAndStreamsNothing()
    {
        using var keyed = await Host.ApiKeyClientAsync("match:batch");
        var array = "[" + StudentJson("ok-1") + ", { \"id\": \"bad\", \"birthDate\": \"yesterday\" }, " + StudentJson("ok-1") + "]";
        var response = await keyed.PostAsync(new Uri("/api/v1/match/batch", UriKind.Relative), new StringContent(array, Encoding.UTF8, "application/json"));
        var errors = await AssertProblemAsync(response, "$[1].birthDate");
        Assert.Contains("$[2].id", errors);

        var lines = StudentJson("l-1") + "\n{ \"id\": \"l-2\", \"gender\": \"robot\" }\n";
        var fromLines = await keyed.PostAsync(new Uri("/api/v1/match/batch", UriKind.Relative), new StringContent(lines, Encoding.UTF8, "application/x-ndjson"));
        await AssertProblemAsync(fromLines, "line 2: $.gender");
    }

    [Fact]
    public async Task ApiKeys_ScopesAreEnforced_AndRevokedKeysStopWorking()
    {
        using var catalogOnly = await Host.ApiKeyClientAsync("catalog:write");
        var batch = await catalogOnly.PostAsync(new Uri("/api/v1/match/batch", UriKind.Relative), new StringContent(StudentJson("s"), Encoding.UTF8, "application/x-ndjson"));
        Assert.Equal(HttpStatusCode.Forbidden, batch.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await catalogOnly.GetAsync(new Uri("/api/v1/calls", UriKind.Relative))).StatusCode);

        using var admin = await Host.AdminAsync();
        var keys = await admin.GetFromJsonAsync<JsonElement>("/api/v1/api-keys");
        Assert.DoesNotContain("\"key\"", keys.GetRawText(), StringComparison.Ordinal);
        var id = keys.EnumerateArray().Last().GetProperty("id").GetInt32();
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync(new Uri($"/api/v1/api-keys/{id}", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await catalogOnly.GetAsync(new Uri("/api/v1/calls", UriKind.Relative))).StatusCode);

        await using var db = Host.CreateDbContext();
        var stored = await db.ApiKeys.SingleAsync(k => k.Id == id);
        Assert.Equal(64, stored.Hash.Length);
    }

    [Fact]
    public async Task Scholarships_ArePublicPagedAndFiltered()
    {
        using var client = Host.Anonymous();
        var page = await client.GetFromJsonAsync<JsonElement>("/api/v1/scholarships?provider=PRONABEC&pageSize=5&page=1");
        Assert.True(page.GetProperty("total").GetInt32() >= 13);
        Assert.Equal(5, page.GetProperty("items").GetArrayLength());
        Assert.All(page.GetProperty("items").EnumerateArray(), i => Assert.Equal("PRONABEC", i.GetProperty("provider").GetString()));

        var one = await client.GetAsync(new Uri("/api/v1/scholarships/beca18-2026-ordinaria", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, one.StatusCode);
        Assert.Equal("beca18-2026-ordinaria", ScholarshipJson.Parse(await one.Content.ReadAsStringAsync()).Id);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri("/api/v1/scholarships/no-such-call", UriKind.Relative))).StatusCode);
        await AssertProblemAsync(await client.GetAsync(new Uri("/api/v1/scholarships?pageSize=1000", UriKind.Relative)), "pageSize");
    }

    [Fact]
    public async Task Calls_TwoEditorsOfTheSameCall_TheSecondGets409AndNothingIsLost()
    {
        using var admin = await Host.AdminAsync();
        var id = await CreateDraftAsync(admin);

        using var editorA = await Host.UserAsync("admin");
        using var editorB = await Host.UserAsync("admin");
        var a = await editorA.GetAsync(new Uri($"/api/v1/calls/{id}", UriKind.Relative));
        var b = await editorB.GetAsync(new Uri($"/api/v1/calls/{id}", UriKind.Relative));
        var revision = a.Headers.ETag!.Tag;
        Assert.Equal(revision, b.Headers.ETag!.Tag);

        var first = await PutDraftAsync(editorA, id, revision, d => d["vacancies"] = 111);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var second = await PutDraftAsync(editorB, id, revision, d => d["notes"] = new JsonArray("Cambio de B"));
        var conflict = await second.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Equal(int.Parse(first.Headers.ETag!.Tag.Trim('"'), System.Globalization.CultureInfo.InvariantCulture), conflict.GetProperty("currentRevision").GetInt32());

        // B reloads and applies the change again: both edits are in the draft, and both are in the history.
        var reloaded = await editorB.GetAsync(new Uri($"/api/v1/calls/{id}", UriKind.Relative));
        var retry = await PutDraftAsync(editorB, id, reloaded.Headers.ETag!.Tag, d => d["notes"] = new JsonArray("Cambio de B"));
        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        var final = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/calls/{id}");
        Assert.Equal(111, final.GetProperty("draft").GetProperty("vacancies").GetInt32());
        Assert.Equal("Cambio de B", final.GetProperty("draft").GetProperty("notes")[0].GetString());
        var history = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/calls/{id}/revisions");
        Assert.Equal(["edited", "edited", "created"], history.EnumerateArray().Select(r => r.GetProperty("action").GetString()));
    }

    [Fact]
    public async Task Calls_WritesWithoutIfMatchOrWithInvalidEntries_Answer400()
    {
        using var admin = await Host.AdminAsync();
        var id = await CreateDraftAsync(admin);
        await AssertProblemAsync(await admin.PostAsync(new Uri($"/api/v1/calls/{id}/publish", UriKind.Relative), null), "If-Match");
        var invalid = await PutDraftAsync(admin, id, "\"1\"", d => d["level"] = "kindergarten");
        await AssertProblemAsync(invalid, "$.level");
        var renamed = await PutDraftAsync(admin, id, "\"1\"", d => d["id"] = "another-id");
        await AssertProblemAsync(renamed, "$.id");
    }

    [Fact]
    public async Task Calls_PublishedOnOneReplica_AreServedByAnotherWithinSeconds()
    {
        var replica = Host.StartReplica();
        using var replicaClient = replica.CreateClient();
        using var admin = await Host.AdminAsync();
        var id = await CreateDraftAsync(admin);
        Assert.Equal(HttpStatusCode.NotFound, (await replicaClient.GetAsync(new Uri($"/api/v1/scholarships/{id}", UriKind.Relative))).StatusCode);

        var publish = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/calls/{id}/publish");
        publish.Headers.TryAddWithoutValidation("If-Match", "\"1\"");
        var published = await admin.SendAsync(publish);
        Assert.Equal(HttpStatusCode.OK, published.StatusCode);
        var version = (await published.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("catalogVersion").GetString();
        Assert.StartsWith("2026.1-r", version, StringComparison.Ordinal);

        // The publishing replica serves it at once; the other one after its next poll.
        using var local = Host.Anonymous();
        Assert.Equal(HttpStatusCode.OK, (await local.GetAsync(new Uri($"/api/v1/scholarships/{id}", UriKind.Relative))).StatusCode);
        var deadline = DateTime.UtcNow.AddSeconds(15);
        HttpStatusCode status;
        do
        {
            await Task.Delay(100);
            status = (await replicaClient.GetAsync(new Uri($"/api/v1/scholarships/{id}", UriKind.Relative))).StatusCode;
        }
        while (status != HttpStatusCode.OK && DateTime.UtcNow < deadline);
        Assert.Equal(HttpStatusCode.OK, status);

        var report = await replicaClient.PostAsync(new Uri("/api/v1/match?date=2025-09-20&all=true", UriKind.Relative), StudentContent("replica"));
        using var doc = JsonDocument.Parse(await report.Content.ReadAsStringAsync());
        Assert.Contains(doc.RootElement.GetProperty("matches").EnumerateArray(), m => m.GetProperty("scholarshipId").GetString() == id);
    }

    [Fact]
    public async Task Calls_ProvidersEditOnlyTheirOwn_AndCounselorsNone()
    {
        await using var db = Host.CreateDbContext();
        var pronabec = await db.Providers.SingleAsync(p => p.Name == "PRONABEC");
        using var provider = await Host.UserAsync("provider", pronabec.Id);
        var mine = await provider.GetFromJsonAsync<JsonElement>("/api/v1/calls");
        Assert.All(mine.EnumerateArray(), c => Assert.Equal("PRONABEC", c.GetProperty("provider").GetString()));
        Assert.Equal(HttpStatusCode.Forbidden, (await provider.GetAsync(new Uri("/api/v1/calls/chevening-2025", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await provider.GetAsync(new Uri("/api/v1/calls/beca18-2026-ordinaria", UriKind.Relative))).StatusCode);

        using var counselor = await Host.UserAsync("counselor");
        Assert.Equal(HttpStatusCode.Forbidden, (await counselor.GetAsync(new Uri("/api/v1/calls", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Host.Anonymous().GetAsync(new Uri("/api/v1/calls", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task Students_AreStoredOnlyWithConsent_EncryptedAndVisibleOnlyToTheirCounselor()
    {
        using var counselor = await Host.UserAsync("counselor");
        using var other = await Host.UserAsync("counselor");
        var profile = JsonNode.Parse(StudentJson("reg-1"))!;
        const string dni = "40506070";

        var noConsent = await counselor.PostAsJsonAsync("/api/v1/students", new { profile, dni, consent = new { given = false } });
        await AssertProblemAsync(noConsent, "consent.given");
        var minorWithoutGuardian = await counselor.PostAsJsonAsync("/api/v1/students", new { profile = JsonNode.Parse(StudentJson("reg-minor", birthDate: "2012-01-01")), consent = new { given = true } });
        await AssertProblemAsync(minorWithoutGuardian, "consent.guardian");

        var created = await counselor.PostAsJsonAsync("/api/v1/students", new { profile, dni, consent = new { given = true, guardian = false } });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        Assert.Equal(HttpStatusCode.OK, (await counselor.GetAsync(new Uri($"/api/v1/students/{id}", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(new Uri($"/api/v1/students/{id}", UriKind.Relative))).StatusCode);
        var found = await counselor.PostAsJsonAsync("/api/v1/students/lookup", new { dni });
        Assert.Single((await found.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray());
        var notFound = await other.PostAsJsonAsync("/api/v1/students/lookup", new { dni });
        Assert.Empty((await notFound.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray());

        await using var db = Host.CreateDbContext();
        var row = await db.Students.AsNoTracking().SingleAsync(s => s.Id == id);
        Assert.DoesNotContain("reg-1\"", row.ProfileCiphertext, StringComparison.Ordinal);
        Assert.DoesNotContain("birthDate", row.ProfileCiphertext, StringComparison.Ordinal);
        Assert.NotEqual(dni, row.DniHash);
        Assert.DoesNotContain(dni, row.DniHash!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Students_MatchRunsAreStored_AndDeletingRemovesEverythingDerived()
    {
        using var counselor = await Host.UserAsync("counselor");
        var created = await counselor.PostAsJsonAsync("/api/v1/students", new { profile = JsonNode.Parse(StudentJson("del-1")), consent = new { given = true, guardian = true } });
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var match = await counselor.PostAsync(new Uri($"/api/v1/students/{id}/match?date=2025-09-20", UriKind.Relative), null);
        Assert.Equal(HttpStatusCode.OK, match.StatusCode);
        var outcome = await counselor.PostAsJsonAsync("/api/v1/outcomes", new { studentId = id, scholarshipId = "beca18-2026-ordinaria", outcome = "applied", recordedOn = "2025-10-01" });
        Assert.Equal(HttpStatusCode.Created, outcome.StatusCode);
        var export = await counselor.GetFromJsonAsync<JsonElement>($"/api/v1/students/{id}/export");
        Assert.NotEmpty(export.GetProperty("matchResults").EnumerateArray());
        Assert.Single(export.GetProperty("outcomes").EnumerateArray());

        // Analysts export outcomes in the format the learned rankers train on; the counselor's own id does not leave.
        using var analyst = await Host.UserAsync("analyst");
        Assert.Equal(HttpStatusCode.Forbidden, (await counselor.GetAsync(new Uri("/api/v1/outcomes/export", UriKind.Relative))).StatusCode);
        var csv = await analyst.GetStringAsync(new Uri("/api/v1/outcomes/export", UriKind.Relative));
        var rows = Matcher.MLNet.Outcomes.OutcomesCsv.Read(new StringReader(csv), "outcomes.csv", out var csvErrors);
        Assert.Empty(csvErrors);
        var row = Assert.Single(rows, r => r.Student.Id == id.ToString());
        Assert.Equal(("beca18-2026-ordinaria", Matcher.MLNet.Outcomes.OutcomeKind.Applied, false), (row.ScholarshipId, row.Outcome, row.Synthetic));
        Assert.Equal(new DateOnly(2007, 3, 10), row.Student.BirthDate);
        Assert.DoesNotContain("del-1", csv, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.NoContent, (await counselor.DeleteAsync(new Uri($"/api/v1/students/{id}", UriKind.Relative))).StatusCode);
        await using var db = Host.CreateDbContext();
        Assert.False(await db.Students.AnyAsync(s => s.Id == id));
        Assert.False(await db.MatchResults.AnyAsync(r => r.StudentId == id));
        Assert.False(await db.Outcomes.AnyAsync(o => o.StudentId == id));
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == "student.delete" && a.EntityId == id.ToString()));
    }

    [Fact]
    public async Task Weights_ActivatingASetChangesTheRanking_AndRollingBackRestoresIt()
    {
        using var admin = await Host.AdminAsync();
        using var client = Host.Anonymous();
        var before = await client.PostAsync(new Uri("/api/v1/match?date=2025-09-20", UriKind.Relative), StudentContent("w"));
        var beforeText = await before.Content.ReadAsStringAsync();

        var created = await admin.PostAsJsonAsync("/api/v1/weights", new { name = "Solo necesidad", need = 1.0, merit = 0.0, fit = 0.0, value = 0.0, urgency = 0.0, priority = 0.0 });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var version = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("version").GetInt32();
        await AssertProblemAsync(await admin.PostAsJsonAsync("/api/v1/weights", new { name = "Nada", need = 0.0, merit = 0.0, fit = 0.0, value = 0.0, urgency = 0.0, priority = 0.0 }), "$");
        await AssertProblemAsync(await admin.PostAsJsonAsync("/api/v1/weights", new { name = "Negativo", need = -1.0, merit = 0.0, fit = 0.0, value = 0.0, urgency = 0.0, priority = 0.0 }), "$.need");

        try
        {
            Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsync(new Uri($"/api/v1/weights/{version}/activate", UriKind.Relative), null)).StatusCode);
            var after = await client.PostAsync(new Uri("/api/v1/match?date=2025-09-20", UriKind.Relative), StudentContent("w"));
            using var doc = JsonDocument.Parse(await after.Content.ReadAsStringAsync());
            Assert.All(doc.RootElement.GetProperty("matches").EnumerateArray(), m =>
            {
                var breakdown = m.GetProperty("scoreBreakdown");
                Assert.Equal(0.0, breakdown.GetProperty("merit").GetDouble());
                Assert.Equal(m.GetProperty("score").GetDouble(), breakdown.GetProperty("need").GetDouble(), 3);
            });
        }
        finally
        {
            Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsync(new Uri("/api/v1/weights/1/activate", UriKind.Relative), null)).StatusCode);
        }

        var restored = await client.PostAsync(new Uri("/api/v1/match?date=2025-09-20", UriKind.Relative), StudentContent("w"));
        Assert.Equal(beforeText, await restored.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Parse_ACallsText_GivesADraftWithQuotesForProviders_AndStudentsTextForAnyone()
    {
        var text = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "parsing-eval", "01-beca18-2026-ordinaria.txt"));
        using var anonymous = Host.Anonymous();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsJsonAsync("/api/v1/calls/parse", new { text })).StatusCode);

        using var provider = await Host.UserAsync("provider");
        var parsed = await provider.PostAsJsonAsync("/api/v1/calls/parse", new { text });
        Assert.Equal(HttpStatusCode.OK, parsed.StatusCode);
        var result = await parsed.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(result.GetProperty("draft").ValueKind == JsonValueKind.Object);
        Assert.True(result.TryGetProperty("issues", out _));
        await AssertProblemAsync(await provider.PostAsJsonAsync("/api/v1/calls/parse", new { text = " " }), "$.text");
        await AssertProblemAsync(await provider.PostAsJsonAsync("/api/v1/calls/parse", new { text, extra = 1 }), "$");

        var student = await anonymous.PostAsJsonAsync("/api/v1/students/parse", new { text = "Tengo 17 años, estoy en el tercio superior de mi colegio público y mi familia es pobre según el SISFOH." });
        Assert.Equal(HttpStatusCode.OK, student.StatusCode);
        var draft = (await student.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("draft");
        Assert.Equal("poor", draft.GetProperty("sisfoh").GetProperty("classification").GetString());
        Assert.Equal("topThird", draft.GetProperty("basicEducation").GetProperty("academicRank").GetString());
    }

    [Fact]
    public async Task Login_FiveWrongPasswordsLockTheAccount()
    {
        using var admin = await Host.AdminAsync();
        var name = "lock-" + Guid.NewGuid().ToString("N")[..8];
        const string password = "Right-Password-For-Tests-1";
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync("/api/v1/users", new { userName = name, password, roles = new[] { "analyst" } })).StatusCode);
        using var client = Host.Anonymous();
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostAsJsonAsync("/api/v1/auth/login", new { userName = name, password = "wrong-password-" + i })).StatusCode);
        }

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostAsJsonAsync("/api/v1/auth/login", new { userName = name, password })).StatusCode);
        await using var db = Host.CreateDbContext();
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == "auth.locked-out" && a.Actor == name));
    }

    [Fact]
    public async Task Roles_AreRefusedEndpointsOfOtherRoles()
    {
        using var analyst = await Host.UserAsync("analyst");
        Assert.Equal(HttpStatusCode.OK, (await analyst.GetAsync(new Uri("/api/v1/weights", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await analyst.GetAsync(new Uri("/api/v1/outcomes", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await analyst.PostAsJsonAsync("/api/v1/weights", new { name = "x", need = 1.0, merit = 0.0, fit = 0.0, value = 0.0, urgency = 0.0, priority = 0.0 })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await analyst.GetAsync(new Uri("/api/v1/students", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await analyst.GetAsync(new Uri("/api/v1/users", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await analyst.GetAsync(new Uri("/api/v1/audit", UriKind.Relative))).StatusCode);
        using var counselor = await Host.UserAsync("counselor");
        Assert.Equal(HttpStatusCode.Forbidden, (await counselor.GetAsync(new Uri("/api/v1/outcomes", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await counselor.GetAsync(new Uri("/api/v1/api-keys", UriKind.Relative))).StatusCode);
    }

    protected static readonly Lazy<IScholarshipMatcher> LibraryMatcher = new(() =>
        new ServiceCollection().AddScholarshipMatcher().Services.BuildServiceProvider().GetRequiredService<IScholarshipMatcher>());

    protected static string StudentJson(string id, string birthDate = "2007-03-10")
    {
        var node = JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "students", "huancavelica.json")))!;
        node["id"] = id;
        node["birthDate"] = birthDate;
        return node.ToJsonString();
    }

    protected static StringContent StudentContent(string id) => new(StudentJson(id), Encoding.UTF8, "application/json");

    /// <summary>Asserts an RFC 9457 400 answer whose errors name the path; returns every path named.</summary>
    protected static async Task<IReadOnlyList<string>> AssertProblemAsync(HttpResponseMessage response, string path)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var doc = JsonDocument.Parse(text);
        var paths = doc.RootElement.GetProperty("errors").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains(path, paths);
        return paths;
    }

    private static async Task<string> CreateDraftAsync(HttpClient admin)
    {
        var id = "prueba-" + Guid.NewGuid().ToString("N")[..10];
        var entry = JsonNode.Parse(ReadEmbeddedEntry("beca18-2026-ordinaria"))!;
        entry["id"] = id;
        var response = await admin.PostAsync(new Uri("/api/v1/calls", UriKind.Relative), new StringContent(entry.ToJsonString(), Encoding.UTF8, "application/json"));
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return id;
    }

    private static async Task<HttpResponseMessage> PutDraftAsync(HttpClient client, string id, string revision, Action<JsonNode> edit)
    {
        var current = await client.GetFromJsonAsync<JsonElement>($"/api/v1/calls/{id}");
        var draft = JsonNode.Parse(current.GetProperty("draft").GetRawText())!;
        edit(draft);
        var request = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/calls/{id}") { Content = new StringContent(draft.ToJsonString(), Encoding.UTF8, "application/json") };
        request.Headers.TryAddWithoutValidation("If-Match", revision);
        return await client.SendAsync(request);
    }

    private static string ReadEmbeddedEntry(string id) =>
        Encoding.UTF8.GetString(CatalogFiles.Embedded().Single(f => f.Name.EndsWith($"/{id}.json", StringComparison.Ordinal)).Content.Span);
}

/// <summary>The suite on SQLite, the embedded default.</summary>
public sealed class SqliteApiTests(SqliteHost host) : ApiTests(host), IClassFixture<SqliteHost>;

/// <summary>The same suite on a real PostgreSQL server.</summary>
public sealed class PostgresApiTests(PostgresHost host) : ApiTests(host), IClassFixture<PostgresHost>;
