using System.Net;
using System.Net.Http.Json;
using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Xunit.Abstractions;
using Matcher.Portal.Infrastructure;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Endpoints;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Matcher.Portal.Security;

/// <summary>
/// The access table of <c>docs/security.md</c> against the running host: every endpoint and every page is in the table
/// and nothing else is, and every row answers every principal (anonymous, each role signed in with a cookie, an API key
/// with each scope) as the table says. An allowed call may answer 400 or 404 (the bodies and ids are made up): only
/// 401, 403 and a redirect to the sign-in or access-denied page count as refused.
/// </summary>
public sealed partial class AccessMatrixTests(SqliteHost host, ITestOutputHelper output) : IClassFixture<SqliteHost>
{
    private static readonly string[] Roles = [PortalRoles.Admin, PortalRoles.Provider, PortalRoles.Counselor, PortalRoles.Analyst];

    [Fact]
    public void Table_ListsEveryEndpointAndPage_AndNothingElse()
    {
        var table = AccessTable.Load();
        var endpoints = Endpoints();
        var pages = Pages();

        var missing = endpoints.Except(table.Endpoints.Select(r => r.Key)).Order(StringComparer.Ordinal).ToList();
        var extra = table.Endpoints.Select(r => r.Key).Except(endpoints).Order(StringComparer.Ordinal).ToList();
        var missingPages = pages.Except(table.Pages.Select(r => r.Key)).Order(StringComparer.Ordinal).ToList();
        var extraPages = table.Pages.Select(r => r.Key).Except(pages).Order(StringComparer.Ordinal).ToList();
        foreach (var line in missing.Select(m => "missing endpoint: " + m).Concat(extra.Select(e => "not an endpoint: " + e))
            .Concat(missingPages.Select(m => "missing page: " + m)).Concat(extraPages.Select(e => "not a page: " + e)))
        {
            output.WriteLine(line);
        }

        Assert.True(
            missing.Count + extra.Count + missingPages.Count + extraPages.Count == 0,
            $"docs/security.md's access table and the host disagree.\nMissing endpoints: {string.Join(", ", missing)}\nListed but not endpoints: {string.Join(", ", extra)}\nMissing pages: {string.Join(", ", missingPages)}\nListed but not pages: {string.Join(", ", extraPages)}");
        Assert.Equal(AccessTable.Principals, table.Columns);
    }

    [Fact]
    public async Task EveryRow_AnswersEveryPrincipal_AsTheTableSays()
    {
        var table = AccessTable.Load();
        var accepts = Accepts();
        var principals = await PrincipalsAsync();
        var wrong = new List<string>();
        using var client = host.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        foreach (var row in table.Endpoints.Concat(table.Pages))
        {
            for (var i = 0; i < AccessTable.Principals.Count; i++)
            {
                var principal = AccessTable.Principals[i];
                var expected = row.Access[i];
                using var request = Request(row, accepts.GetValueOrDefault(row.Key));
                principals[principal](request);
                using var response = await client.SendAsync(request);
                var refused = IsRefused(response, row.IsPage);
                if (refused != (expected == Access.Refused))
                {
                    wrong.Add($"{row.Key} as {principal}: the table says {expected}, the host answered {(int)response.StatusCode} {response.Headers.Location}");
                }
            }
        }

        Assert.True(wrong.Count == 0, "Answers that differ from docs/security.md:\n" + string.Join('\n', wrong));
    }

    /// <summary>Refused: 401 or 403, or (pages) a redirect to the sign-in or access-denied page.</summary>
    private static bool IsRefused(HttpResponseMessage response, bool isPage)
    {
        if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
        {
            return true;
        }

        var location = response.Headers.Location?.OriginalString ?? "";
        return isPage && (int)response.StatusCode is >= 300 and < 400
            && (location.Contains("/Account/Login", StringComparison.Ordinal) || location.Contains("/Account/AccessDenied", StringComparison.Ordinal));
    }

    /// <summary>
    /// A request for the row with a body of the type the endpoint accepts (routing answers 415 to any other before
    /// authorization runs, which would hide what the table is about).
    /// </summary>
    private static HttpRequestMessage Request(AccessRow row, string? contentType)
    {
        var method = row.Method is "*" or "PAGE" ? HttpMethod.Get : new HttpMethod(row.Method);
        var request = new HttpRequestMessage(method, new Uri(Fill(row.Route), UriKind.Relative));
        if (method != HttpMethod.Get && method != HttpMethod.Head && method != HttpMethod.Delete)
        {
            request.Content = contentType switch
            {
                "multipart/form-data" => new MultipartFormDataContent { { new StringContent("x"), "name" } },
                "application/x-www-form-urlencoded" => new FormUrlEncodedContent([new("returnUrl", "/")]),
                _ => new StringContent("{}", Encoding.UTF8, contentType ?? "application/json"),
            };
        }

        return request;
    }

