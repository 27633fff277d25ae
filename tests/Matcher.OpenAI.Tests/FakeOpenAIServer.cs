using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Matcher.OpenAI;

/// <summary>
/// A loopback HTTP server (127.0.0.1 only) that answers <c>POST /v1/chat/completions</c> with recorded wire bodies
/// from Fixtures/, in order, and records every request body.
/// </summary>
internal sealed class FakeOpenAIServer : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly ConcurrentQueue<Answer> _replies = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    public FakeOpenAIServer()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        BaseUrl = new Uri($"http://127.0.0.1:{port}/v1/");
        _listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        _listener.Start();
        _loop = Task.Run(LoopAsync);
    }

    public Uri BaseUrl { get; }

    public ConcurrentQueue<string> Requests { get; } = new();

    /// <summary>
    /// The number of requests received once <paramref name="expected"/> have arrived or <paramref name="within"/> has
    /// passed: a client that gave up on a slow answer may return before this server has read the last request's body.
    /// </summary>
    public async Task<int> RequestCountAsync(int expected, TimeSpan within)
    {
        using var deadline = new CancellationTokenSource(within);
        while (Requests.Count < expected && !deadline.IsCancellationRequested)
        {
            await Task.Delay(20, CancellationToken.None);
        }

        return Requests.Count;
    }

    public static string Fixture(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", name));

    public FakeOpenAIServer Reply(string fixture, int status = 200, TimeSpan? delay = null, params (string Name, string Value)[] headers)
    {
        _replies.Enqueue(new Answer(status, Fixture(fixture), delay ?? TimeSpan.Zero, headers));
        return this;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Close();
        try
        {
            await _loop;
        }
        catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or OperationCanceledException)
        {
        }

        _stop.Dispose();
    }

    private async Task LoopAsync()
    {
        while (!_stop.IsCancellationRequested)
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

            _ = Task.Run(() => AnswerAsync(context));
        }
    }

    private async Task AnswerAsync(HttpListenerContext context)
    {
        using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
        Requests.Enqueue(await reader.ReadToEndAsync());
        var reply = _replies.TryDequeue(out var r) ? r : new Answer(500, Fixture("error-500.json"), TimeSpan.Zero, []);
        try
        {
            if (reply.Delay > TimeSpan.Zero)
            {
                await Task.Delay(reply.Delay, _stop.Token);
            }

            context.Response.StatusCode = reply.Status;
            context.Response.ContentType = "application/json";
            foreach (var (name, value) in reply.Headers)
            {
                context.Response.Headers[name] = value;
            }

            var bytes = Encoding.UTF8.GetBytes(reply.Body);
            await context.Response.OutputStream.WriteAsync(bytes);
            context.Response.Close();
        }
        catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or OperationCanceledException or IOException)
        {
            // The client gave up (timeout) or the server is stopping.
        }
    }

    private sealed record Answer(int Status, string Body, TimeSpan Delay, (string Name, string Value)[] Headers);
}
