using System.Net;
using Matcher.Ingestion.Fetching;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Time.Testing;

namespace Matcher.Ingestion;

public sealed class PageFetcherTests : IAsyncLifetime
{
    private ChangingSite _site = null!;

    public async Task InitializeAsync() => _site = await ChangingSite.StartAsync();

    public async Task DisposeAsync() => await _site.DisposeAsync();

    [Fact]
    public async Task ServerErrors_AreRetried_ThenRecordedAsAFailure()
    {
        _site.Route("/roto", c =>
        {
            c.Response.StatusCode = 500;
            return Task.CompletedTask;
        });
        await using var services = TestIngestion.Services(o => o.MaxRetries = 2);
        var result = await services.Fetcher().FetchAsync(new FetchRequest(_site.Url("/roto")));
        Assert.Equal((FetchOutcome.Failed, 500), (result.Outcome, result.StatusCode));
        Assert.Equal(3, _site.Hits("/roto"));
    }

    [Fact]
    public async Task ATransientError_ThenSuccess_IsContent()
    {
        var calls = 0;
        _site.Route("/a-veces", async c =>
        {
            if (Interlocked.Increment(ref calls) == 1)
            {
                c.Response.StatusCode = 503;
                return;
            }

            c.Response.ContentType = "text/plain; charset=utf-8";
            await c.Response.WriteAsync("hola");
        });
        await using var services = TestIngestion.Services();
        var result = await services.Fetcher().FetchAsync(new FetchRequest(_site.Url("/a-veces")));
        Assert.Equal(FetchOutcome.Content, result.Outcome);
        Assert.Equal("hola", result.Body);
    }

