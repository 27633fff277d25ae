using System.Net;
using System.Net.Http.Json;
using Matcher.Portal.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Matcher.Portal.Security;

/// <summary>The response headers of pages and API answers (ASVS 5.0 3.3.x, 3.4.x, 14.3.2), on plain HTTP and on HTTPS.</summary>
public sealed class SecurityHeaderTests(SqliteHost host) : IClassFixture<SqliteHost>
{
    [Theory]
    [InlineData("/")]
    [InlineData("/Account/Login")]
    [InlineData("/api/v1/scholarships")]
    public async Task Answer_CarriesTheSecurityHeaders(string path)
    {
        using var client = host.Anonymous();
        var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        var csp = Directives(Header(response, "Content-Security-Policy"));
        Assert.Equal("'none'", csp["frame-ancestors"]);
        Assert.Equal("'self'", csp["script-src"]);
        Assert.Equal("'self'", csp["default-src"]);
        Assert.Equal("'none'", csp["object-src"]);
        Assert.Equal("'self'", csp["base-uri"]);
        Assert.Equal("'self'", csp["connect-src"]);
        Assert.False(csp.ContainsKey("upgrade-insecure-requests"), "upgrade-insecure-requests on plain HTTP breaks every asset");
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal("DENY", Header(response, "X-Frame-Options"));
        Assert.Equal("no-referrer", Header(response, "Referrer-Policy"));
        Assert.Equal("same-origin", Header(response, "Cross-Origin-Opener-Policy"));
        Assert.Contains("camera=()", Header(response, "Permissions-Policy"), StringComparison.Ordinal);
        Assert.Contains("geolocation=()", Header(response, "Permissions-Policy"), StringComparison.Ordinal);
        Assert.False(response.Headers.Contains("Strict-Transport-Security"), "HSTS on plain HTTP");
        Assert.False(response.Headers.Contains("Server"));
    }

    [Fact]
    public async Task ApiAnswers_AreNeverCached_PagesAssetsMayBe()
    {
        using var admin = await host.AdminAsync();
        var students = await admin.GetAsync(new Uri("/api/v1/students", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, students.StatusCode);
        Assert.True(students.Headers.CacheControl?.NoStore, "an API answer that can hold a student's data must be no-store");

        using var client = host.Anonymous();
        var refused = await client.GetAsync(new Uri("/api/v1/students", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.True(refused.Headers.CacheControl?.NoStore);
    }

    [Fact]
    public async Task Hsts_OnlyOnHttps_AndNeverForLoopbackNames()
    {
        Assert.Equal(
            "max-age=31536000; includeSubDomains",
            Header(await Get(host.Factory, new Uri("https://matcher.example/")), "Strict-Transport-Security"));
        Assert.False((await Get(host.Factory, new Uri("http://matcher.example/"))).Headers.Contains("Strict-Transport-Security"));
        Assert.False((await Get(host.Factory, new Uri("https://localhost/"))).Headers.Contains("Strict-Transport-Security"));
        Assert.False((await Get(host.Factory, new Uri("https://127.0.0.1/"))).Headers.Contains("Strict-Transport-Security"));

        var https = Directives(Header(await Get(host.Factory, new Uri("https://matcher.example/")), "Content-Security-Policy"));
        Assert.True(https.ContainsKey("upgrade-insecure-requests"));
    }

    [Fact]
    public async Task Hsts_ForwardedProtoIsIgnored_UnlessTheHostTrustsItsProxy()
    {
        using var client = host.Factory.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("http://matcher.example/"), AllowAutoRedirect = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.Add("X-Forwarded-Proto", "https");
        var response = await client.SendAsync(request);
        Assert.False(response.Headers.Contains("Strict-Transport-Security"));
    }

    [Fact]
    public async Task SessionCookie_OnPlainHttp_IsHttpOnlyAndStrict()
    {
        using var client = host.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        var response = await client.PostAsJsonAsync("/api/v1/auth/login", new { userName = "admin", password = PortalHost.AdminPassword });
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("matcher.session=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("path=/", cookie, StringComparison.OrdinalIgnoreCase);
    }

    private static async Task<HttpResponseMessage> Get(WebApplicationFactory<Program> factory, Uri address)
    {
        using var client = factory.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = address, AllowAutoRedirect = false, HandleCookies = false });
        var response = await client.GetAsync(new Uri("/", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return response;
    }

    internal static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(", ", values) : throw new Xunit.Sdk.XunitException($"no {name} header");

    internal static Dictionary<string, string> Directives(string csp) =>
        csp.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(d => d.Split(' ', 2))
            .ToDictionary(p => p[0], p => p.Length > 1 ? p[1] : "", StringComparer.Ordinal);
}

/// <summary>Behind an ingress that terminates TLS: the forwarded scheme turns on HSTS and the <c>__Host-</c> secure cookies.</summary>
public sealed class BehindProxyHeaderTests(BehindProxyHost host) : IClassFixture<BehindProxyHost>
{
    [Fact]
    public async Task ForwardedHttps_SendsHsts_AndHostPrefixedSecureCookies()
    {
        using var client = host.Factory.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("http://matcher.example/"), AllowAutoRedirect = false, HandleCookies = false });
        using var page = new HttpRequestMessage(HttpMethod.Get, "/");
        page.Headers.Add("X-Forwarded-Proto", "https");
        page.Headers.Add("X-Forwarded-For", "203.0.113.7");
        var response = await client.SendAsync(page);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("max-age=", SecurityHeaderTests.Header(response, "Strict-Transport-Security"), StringComparison.Ordinal);

        using var login = new HttpRequestMessage(HttpMethod.Post, "/api/v1/auth/login") { Content = JsonContent.Create(new { userName = "admin", password = PortalHost.AdminPassword }) };
        login.Headers.Add("X-Forwarded-Proto", "https");
        var signedIn = await client.SendAsync(login);
        Assert.Equal(HttpStatusCode.NoContent, signedIn.StatusCode);
        var cookie = Assert.Single(signedIn.Headers.GetValues("Set-Cookie"), c => c.StartsWith("__Host-matcher.session=", StringComparison.Ordinal));
        Assert.Contains("secure", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("path=/", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("domain=", cookie, StringComparison.OrdinalIgnoreCase);
    }
}
