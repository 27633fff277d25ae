using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;
using Matcher.Portal.Infrastructure;
using Matcher.Testing.Fuzz;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Matcher.Portal.Api;

/// <summary>
/// Every endpoint that takes a body or a query, on <see cref="BadInput.CasesPerTarget"/> generated and mutated inputs
/// each (real bodies from the samples, the golden cases and the catalog): never a server error, and the host still
/// ready afterwards.
/// </summary>
public abstract class EndpointFuzzTests(FuzzHost host)
{
    private static readonly string[] Profiles = Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "cases"), "*.json")
        .Order(StringComparer.Ordinal)
        .Select(f => JsonDocument.Parse(File.ReadAllText(f)).RootElement.GetProperty("profile").GetRawText())
        .Take(12)
        .ToArray();

    private static readonly string[] Entries = Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "catalog-entries"), "*.json")
        .Order(StringComparer.Ordinal)
        .Select(File.ReadAllText)
        .ToArray();

    protected async Task RunAsync(string target)
    {
        var t = await Task.Run(() => host.Target(target));
        var property = Prop.ForAll(BadInput.Cases(t.Seeds), c =>
        {
            using var request = t.Request(c);
            using var response = t.Client.SendAsync(request).GetAwaiter().GetResult();
            _ = response.Content.ReadAsByteArrayAsync().GetAwaiter().GetResult();
            return ((int)response.StatusCode < 500).Label($"{target}: {(int)response.StatusCode} for {request.RequestUri} {c}");
        });
        // FsCheck runs synchronously; off xunit's context so that blocking on the in-process server cannot deadlock.
        await Task.Run(() => Check.One(Config.QuickThrowOnFailure.WithMaxTest(BadInput.CasesPerTarget), property));

        using var probe = host.Anonymous();
        Assert.Equal(HttpStatusCode.OK, (await probe.GetAsync(new Uri("/health/ready", UriKind.Relative))).StatusCode);
    }

    internal static string[] ProfileSeeds => Profiles;

    internal static string[] EntrySeeds => Entries;
}

/// <summary>The anonymous endpoints and the matching, parsing and catalog-editing ones (one host).</summary>
public sealed class PublicAndCatalogEndpointFuzzTests(FuzzHost host) : EndpointFuzzTests(host), IClassFixture<FuzzHost>
{
    public static TheoryData<string> Targets => new(
        "match", "match-query", "match-batch", "students-parse", "calls-parse", "calls-create", "calls-update", "calls-import",
        "auth-login", "scholarships-list", "scholarships-get");

    [Theory]
    [MemberData(nameof(Targets))]
    public Task Endpoint_GeneratedAndMutatedInput_NeverAServerError(string target) => RunAsync(target);
}

/// <summary>Students, outcomes and the administration endpoints (another host, so both run side by side).</summary>
public sealed class RecordsAndAdminEndpointFuzzTests(FuzzHost host) : EndpointFuzzTests(host), IClassFixture<FuzzHost>
{
    public static TheoryData<string> Targets => new(
        "outcomes-record", "outcomes-list", "students-register", "students-lookup", "users-create", "users-roles", "api-keys-create",
        "weights-create", "models-upload", "audit-list");

    [Theory]
    [MemberData(nameof(Targets))]
    public Task Endpoint_GeneratedAndMutatedInput_NeverAServerError(string target) => RunAsync(target);
}

/// <summary>What a target sends: its client, its real seed inputs, and how a case becomes a request.</summary>
internal sealed record FuzzTarget(HttpClient Client, string[] Seeds, Func<Case, HttpRequestMessage> Request);

/// <summary>
/// The host for the fuzz runs: SQLite, and a one-iteration password hasher so that the thousands of valid user
/// bodies measure the endpoint rather than PBKDF2.
/// </summary>
public sealed class FuzzHost : PortalHost
{
    private readonly Dictionary<string, FuzzTarget> _targets = new(StringComparer.Ordinal);

    public override bool IsPostgres => false;

    internal FuzzTarget Target(string name)
    {
        lock (_targets)
        {
            if (!_targets.TryGetValue(name, out var target))
            {
                target = Create(name).GetAwaiter().GetResult();
                _targets[name] = target;
            }

            return target;
        }
    }

    protected override void ConfigureServices(IServiceCollection services) =>
        services.Configure<PasswordHasherOptions>(o => o.IterationCount = 1);

    protected override string CreateDatabase() =>
        $"Data Source={Path.Combine(Directory.CreateTempSubdirectory("matcher-fuzz-").FullName, "matcher.db")}";