    [Fact]
    public async Task SlowPage_TimesOut()
    {
        _site.Route("/lento", async c =>
        {
            await Task.Delay(TimeSpan.FromSeconds(10), c.RequestAborted);
            await c.Response.WriteAsync("tarde");
        });
        await using var services = TestIngestion.Services(o =>
        {
            o.AttemptTimeout = TimeSpan.FromMilliseconds(300);
            o.MaxRetries = 1;
            o.TotalTimeout = TimeSpan.FromSeconds(5);
        });
        var result = await services.Fetcher().FetchAsync(new FetchRequest(_site.Url("/lento")));
        Assert.Equal(FetchOutcome.Failed, result.Outcome);
        Assert.Contains("Timed out", result.Error, StringComparison.Ordinal);
        Assert.Equal(2, _site.Hits("/lento"));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task HugePage_IsRefused_WithOrWithoutContentLength(bool announceLength)
    {
        var body = new string('a', 3 * 1024 * 1024);
        _site.Route("/enorme", async c =>
        {
            c.Response.ContentType = "text/html";
            if (announceLength)
            {
                c.Response.ContentLength = body.Length;
            }

            await c.Response.WriteAsync(body);
        });
        await using var services = TestIngestion.Services();
        var result = await services.Fetcher().FetchAsync(new FetchRequest(_site.Url("/enorme")));
        Assert.Equal(FetchOutcome.TooLarge, result.Outcome);
        Assert.Null(result.Body);
    }

    [Theory]
    [InlineData("http://10.0.0.1/interno")]
    [InlineData("http://192.168.1.1/")]
    [InlineData("http://169.254.169.254/latest/meta-data/")]
    [InlineData("http://[fd00::1]/")]
    [InlineData("http://[::ffff:10.0.0.1]/")]
    [InlineData("http://100.64.0.1/")]
    public async Task RedirectToAPrivateAddress_IsBlocked(string target)
    {
        _site.Route("/salto", c =>
        {
            c.Response.StatusCode = 302;
            c.Response.Headers.Location = target;
            return Task.CompletedTask;
        });
        // A refused address is not retried: with a one-minute retry delay, a retry would run into the 30 s cancellation.
        await using var services = TestIngestion.Services(o => o.RetryDelay = TimeSpan.FromMinutes(1));
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var result = await services.Fetcher().FetchAsync(new FetchRequest(_site.Url("/salto")), cancel.Token);
        Assert.Equal(FetchOutcome.Blocked, result.Outcome);
        Assert.Equal(new Uri(target), result.FinalUrl);
    }

    [Fact]
    public async Task RedirectToAnotherScheme_IsBlocked_AndRedirectsAreBounded()
    {
        _site.Route("/archivo", c =>
        {
            c.Response.StatusCode = 301;
            c.Response.Headers.Location = "file:///etc/passwd";
            return Task.CompletedTask;
        });
        _site.Route("/bucle", c =>
        {
            c.Response.StatusCode = 302;
            c.Response.Headers.Location = "/bucle";
            return Task.CompletedTask;
        });
        await using var services = TestIngestion.Services(o => o.MaxRedirects = 3);
        Assert.Equal(FetchOutcome.Blocked, (await services.Fetcher().FetchAsync(new FetchRequest(_site.Url("/archivo")))).Outcome);
        var loop = await services.Fetcher().FetchAsync(new FetchRequest(_site.Url("/bucle")));
        Assert.Equal(FetchOutcome.Failed, loop.Outcome);
        Assert.Equal(4, _site.Hits("/bucle"));
    }

    [Fact]
    public async Task Loopback_IsBlocked_UnlessAllowed()
    {
        _site.Page("/beca", "<p>hola</p>");
        await using var services = TestIngestion.Services(o => o.AllowLoopback = false);
        var result = await services.Fetcher().FetchAsync(new FetchRequest(_site.Url("/beca")));
        Assert.Equal(FetchOutcome.Blocked, result.Outcome);
        Assert.Equal(0, _site.Hits("/beca"));
    }

    [Fact]
    public async Task RobotsDisallow_IsRespected_AndRobotsIsFetchedOncePerHost()
    {
        _site.Page("/privado/beca", "<p>secreto</p>");
        _site.Page("/publico", "<p>hola</p>");
        await using var services = TestIngestion.Services();
        var result = await services.Fetcher().FetchAsync(new FetchRequest(_site.Url("/privado/beca")));
        Assert.Equal(FetchOutcome.DisallowedByRobots, result.Outcome);
        Assert.Equal(0, _site.Hits("/privado/beca"));
        Assert.Equal(FetchOutcome.Content, (await services.Fetcher().FetchAsync(new FetchRequest(_site.Url("/publico")))).Outcome);
        Assert.Equal(1, _site.Hits("/robots.txt"));
    }

    [Fact]
    public async Task ConditionalHeaders_AreSent()
    {
        string? ifNoneMatch = null;
        string? ifModifiedSince = null;
        _site.Route("/cond", c =>
        {
            ifNoneMatch = c.Request.Headers.IfNoneMatch;
            ifModifiedSince = c.Request.Headers.IfModifiedSince;
            c.Response.StatusCode = 304;
            return Task.CompletedTask;
        });
        await using var services = TestIngestion.Services();
        var since = new DateTimeOffset(2025, 9, 1, 12, 0, 0, TimeSpan.Zero);
        var result = await services.Fetcher().FetchAsync(new FetchRequest(_site.Url("/cond"), "\"abc\"", since));
        Assert.Equal(FetchOutcome.NotModified, result.Outcome);
        Assert.Equal("\"abc\"", ifNoneMatch);
        Assert.Equal(since.ToString("R"), ifModifiedSince);
        Assert.Equal(("\"abc\"", since), (result.ETag, result.LastModified));
    }

    [Fact]
    public async Task UnsupportedContentType_IsNotRead()
    {
        _site.Route("/imagen", async c =>
        {
            c.Response.ContentType = "image/png";
            await c.Response.Body.WriteAsync(new byte[] { 1, 2, 3 });
        });
        await using var services = TestIngestion.Services();
        Assert.Equal(FetchOutcome.UnsupportedContentType, (await services.Fetcher().FetchAsync(new FetchRequest(_site.Url("/imagen")))).Outcome);
    }

    [Fact]
    public async Task UserAgent_IsSent()
    {
        string? agent = null;
        _site.Route("/ua", async c =>
        {
            agent = c.Request.Headers.UserAgent;
            await c.Response.WriteAsync("ok");
        });
        await using var services = TestIngestion.Services();
        await services.Fetcher().FetchAsync(new FetchRequest(_site.Url("/ua")));
        Assert.StartsWith("MatcherCatalogBot/", agent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PolitenessDelay_SpacesRequestsToOneHost()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 15, 0, 0, TimeSpan.Zero));
        var gate = new PolitenessGate(TimeSpan.FromMilliseconds(300), time);
        await gate.WaitAsync("becas.example.pe", CancellationToken.None);

        // The next request to the same host waits the whole delay; another host does not wait at all.
        var second = gate.WaitAsync("becas.example.pe", CancellationToken.None);
        Assert.True(gate.WaitAsync("otra.example.pe", CancellationToken.None).IsCompletedSuccessfully);
        time.Advance(TimeSpan.FromMilliseconds(299));
        Assert.False(second.IsCompleted);
        time.Advance(TimeSpan.FromMilliseconds(1));
        await second;

        // The delay counts from the last request, not the first.
        var third = gate.WaitAsync("BECAS.example.pe", CancellationToken.None);
        time.Advance(TimeSpan.FromMilliseconds(299));
        Assert.False(third.IsCompleted);
        time.Advance(TimeSpan.FromMilliseconds(1));
        await third;
    }
}
