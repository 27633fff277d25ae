using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Matcher.Catalog;
using Matcher.Portal.Infrastructure;
using Matcher.Portal.Sources;
using Matcher.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Matcher.Portal.Api;

/// <summary>Sources and reviews through the API: a change on a provider's page becomes a reviewed, published update.</summary>
public sealed class SourceTests(IngestionHost host) : IClassFixture<IngestionHost>, IAsyncLifetime
{
    private ChangingSite _site = null!;

    public async Task InitializeAsync() => _site = await ChangingSite.StartAsync();

    public async Task DisposeAsync() => await _site.DisposeAsync();

    private static string Page(string deadline) => $"""
        <html><head><title>Beca de prueba</title></head><body><nav>Inicio | Becas</nav>
        <main><h1>Beca de prueba</h1><p>Postulaciones hasta el {deadline}.</p></main>
        <footer>© 2025 PRONABEC</footer></body></html>
        """;

    [Fact]
    public async Task PageChange_BecomesAReview_AndIsPublishedOnlyWhenApproved()
    {
        using var admin = await host.AdminAsync();
        var id = await PublishedCallAsync(admin);
        using var provider = await ProviderAsync("PRONABEC");
        _site.Page("/beca", Page("5 de octubre de 2025"));
        var source = await RegisterAsync(provider, id, "/beca");

        var first = await CheckAsync(provider, source);
        Assert.Equal("no-field-changes", first.GetProperty("outcome").GetString());
        Assert.Empty(first.GetProperty("reviewIds").EnumerateArray());

        _site.Page("/beca", Page("20 de octubre de 2025"));
        var changed = await CheckAsync(provider, source);
        Assert.Equal("changed", changed.GetProperty("outcome").GetString());
        var reviewId = Assert.Single(changed.GetProperty("reviewIds").EnumerateArray()).GetInt32();

        var queue = await provider.GetFromJsonAsync<JsonElement>("/api/v1/reviews");
        Assert.Contains(queue.EnumerateArray(), r => r.GetProperty("id").GetInt32() == reviewId);
        Assert.True((await provider.GetFromJsonAsync<JsonElement>("/api/v1/reviews/count")).GetProperty("pending").GetInt32() >= 1);
        var review = await provider.GetFromJsonAsync<JsonElement>($"/api/v1/reviews/{reviewId}");
        var change = Assert.Single(review.GetProperty("changes").EnumerateArray());
        Assert.Equal(("$.call.closes", "changed", "\"2025-10-05\"", "\"2025-10-20\""),
            (change.GetProperty("path").GetString(), change.GetProperty("kind").GetString(), change.GetProperty("before").GetString(), change.GetProperty("after").GetString()));
        Assert.Contains("20 de octubre de 2025", review.GetProperty("sourceText").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain("Inicio", review.GetProperty("sourceText").GetString(), StringComparison.Ordinal);
        Assert.Equal("2025-10-05", review.GetProperty("published").GetProperty("call").GetProperty("closes").GetString());

        // The draft revision exists, the published catalog is unchanged until approval.
        Assert.Equal("2025-10-05", await PublicClosesAsync(id));
        var call = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/calls/{id}");
        Assert.Equal("2025-10-20", call.GetProperty("draft").GetProperty("call").GetProperty("closes").GetString());

        var approved = await provider.PostAsync(new Uri($"/api/v1/reviews/{reviewId}/approve", UriKind.Relative), null);
        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        Assert.StartsWith("2026.1-r", (await approved.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("catalogVersion").GetString(), StringComparison.Ordinal);
        Assert.Equal("2025-10-20", await PublicClosesAsync(id));
        Assert.Equal(HttpStatusCode.Conflict, (await provider.PostAsync(new Uri($"/api/v1/reviews/{reviewId}/approve", UriKind.Relative), null)).StatusCode);

        // The same page again costs nothing and creates nothing.
        var again = await CheckAsync(provider, source);
        Assert.Equal("unchanged", again.GetProperty("outcome").GetString());
        var history = await provider.GetFromJsonAsync<JsonElement>($"/api/v1/sources/{source}/history");
        Assert.Equal(["unchanged", "changed", "no-field-changes"], history.EnumerateArray().Select(h => h.GetProperty("outcome").GetString()));

        await using var db = host.CreateDbContext();
        var audit = await db.AuditEntries.AsNoTracking().Where(a => a.EntityId == id).Select(a => a.Action).ToListAsync();
        Assert.Contains("review.create", audit);
        Assert.Contains("review.approve", audit);
        Assert.Contains("call.publish", audit);
    }

    [Fact]
    public async Task RejectedReview_LeavesThePublishedCall_AndIsKept()
    {
        using var admin = await host.AdminAsync();
        var id = await PublishedCallAsync(admin);
        _site.Page("/rechazo", Page("5 de octubre de 2025"));
        var source = await RegisterAsync(admin, id, "/rechazo");
        await CheckAsync(admin, source);
        _site.Page("/rechazo", Page("30 de noviembre de 2025"));
        var reviewId = Assert.Single((await CheckAsync(admin, source)).GetProperty("reviewIds").EnumerateArray()).GetInt32();

        var rejected = await admin.PostAsJsonAsync($"/api/v1/reviews/{reviewId}/reject", new { comment = "La página tenía un error." });
        Assert.Equal(HttpStatusCode.OK, rejected.StatusCode);
        Assert.Equal("2025-10-05", await PublicClosesAsync(id));
        var call = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/calls/{id}");
        Assert.Equal("2025-10-05", call.GetProperty("draft").GetProperty("call").GetProperty("closes").GetString());
        var kept = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/reviews/{reviewId}");
        Assert.Equal(("rejected", "La página tenía un error."), (kept.GetProperty("status").GetString(), kept.GetProperty("comment").GetString()));
        Assert.DoesNotContain((await admin.GetFromJsonAsync<JsonElement>("/api/v1/reviews")).EnumerateArray(), r => r.GetProperty("id").GetInt32() == reviewId);
        Assert.Contains((await admin.GetFromJsonAsync<JsonElement>("/api/v1/reviews?status=all")).EnumerateArray(), r => r.GetProperty("id").GetInt32() == reviewId);
    }

    [Fact]
    public async Task Scheduler_OneFailingSource_DoesNotStopTheOthers()
    {
        using var admin = await host.AdminAsync();
        var broken = await PublishedCallAsync(admin);
        var working = await PublishedCallAsync(admin);
        _site.Route("/caida", c =>
        {
            c.Response.StatusCode = 500;
            return Task.CompletedTask;
        });
        _site.Page("/viva", Page("15 de octubre de 2025"));
        var failing = await RegisterAsync(admin, broken, "/caida");
        var healthy = await RegisterAsync(admin, working, "/viva");

        var scheduler = host.Factory.Services.GetRequiredService<SourceScheduler>();
        Assert.True(await scheduler.RunDueAsync(CancellationToken.None) >= 2);

        var bad = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/sources/{failing}");
        Assert.Equal(("failed", 1), (bad.GetProperty("status").GetString(), bad.GetProperty("consecutiveFailures").GetInt32()));
        Assert.Contains("500", bad.GetProperty("lastError").GetString(), StringComparison.Ordinal);
        var good = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/sources/{healthy}");
        Assert.Equal(("changed", 1), (good.GetProperty("status").GetString(), good.GetProperty("pendingReviews").GetInt32()));

        // Both were scheduled for their next interval: a second cycle right away checks neither.
        await scheduler.RunDueAsync(CancellationToken.None);
        Assert.Single((await admin.GetFromJsonAsync<JsonElement>($"/api/v1/sources/{failing}/history")).EnumerateArray());

        // A paused source is not checked by the scheduler; check-now still works.
        Assert.True((await (await admin.PostAsync(new Uri($"/api/v1/sources/{failing}/pause", UriKind.Relative), null)).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("paused").GetBoolean());
        var metrics = await host.Anonymous().GetStringAsync(new Uri("/metrics", UriKind.Relative));
        Assert.Contains($"matcher_source_checks_total{{source=\"{failing}\",outcome=\"failed\"}}", metrics, StringComparison.Ordinal);
        Assert.Contains($"matcher_source_checks_total{{source=\"{healthy}\",outcome=\"changed\"}}", metrics, StringComparison.Ordinal);
        Assert.Contains($"matcher_source_failures_total{{source=\"{failing}\"}}", metrics, StringComparison.Ordinal);
        Assert.Contains($"matcher_source_changes_total{{source=\"{healthy}\"}}", metrics, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Providers_SeeAndDecideOnlyTheirOwnSources()
    {
        using var admin = await host.AdminAsync();
        var id = await PublishedCallAsync(admin);
        _site.Page("/propia", Page("5 de octubre de 2025"));
        var source = await RegisterAsync(admin, id, "/propia");
        await CheckAsync(admin, source);
        _site.Page("/propia", Page("6 de octubre de 2025"));
        var reviewId = Assert.Single((await CheckAsync(admin, source)).GetProperty("reviewIds").EnumerateArray()).GetInt32();

        using var other = await ProviderAsync("Gobierno de México (SRE / AMEXCID)");
        Assert.Equal(HttpStatusCode.Forbidden, (await other.GetAsync(new Uri($"/api/v1/sources/{source}", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await other.PostAsync(new Uri($"/api/v1/sources/{source}/check", UriKind.Relative), null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await other.GetAsync(new Uri($"/api/v1/reviews/{reviewId}", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await other.PostAsync(new Uri($"/api/v1/reviews/{reviewId}/approve", UriKind.Relative), null)).StatusCode);
        Assert.DoesNotContain((await other.GetFromJsonAsync<JsonElement>("/api/v1/sources")).EnumerateArray(), s => s.GetProperty("id").GetInt32() == source);
        Assert.DoesNotContain((await other.GetFromJsonAsync<JsonElement>("/api/v1/reviews")).EnumerateArray(), r => r.GetProperty("id").GetInt32() == reviewId);
        var foreign = await other.PostAsJsonAsync("/api/v1/sources", new { kind = "web", url = _site.Url("/propia").ToString(), callId = id });
        Assert.Equal(HttpStatusCode.Forbidden, foreign.StatusCode);
        Assert.Equal("2025-10-05", await PublicClosesAsync(id));

        using var counselor = await host.UserAsync("counselor");
        Assert.Equal(HttpStatusCode.Forbidden, (await counselor.GetAsync(new Uri("/api/v1/reviews", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await host.Anonymous().GetAsync(new Uri("/api/v1/sources", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task BadSources_AreRefusedWithTheirField_InSpanishOrEnglish()
    {
        using var admin = await host.AdminAsync();
        var id = await PublishedCallAsync(admin);
        await AssertFieldAsync(await admin.PostAsJsonAsync("/api/v1/sources", new { kind = "web", url = "http://10.0.0.5/beca", callId = id }), "url", "no es pública");
        await AssertFieldAsync(await admin.PostAsJsonAsync("/api/v1/sources?lang=en", new { kind = "web", url = "ftp://example.org/x", callId = id }), "url", "absolute http(s) URL");
        await AssertFieldAsync(await admin.PostAsJsonAsync("/api/v1/sources", new { kind = "rss", url = "https://example.org/", callId = id }), "kind", "web, feed o manual");
        await AssertFieldAsync(await admin.PostAsJsonAsync("/api/v1/sources", new { kind = "web", url = "https://example.org/", callId = "no-existe-2026" }), "callId", "no-existe-2026");
        await AssertFieldAsync(await admin.PostAsJsonAsync("/api/v1/sources", new { kind = "web", url = "https://example.org/", callId = id, intervalMinutes = 1 }), "intervalMinutes", "minutos");
    }

    [Fact]
    public async Task ManualUpload_AndFeedErrors_NameTheirPlace()
    {
        using var admin = await host.AdminAsync();
        var id = await PublishedCallAsync(admin);
        var created = await admin.PostAsJsonAsync("/api/v1/sources", new { kind = "manual", callId = id });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var manual = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        var uploaded = await admin.PostAsync(new Uri($"/api/v1/sources/{manual}/upload", UriKind.Relative), new StringContent("Beca de prueba. Postulaciones hasta el 12 de octubre de 2025.", Encoding.UTF8, "text/plain"));
        Assert.Equal("changed", (await uploaded.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("outcome").GetString());

        await using var db = host.CreateDbContext();
        var pronabec = await db.Providers.SingleAsync(p => p.Name == "PRONABEC");
        var feed = await admin.PostAsJsonAsync("/api/v1/sources", new { kind = "feed", url = _site.Url("/feed.csv").ToString(), providerId = pronabec.Id });
        var feedId = (await feed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        _site.Page("/feed.csv", $"id,deadline,vacancies\n{id},2025-10-05,muchas\n", "text/csv");
        var result = await (await admin.PostAsync(new Uri($"/api/v1/sources/{feedId}/check", UriKind.Relative), null)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("failed", result.GetProperty("outcome").GetString());
        var error = Assert.Single(result.GetProperty("feedErrors").EnumerateArray());
        Assert.Equal((2, "vacancies"), (error.GetProperty("line").GetInt32(), error.GetProperty("field").GetString()));
        Assert.Contains("línea 2", error.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    private static async Task AssertFieldAsync(HttpResponseMessage response, string field, string text)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        var messages = problem.GetProperty("errors").GetProperty(field);
        Assert.Contains(messages.EnumerateArray(), m => m.GetString()!.Contains(text, StringComparison.Ordinal));
    }

    private async Task<HttpClient> ProviderAsync(string name)
    {
        await using var db = host.CreateDbContext();
        var provider = await db.Providers.SingleAsync(p => p.Name == name);
        return await host.UserAsync("provider", provider.Id);
    }

    private async Task<int> RegisterAsync(HttpClient client, string callId, string path)
    {
        var response = await client.PostAsJsonAsync("/api/v1/sources", new { kind = "web", url = _site.Url(path).ToString(), callId, intervalMinutes = 60 });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
    }

    private static async Task<JsonElement> CheckAsync(HttpClient client, int source)
    {
        var response = await client.PostAsync(new Uri($"/api/v1/sources/{source}/check", UriKind.Relative), null);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private async Task<string?> PublicClosesAsync(string id) =>
        JsonNode.Parse(await host.Anonymous().GetStringAsync(new Uri($"/api/v1/scholarships/{id}", UriKind.Relative)))!["call"]!["closes"]!.GetValue<string>();

    /// <summary>A published PRONABEC call (a copy of Beca 18 Ordinaria) with the window 8 September – 5 October 2025.</summary>
    private static async Task<string> PublishedCallAsync(HttpClient admin)
    {
        var id = "fuente-" + Guid.NewGuid().ToString("N")[..10];
        var entry = JsonNode.Parse(Encoding.UTF8.GetString(CatalogFiles.Embedded().Single(f => f.Name.EndsWith("/beca18-2026-ordinaria.json", StringComparison.Ordinal)).Content.Span))!;
        entry["id"] = id;
        var created = await admin.PostAsync(new Uri("/api/v1/calls", UriKind.Relative), new StringContent(entry.ToJsonString(), Encoding.UTF8, "application/json"));
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var publish = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/calls/{id}/publish");
        publish.Headers.TryAddWithoutValidation("If-Match", "\"1\"");
        Assert.Equal(HttpStatusCode.OK, (await admin.SendAsync(publish)).StatusCode);
        return id;
    }
}
