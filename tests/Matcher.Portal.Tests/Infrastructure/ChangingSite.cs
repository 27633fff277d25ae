using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Matcher.Portal.Infrastructure;

/// <summary>A provider's web site: a real Kestrel server on 127.0.0.1 whose pages a test changes between checks.</summary>
public sealed class ChangingSite : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, Func<HttpContext, Task>> _routes = new(StringComparer.Ordinal);

    private ChangingSite(WebApplication app) => _app = app;

    public Uri BaseUrl { get; private set; } = null!;

    public static async Task<ChangingSite> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var site = new ChangingSite(app);
        app.Run(context => site._routes.TryGetValue(context.Request.Path.Value ?? "/", out var handler)
            ? handler(context)
            : Task.FromResult(context.Response.StatusCode = 404));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        site.BaseUrl = new Uri(address + "/");
        site.Page("/robots.txt", "User-agent: *\nAllow: /\n", "text/plain");
        return site;
    }

    public Uri Url(string path) => new(BaseUrl, path.TrimStart('/'));

    public void Route(string path, Func<HttpContext, Task> handler) => _routes[path] = handler;

    public void Page(string path, string body, string contentType = "text/html; charset=utf-8") =>
        Route(path, async context =>
        {
            context.Response.ContentType = contentType;
            await context.Response.WriteAsync(body);
        });

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
