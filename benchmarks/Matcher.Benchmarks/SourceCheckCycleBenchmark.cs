using System.Text.Json.Nodes;
using BenchmarkDotNet.Attributes;
using Matcher.Ingestion;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Matcher.Benchmarks;

/// <summary>
/// One check cycle over 500 sources against a loopback Kestrel site, as the host's scheduler runs it (8 at a time):
/// 400 pages answer 304 to their ETag, 50 answer 200 with the same text (hash equal, no parse), 50 moved their deadline since
/// the recorded check (parse with the offline parser, merge, diff, one proposal each). Fetching, robots.txt (cached), the SSRF
/// guard, the standard resilience pipeline and text extraction are all real; the host's database writes are not in it.
/// </summary>
[SimpleJob(launchCount: 1, warmupCount: 2, iterationCount: 8)]
public class SourceCheckCycleBenchmark
{
    private const int Sources = 500;
    private WebApplication? _site;
    private ServiceProvider? _services;
    private SourceCheckRequest[] _requests = [];
    private volatile bool _recorded;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        _site = builder.Build();
        _site.Run(async context =>
        {
            var path = context.Request.Path.Value!;
            if (path == "/robots.txt")
            {
                await context.Response.WriteAsync("User-agent: *\nAllow: /\n");
                return;
            }

            var i = int.Parse(path.AsSpan(3), System.Globalization.CultureInfo.InvariantCulture);
            if (i < 400)
            {
                context.Response.Headers.ETag = $"\"v{i}\"";
                if (context.Request.Headers.IfNoneMatch == $"\"v{i}\"")
                {
                    context.Response.StatusCode = 304;
                    return;
                }
            }

            // The last 50 pages moved their deadline since the recorded check.
            var day = i >= 450 && _recorded ? 20 : 5;
            context.Response.ContentType = "text/html; charset=utf-8";
            await context.Response.WriteAsync(Page(i, day));
        });
        await _site.StartAsync();
        var address = new Uri(_site.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());

        var services = new ServiceCollection().AddLogging();
        services.AddScholarshipMatcher();
        services.AddCatalogIngestion(o =>
        {
            o.AllowLoopback = true;
            o.PolitenessDelay = TimeSpan.Zero;
        });
        _services = services.BuildServiceProvider();
        var checker = _services.GetRequiredService<SourceChecker>();

        // A first pass records each source's ETag and hash, as the host stores them.
        var published = JsonNode.Parse("""{"id":"beca-x","call":{"opens":"2025-09-08","closes":"2025-10-05"},"criteria":[]}""")!.AsObject();
        var requests = new SourceCheckRequest[Sources];
        for (var i = 0; i < Sources; i++)
        {
            var request = new SourceCheckRequest(SourceKind.Web, new Uri(address, $"/p/{i}"), "beca-x", new Dictionary<string, JsonObject> { ["beca-x"] = published });
            var first = await checker.CheckAsync(request);
            requests[i] = request with { ETag = first.Fetch?.ETag, LastHash = first.ContentHash };
        }

        _requests = requests;
        _recorded = true;
        if (await CheckCycleAsync() != 50)
        {
            throw new InvalidOperationException("A cycle must find exactly the 50 changed pages.");
        }
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        if (_services is not null)
        {
            await _services.DisposeAsync();
        }

        if (_site is not null)
        {
            await _site.StopAsync();
            await _site.DisposeAsync();
        }
    }

    [Benchmark(Description = "check cycle, 500 sources (400 × 304, 50 same text, 50 changed)")]
    public async Task<int> CheckCycleAsync()
    {
        var checker = _services!.GetRequiredService<SourceChecker>();
        var proposals = 0;
        await Parallel.ForEachAsync(_requests, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (request, token) =>
        {
            var result = await checker.CheckAsync(request, token);
            if (result.Status == SourceCheckStatus.Changed)
            {
                Interlocked.Increment(ref proposals);
            }
        });
        return proposals;
    }

    private static string Page(int i, int day) => $"""
        <html><head><title>Beca {i}</title></head><body><nav>Inicio | Becas</nav><main>
        <h1>Beca de prueba {i}</h1><p>Las inscripciones van del 8 de setiembre al {day} de octubre de 2025.</p>
        <p>Requisitos: ser menores de 22 años; pertenecer al tercio superior en los dos últimos grados de secundaria.</p>
        </main><footer>© 2025</footer></body></html>
        """;
}