    /// <summary>The first content type each endpoint declares that it accepts.</summary>
    private Dictionary<string, string> Accepts()
    {
        var source = host.Factory.Services.GetRequiredService<EndpointDataSource>();
        var accepts = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var endpoint in source.Endpoints.OfType<RouteEndpoint>())
        {
            if (endpoint.Metadata.GetMetadata<IAcceptsMetadata>()?.ContentTypes is [var first, ..])
            {
                foreach (var method in endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? [])
                {
                    accepts[$"{method} {AccessTable.Normalize(endpoint.RoutePattern.RawText ?? "")}"] = first;
                }
            }
        }

        return accepts;
    }

    /// <summary>A made-up value for each route parameter, of the type its constraint asks for.</summary>
    private static string Fill(string route) => RouteParameter().Replace(route, m =>
        m.Groups["constraint"].Value switch
        {
            var c when c.Contains("int", StringComparison.Ordinal) => "999999",
            var c when c.Contains("guid", StringComparison.Ordinal) => "0193a000-0000-7000-8000-000000000000",
            _ => m.Groups["name"].Value switch
            {
                "documentName" => "v1",
                "name" => "en",
                _ => "no-such-id",
            },
        });

    [GeneratedRegex(@"\{\*{0,2}(?<name>[A-Za-z_][A-Za-z0-9_]*)(?<constraint>(:[^}=?]+)*)(=[^}]*)?\??\}")]
    private static partial Regex RouteParameter();

    /// <summary>Each principal as a way to dress a request: a session cookie for each role, an API key for each scope.</summary>
    private async Task<Dictionary<string, Action<HttpRequestMessage>>> PrincipalsAsync()
    {
        var principals = new Dictionary<string, Action<HttpRequestMessage>>(StringComparer.Ordinal) { ["anonymous"] = _ => { } };
        var adminCookie = await SessionCookieAsync("admin", PortalHost.AdminPassword);
        foreach (var role in Roles)
        {
            var cookie = role == PortalRoles.Admin ? adminCookie : await UserCookieAsync(adminCookie, role);
            principals[role] = r => r.Headers.Add("Cookie", cookie);
        }

        foreach (var scope in ApiScopes.All)
        {
            var key = await ApiKeyAsync(adminCookie, scope);
            principals["key " + scope] = r => r.Headers.Add(PortalAuthentication.ApiKeyHeader, key);
        }

        return principals;
    }

    private async Task<string> SessionCookieAsync(string userName, string password)
    {
        using var client = host.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        var response = await client.PostAsJsonAsync("/api/v1/auth/login", new { userName, password });
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);

        // Sent by hand, so that a sign-out in the walk cannot drop it.
        var set = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("matcher.session=", StringComparison.Ordinal));
        return set[..set.IndexOf(';', StringComparison.Ordinal)];
    }

    private async Task<string> UserCookieAsync(string adminCookie, string role)
    {
        var name = $"{role}-{Guid.NewGuid():N}"[..20];
        const string password = "User-Password-For-Tests-1";
        using var client = host.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        using var create = new HttpRequestMessage(HttpMethod.Post, "/api/v1/users") { Content = JsonContent.Create(new { userName = name, password, roles = new[] { role } }) };
        create.Headers.Add("Cookie", adminCookie);
        Assert.Equal(HttpStatusCode.Created, (await client.SendAsync(create)).StatusCode);
        return await SessionCookieAsync(name, password);
    }

    private async Task<string> ApiKeyAsync(string adminCookie, string scope)
    {
        using var client = host.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        using var create = new HttpRequestMessage(HttpMethod.Post, "/api/v1/api-keys") { Content = JsonContent.Create(new { name = "matrix " + scope, scopes = new[] { scope } }) };
        create.Headers.Add("Cookie", adminCookie);
        var response = await client.SendAsync(create);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("key").GetString()!;
    }

    /// <summary>"METHOD /route" of every endpoint of the host, but the pages (their own table) and the static files.</summary>
    private HashSet<string> Endpoints()
    {
        var source = host.Factory.Services.GetRequiredService<EndpointDataSource>();
        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var endpoint in source.Endpoints.OfType<RouteEndpoint>())
        {
            if (endpoint.Metadata.GetMetadata<ComponentTypeMetadata>() is not null || IsStaticFile(endpoint))
            {
                continue;
            }

            var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods;
            foreach (var method in methods is { Count: > 0 } ? methods : ["*"])
            {
                keys.Add($"{method} {AccessTable.Normalize(endpoint.RoutePattern.RawText ?? "")}");
            }
        }

        return keys;
    }

    /// <summary>Files mapped by <c>MapStaticAssets</c> (framework, Radzen and wwwroot files): public by design.</summary>
    private static bool IsStaticFile(RouteEndpoint endpoint) =>
        endpoint.Metadata.Any(m => m.GetType().Name == "StaticAssetDescriptor");

    /// <summary>Every <c>@page</c> route of the Portal assembly's components.</summary>
    private static HashSet<string> Pages() =>
        typeof(Program).Assembly.GetTypes()
            .Where(t => typeof(IComponent).IsAssignableFrom(t))
            .SelectMany(t => t.GetCustomAttributes<RouteAttribute>())
            .Select(a => AccessTable.Normalize(a.Template))
            .ToHashSet(StringComparer.Ordinal);
}