    private static Func<Case, HttpRequestMessage> Body(HttpMethod method, string path, string contentType = "application/json", Action<HttpRequestMessage>? headers = null) => c =>
    {
        var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative)) { Content = new ByteArrayContent(c.Bytes) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        headers?.Invoke(request);
        return request;
    };

    /// <summary>The case is a query string (or a path segment): escaped piece by piece so that odd bytes reach the endpoint.</summary>
    private static Func<Case, HttpRequestMessage> Query(string path, bool segment = false) => c =>
    {
        // The in-process server refuses a path with NUL outright (Kestrel answers 400 itself), so NULs stay out of paths.
        var text = (c.Text.Length > 6000 ? c.Text[..6000] : c.Text).Replace("\0", "", StringComparison.Ordinal);
        var escaped = segment
            ? Uri.EscapeDataString(text)
            : string.Join('&', text.Split('&').Select(kv => kv.IndexOf('=', StringComparison.Ordinal) is var i and >= 0
                ? Uri.EscapeDataString(kv[..i]) + "=" + Uri.EscapeDataString(kv[(i + 1)..])
                : Uri.EscapeDataString(kv)));
        return new HttpRequestMessage(HttpMethod.Get, new Uri(path + (segment ? "" : "?") + (escaped.Length == 0 && segment ? "x" : escaped), UriKind.Relative));
    };

    private static string Text(object value) => JsonSerializer.Serialize(value);

    private async Task<FuzzTarget> Create(string name)
    {
        var admin = await AdminAsync();
        switch (name)
        {
            case "match":
                return new(Anonymous(), EndpointFuzzTests.ProfileSeeds, Body(HttpMethod.Post, "/api/v1/match?date=2025-09-20"));
            case "match-query":
                {
                    var body = EndpointFuzzTests.ProfileSeeds[0];
                    return new(Anonymous(), ["date=2025-09-20&top=5&all=true&lang=es", "date=2025-09-20&lang=en", "top=1000&all=false"], c =>
                    {
                        var request = Query("/api/v1/match")(c);
                        request.Method = HttpMethod.Post;
                        request.Content = new StringContent(body, Encoding.UTF8, "application/json");
                        return request;
                    });
                }

            case "match-batch":
                {
                    var lines = string.Join('\n', EndpointFuzzTests.ProfileSeeds.Take(3).Select(p => JsonDocument.Parse(p).RootElement.GetRawText()));
                    var array = "[" + string.Join(',', EndpointFuzzTests.ProfileSeeds.Skip(3).Take(3)) + "]";
                    return new(await ApiKeyClientAsync("match:batch"), [lines, array], Body(HttpMethod.Post, "/api/v1/match/batch?date=2025-09-20", "application/x-ndjson"));
                }

            case "students-parse":
                return new(Anonymous(), [Text(new { text = "Tengo 17 años, vivo en Huanta, Ayacucho; terminé la secundaria en un colegio público con promedio 15.2 y estoy en el quinto superior. Mi familia es pobre extrema según el SISFOH y hablo quechua." })], Body(HttpMethod.Post, "/api/v1/students/parse"));
            case "calls-parse":
                {
                    var call = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "parsing-eval", "01-beca18-2026-ordinaria.txt"));
                    return new(admin, [Text(new { text = call.Length > 3000 ? call[..3000] : call })], Body(HttpMethod.Post, "/api/v1/calls/parse"));
                }

            case "calls-create":
                return new(admin, EndpointFuzzTests.EntrySeeds, Body(HttpMethod.Post, "/api/v1/calls"));
            case "calls-update":
                {
                    var draft = EndpointFuzzTests.EntrySeeds[0].Replace(JsonDocument.Parse(EndpointFuzzTests.EntrySeeds[0]).RootElement.GetProperty("id").GetString()!, "fuzz-draft", StringComparison.Ordinal);
                    var created = await admin.PostAsync(new Uri("/api/v1/calls", UriKind.Relative), new StringContent(draft, Encoding.UTF8, "application/json"));
                    Assert.Equal(HttpStatusCode.Created, created.StatusCode);
                    return new(admin, [draft], Body(HttpMethod.Put, "/api/v1/calls/fuzz-draft", headers: r => r.Headers.TryAddWithoutValidation("If-Match", "\"1\"")));
                }

            case "calls-import":
                {
                    var lines = string.Join('\n', EndpointFuzzTests.EntrySeeds.Take(3).Select(e => JsonDocument.Parse(e).RootElement.GetRawText().Replace("\"id\": \"", "\"id\": \"imp-", StringComparison.Ordinal).Replace("\"id\":\"", "\"id\":\"imp-", StringComparison.Ordinal)));
                    var array = "[" + string.Join(',', EndpointFuzzTests.EntrySeeds.Skip(3).Take(2)) + "]";
                    return new(admin, [lines, array], c => Body(HttpMethod.Post, "/api/v1/calls/import" + (c.Bytes.Length % 3 == 0 ? "?publish=true" : ""), c.Text.StartsWith('[') ? "application/json" : "application/x-ndjson")(c));
                }

            case "outcomes-record":
                {
                    var student = await RegisterAsync(admin);
                    return new(admin, [Text(new { studentId = student, scholarshipId = "beca18-2026-ordinaria", outcome = "applied", recordedOn = "2025-10-01" })], Body(HttpMethod.Post, "/api/v1/outcomes"));
                }

            case "outcomes-list":
                return new(admin, ["after=0&limit=10", "limit=10000", "after=9223372036854775807"], Query("/api/v1/outcomes"));
            case "students-register":
                return new(admin, EndpointFuzzTests.ProfileSeeds.Take(4).Select(p => "{\"profile\":" + p + ",\"dni\":\"12345678\",\"consent\":{\"given\":true,\"guardian\":true}}").ToArray(), Body(HttpMethod.Post, "/api/v1/students"));
            case "students-lookup":
                return new(admin, [Text(new { dni = "12345678" })], Body(HttpMethod.Post, "/api/v1/students/lookup"));
            case "users-create":
                return new(admin, [Text(new { userName = "fuzz-user", password = "Fuzz-Password-123456", displayName = "Fuzz", roles = new[] { "counselor" }, providerId = (int?)null })], Body(HttpMethod.Post, "/api/v1/users"));
            case "users-roles":
                {
                    var created = await admin.PostAsJsonAsync("/api/v1/users", new { userName = "fuzz-roles", password = "Fuzz-Password-123456", roles = new[] { "counselor" } });
                    Assert.Equal(HttpStatusCode.Created, created.StatusCode);
                    var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
                    return new(admin, ["[\"counselor\",\"analyst\"]", "[\"provider\"]"], Body(HttpMethod.Put, $"/api/v1/users/{id}/roles"));
                }

            case "api-keys-create":
                return new(admin, [Text(new { name = "fuzz", scopes = new[] { "match:batch", "outcomes:read" }, expiresInDays = 30 })], Body(HttpMethod.Post, "/api/v1/api-keys"));
            case "weights-create":
                return new(admin, [Text(new { name = "fuzz", need = 30, merit = 25, fit = 20, value = 10, urgency = 10, priority = 5 })], Body(HttpMethod.Post, "/api/v1/weights"));
            case "models-upload":
                return new(admin, ["tree\nversion=v4\nnum_class=1\nnum_tree_per_iteration=1\nlabel_index=0\nmax_feature_idx=7\nobjective=lambdarank\n\nTree=0\nnum_leaves=1\n"], c =>
                {
                    var request = Body(HttpMethod.Post, "/api/v1/models?kind=" + (c.Bytes.Length % 2 == 0 ? "lightgbm" : "keras") + "&name=fuzz", "application/octet-stream")(c);
                    return request;
                });
            case "auth-login":
                return new(Anonymous(), [Text(new { userName = "fuzz-nobody", password = "not-the-password" })], Body(HttpMethod.Post, "/api/v1/auth/login"));
            case "scholarships-list":
                return new(Anonymous(), ["provider=Pronabec&program=beca18&level=undergraduate&status=open&q=beca&date=2025-09-20&page=1&pageSize=20", "page=2&pageSize=100&lang=en"], Query("/api/v1/scholarships"));
            case "scholarships-get":
                return new(Anonymous(), ["beca18-2026-ordinaria", "beca-tec-2025"], Query("/api/v1/scholarships/", segment: true));
            case "audit-list":
                return new(admin, ["before=100&limit=10", "limit=1000"], Query("/api/v1/audit"));
            default:
                throw new ArgumentOutOfRangeException(nameof(name), name, "Unknown target.");
        }
    }

    private static async Task<Guid> RegisterAsync(HttpClient admin)
    {
        var response = await admin.PostAsync(
            new Uri("/api/v1/students", UriKind.Relative),
            new StringContent("{\"profile\":" + EndpointFuzzTests.ProfileSeeds[0] + ",\"consent\":{\"given\":true,\"guardian\":true}}", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }
}
