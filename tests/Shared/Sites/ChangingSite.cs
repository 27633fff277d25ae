using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Matcher.Testing;

/// <summary>
/// A real Kestrel server on 127.0.0.1 whose pages the test changes between requests. A page set with an ETag answers
/// 304 to a matching If-None-Match; every request is counted per path.
/// </summary>
public sealed class ChangingSite : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, Func<HttpContext, Task>> _routes = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _hits = new(StringComparer.Ordinal);

    private ChangingSite(WebApplication app) => _app = app;

    public Uri BaseUrl { get; private set; } = null!;

    public static async Task<ChangingSite> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var site = new ChangingSite(app);
        app.Run(async context =>
        {
            var path = context.Request.Path.Value ?? "/";
            site._hits.AddOrUpdate(path, 1, (_, n) => n + 1);
            if (site._routes.TryGetValue(path, out var handler))
            {
                await handler(context);
            }
            else
            {
                context.Response.StatusCode = 404;
            }
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        site.BaseUrl = new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal) + "/");
        site.Robots("User-agent: *\nDisallow: /privado/\n");
        return site;
    }

    public Uri Url(string path) => new(BaseUrl, path.TrimStart('/'));

    public int Hits(string path) => _hits.GetValueOrDefault(path);

    public void Route(string path, Func<HttpContext, Task> handler) => _routes[path] = handler;

    public void Robots(string text) => Page("/robots.txt", text, "text/plain");

    /// <summary>Serves a body; with an ETag, a matching If-None-Match gets 304.</summary>
    public void Page(string path, string body, string contentType = "text/html; charset=utf-8", string? etag = null) =>
        Route(path, async context =>
        {
            if (etag is not null)
            {
                context.Response.Headers.ETag = etag;
                if (context.Request.Headers.IfNoneMatch.ToString() == etag)
                {
                    context.Response.StatusCode = 304;
                    return;
                }
            }

            context.Response.ContentType = contentType;
            await context.Response.WriteAsync(body);
        });

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
