using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace Matcher.Cli;

public sealed class SourcesCommandTests : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Dictionary<string, (string Body, string Type)> _pages = new(StringComparer.Ordinal)
    {
        ["/robots.txt"] = ("User-agent: *\nDisallow: /privado/\n", "text/plain"),
        ["/beca"] = ("""
            <html><head><title>Beca 18 Ordinaria</title></head><body><nav>Inicio</nav><main>
            <h1>Beca 18-2026, modalidad Ordinaria</h1>
            <p>Las inscripciones van del 8 de setiembre al 20 de octubre de 2025.</p>
            <p><a href="/bases.pdf">Bases</a></p></main></body></html>
            """, "text/html; charset=utf-8"),
        ["/feed.csv"] = ("id,deadline,vacancies\nbeca18-2026-ordinaria,2025-10-20,muchas\n", "text/csv"),
    };

    private readonly Task _server;
    private readonly string _base;

    public SourcesCommandTests()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        _base = $"http://127.0.0.1:{port}";
        _listener.Prefixes.Add(_base + "/");
        _listener.Start();
        _server = Task.Run(ServeAsync);
    }

    [Fact]
    public async Task Check_PrintsTheText_TheDraft_AndTheDiffAgainstTheBuiltInCall()
    {
        using var cli = new CliRunner();
        var (code, output, error) = await cli.RunAsync("sources", "check", "--url", _base + "/beca", "--call", "beca18-2026-ordinaria", "--allow-loopback", "--format", "json");
        Assert.True(code == 0, error);
        var json = JsonDocument.Parse(output).RootElement;
        Assert.Equal("Beca 18 Ordinaria", json.GetProperty("title").GetString());
        Assert.DoesNotContain("Inicio", json.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Equal(_base + "/bases.pdf", Assert.Single(json.GetProperty("documents").EnumerateArray()).GetString());
        Assert.Equal("2025-10-20", json.GetProperty("draft").GetProperty("call").GetProperty("closes").GetString());
        var change = Assert.Single(json.GetProperty("changes").EnumerateArray());
        Assert.Equal(("$.call.closes", "changed", "\"2025-10-05\"", "\"2025-10-20\""),
            (change.GetProperty("path").GetString(), change.GetProperty("kind").GetString(), change.GetProperty("before").GetString(), change.GetProperty("after").GetString()));

        var (tableCode, table, _) = await cli.RunAsync("sources", "check", "--url", _base + "/beca", "--call", "beca18-2026-ordinaria", "--allow-loopback", "--format", "table");
        Assert.Equal(0, tableCode);
        Assert.Contains("Texto leído", table, StringComparison.Ordinal);
        Assert.Contains("cambiado", table, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_RefusedFetches_AreClearUsageErrors_InTheUsersLanguage()
    {
        using var cli = new CliRunner();
        var (loopback, _, blocked) = await cli.RunAsync("sources", "check", "--url", _base + "/beca");
        Assert.Equal(2, loopback);
        Assert.Contains("No se consulta", blocked, StringComparison.Ordinal);

        var (robots, _, disallowed) = await cli.RunAsync("sources", "check", "--url", _base + "/privado/x", "--allow-loopback", "--lang", "en");
        Assert.Equal(2, robots);
        Assert.Contains("robots.txt does not allow", disallowed, StringComparison.Ordinal);

        var (pdf, _, document) = await cli.RunAsync("sources", "check", "--url", _base + "/bases.pdf", "--allow-loopback");
        Assert.Equal(2, pdf);
        Assert.Contains("suba su texto a mano", document, StringComparison.Ordinal);

        var (bad, _, usage) = await cli.RunAsync("sources", "check", "--url", "ftp://example.org/x");
        Assert.Equal(2, bad);
        Assert.Contains("no es una URL http(s)", usage, StringComparison.Ordinal);

        var (unknown, _, call) = await cli.RunAsync("sources", "check", "--url", _base + "/beca", "--allow-loopback", "--call", "no-existe");
        Assert.Equal(2, unknown);
        Assert.Contains("no-existe", call, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_AFeedWithBadRows_NamesLineAndColumn()
    {
        using var cli = new CliRunner();
        var (code, _, error) = await cli.RunAsync("sources", "check", "--url", _base + "/feed.csv", "--allow-loopback");
        Assert.Equal(1, code);
        Assert.Contains("línea 2, vacancies", error, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        _listener.Stop();
        _listener.Close();
        try
        {
            _server.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
            // The listener was closed while waiting for a request.
        }
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            if (_pages.TryGetValue(context.Request.Url!.AbsolutePath, out var page))
            {
                var bytes = Encoding.UTF8.GetBytes(page.Body);
                context.Response.ContentType = page.Type;
                await context.Response.OutputStream.WriteAsync(bytes);
            }
            else
            {
                context.Response.StatusCode = 404;
            }

            context.Response.Close();
        }
    }
}
