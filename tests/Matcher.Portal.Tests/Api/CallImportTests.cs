using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Matcher.Portal.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Matcher.Portal.Api;

/// <summary>
/// <c>POST /api/v1/calls/import</c>: every entry is validated first (errors by line or element and path), then all of
/// them are written in one transaction, as drafts or published; an import is never half there.
/// </summary>
public abstract class CallImportTests(PortalHost host)
{
    private static readonly string Template = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "catalog-entries", "beca-tec-2025.json"));

    /// <summary>A valid catalog entry with the given id (and name), from a real one.</summary>
    public static string Entry(string id, string? provider = null)
    {
        var node = JsonNode.Parse(Template)!.AsObject();
        node["id"] = id;
        if (provider is not null)
        {
            node["provider"] = provider;
        }

        return node.ToJsonString();
    }

    [Fact]
    public async Task Import_JsonLines_CreatesEveryDraftWithRevisionAndAudit()
    {
        using var admin = await host.AdminAsync();
        var prefix = Prefix();
        var ids = Enumerable.Range(0, 5).Select(i => $"{prefix}-{i}").ToArray();
        var response = await PostAsync(admin, string.Join('\n', ids.Select(id => Entry(id))), lines: true);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(5, body.GetProperty("imported").GetInt32());
        Assert.Equal(ids, body.GetProperty("ids").EnumerateArray().Select(e => e.GetString()));

        await using var db = host.CreateDbContext();
        var calls = await db.Calls.AsNoTracking().Where(c => ids.Contains(c.Id)).ToListAsync();
        Assert.Equal(5, calls.Count);
        Assert.All(calls, c => Assert.Equal((Data.Entities.CallStatus.Draft, 1, (int?)null), (c.Status, c.Revision, c.PublishedRevision)));
        Assert.Equal(5, await db.CallRevisions.CountAsync(r => ids.Contains(r.CallId) && r.Action == "imported"));
        Assert.Equal(5, await db.AuditEntries.CountAsync(a => a.Action == "call.import" && ids.Contains(a.EntityId)));

        // Drafts are not in the public catalog.
        using var anonymous = host.Anonymous();
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(new Uri($"/api/v1/scholarships/{ids[0]}", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task Import_ArrayWithPublish_IsInThePublicCatalogAtOnce()
    {
        using var admin = await host.AdminAsync();
        var ids = new[] { Prefix() + "-a", Prefix() + "-b" };
        var response = await PostAsync(admin, "[" + string.Join(',', ids.Select(id => Entry(id))) + "]", lines: false, publish: true);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.StartsWith("2026.1-r", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("catalogVersion").GetString(), StringComparison.Ordinal);
        using var anonymous = host.Anonymous();
        foreach (var id in ids)
        {
            Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync(new Uri($"/api/v1/scholarships/{id}", UriKind.Relative))).StatusCode);
        }
    }

    [Fact]
    public async Task Import_WithBadEntries_Answers400NamingEachLineAndPath_AndWritesNothing()
    {
        using var admin = await host.AdminAsync();
        var prefix = Prefix();
        var bad = JsonNode.Parse(Entry(prefix + "-2"))!.AsObject();
        bad["level"] = "kindergarten";
        var lines = string.Join('\n', Entry(prefix + "-1"), bad.ToJsonString(), "", "{ not json", Entry(prefix + "-1"));
        var response = await PostAsync(admin, lines, lines: true);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        var keys = errors.EnumerateObject().Select(p => p.Name).ToArray();
        Assert.Contains("line 2: $.level", keys);
        Assert.Contains("line 4: $", keys);
        Assert.Contains("line 5: $.id", keys);

        var array = "[" + Entry(prefix + "-3") + "," + bad.ToJsonString() + "]";
        var arrayErrors = (await (await PostAsync(admin, array, lines: false)).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal(["$[1].level"], arrayErrors.EnumerateObject().Select(p => p.Name));

        await using var db = host.CreateDbContext();
        Assert.False(await db.Calls.AnyAsync(c => c.Id.StartsWith(prefix)));
    }

    [Fact]
    public async Task Import_OfAnExistingCall_Answers409ListingIt_AndWritesNothing()
    {
        using var admin = await host.AdminAsync();
        var fresh = Prefix();
        var response = await PostAsync(admin, Entry(fresh) + "\n" + Entry("beca18-2026-ordinaria"), lines: true);
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal(["beca18-2026-ordinaria"], (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("ids").EnumerateArray().Select(e => e.GetString()));
        await using var db = host.CreateDbContext();
        Assert.False(await db.Calls.AnyAsync(c => c.Id == fresh));
    }

    [Fact]
    public async Task Import_ProvidersImportOnlyTheirOwn_CounselorsAndAnonymousNot()
    {
        await using var db = host.CreateDbContext();
        var pronabec = await db.Providers.SingleAsync(p => p.Name == "PRONABEC");
        using var provider = await host.UserAsync("provider", pronabec.Id);
        var own = Prefix();
        Assert.Equal(HttpStatusCode.Created, (await PostAsync(provider, Entry(own), lines: true)).StatusCode);
        var other = Prefix();
        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(provider, Entry(other + "-1") + "\n" + Entry(other + "-2", "Otra fundación"), lines: true)).StatusCode);
        Assert.False(await db.Calls.AnyAsync(c => c.Id.StartsWith(other)));

        using var counselor = await host.UserAsync("counselor");
        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(counselor, Entry(Prefix()), lines: true)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await PostAsync(host.Anonymous(), Entry(Prefix()), lines: true)).StatusCode);
        using var key = await host.ApiKeyClientAsync("catalog:write");
        Assert.Equal(HttpStatusCode.Created, (await PostAsync(key, Entry(Prefix(), "Otra fundación"), lines: true)).StatusCode);
    }

    internal static Task<HttpResponseMessage> PostAsync(HttpClient client, string body, bool lines, bool publish = false) =>
        client.PostAsync(
            new Uri("/api/v1/calls/import" + (publish ? "?publish=true" : ""), UriKind.Relative),
            new StringContent(body, Encoding.UTF8, lines ? "application/x-ndjson" : "application/json"));

    private static string Prefix() => "imp-" + Guid.NewGuid().ToString("N")[..10];
}

public sealed class SqliteCallImportTests(SqliteHost host) : CallImportTests(host), IClassFixture<SqliteHost>;

public sealed class PostgresCallImportTests(PostgresHost host) : CallImportTests(host), IClassFixture<PostgresHost>;
