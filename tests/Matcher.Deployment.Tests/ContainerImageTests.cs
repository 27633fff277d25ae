using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;

namespace Matcher.Deployment;

/// <summary>
/// The Dockerfile cannot be built here (no container engine): its rules are checked as text, and the health probe
/// it runs is run for real against a loopback HTTP server.
/// </summary>
public class ContainerImageTests
{
    private static readonly string Dockerfile = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "container", "Dockerfile"));
    private static readonly string[] DockerIgnore = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "container", ".dockerignore"));

    [Theory]
    [InlineData("portal", "/app/Matcher.Portal")]
    [InlineData("cli", "/app/matcher")]
    public void EveryImage_RunsAsTheNonRootAppUserOnAChiseledImage(string target, string entrypoint)
    {
        var stage = Stage(target);
        Assert.Matches(@"^FROM mcr\.microsoft\.com/dotnet/[a-z]+:\$\{DOTNET_VERSION\}-noble-chiseled-extra AS " + target, stage[0]);
        Assert.Equal("USER 1654", stage.Last(l => l.StartsWith("USER ", StringComparison.Ordinal)));
        Assert.Contains($"ENTRYPOINT [\"{entrypoint}\"]", stage);
        Assert.DoesNotContain(stage, l => l.StartsWith("ENV ", StringComparison.Ordinal) && (l.Contains("PASSWORD", StringComparison.OrdinalIgnoreCase) || l.Contains("KEY", StringComparison.Ordinal) || l.Contains("MATCHER_DB", StringComparison.Ordinal)));
        Assert.DoesNotContain(stage, l => l.StartsWith("ARG ", StringComparison.Ordinal) && (l.Contains("PASSWORD", StringComparison.OrdinalIgnoreCase) || l.Contains("TOKEN", StringComparison.OrdinalIgnoreCase)));
    }

    [Fact]
    public void PortalImage_IsTheDefaultTarget_AndListensWhereTheManifestsProbe()
    {
        var stages = Dockerfile.Split('\n').Where(l => l.StartsWith("FROM ", StringComparison.Ordinal)).ToArray();
        Assert.EndsWith("AS portal", stages[^1], StringComparison.Ordinal);
        var portal = Stage("portal");
        Assert.Contains("EXPOSE 8080", portal);
        Assert.Contains(portal, l => l.Contains("ASPNETCORE_HTTP_PORTS=8080", StringComparison.Ordinal));
        Assert.Contains(portal, l => l.StartsWith("COPY --link --chown=1654:1654 ", StringComparison.Ordinal) && l.EndsWith(" /data", StringComparison.Ordinal));
        var healthcheck = string.Join(' ', portal.SkipWhile(l => !l.StartsWith("HEALTHCHECK", StringComparison.Ordinal)).Take(2));
        Assert.Contains("\"/probe/Matcher.HealthProbe\", \"http://127.0.0.1:8080/health/live\"", healthcheck, StringComparison.Ordinal);
    }

    [KubectlFact]
    public void Manifests_RunTheImagesTheDockerfileBuilds()
    {
        var portal = Kubectl.Render("overlays/prod").Single("Deployment", "matcher-portal").PodSpec().Containers().Single();
        Assert.StartsWith("ghcr.io/peru-scholarship-matcher/matcher-portal:", (string)portal["image"]!, StringComparison.Ordinal);
        Assert.Null(portal["command"]);
        Assert.Equal(1654, (long)Kubectl.Render("overlays/prod").Single("Deployment", "matcher-portal").PodSpec()["securityContext"]!["runAsUser"]!);

        var cli = Kubectl.Render("cohort").OfKind("Job").Single().PodSpec().Containers().Single();
        Assert.StartsWith("ghcr.io/peru-scholarship-matcher/matcher-cli:", (string)cli["image"]!, StringComparison.Ordinal);
        Assert.Null(cli["command"]);
        Assert.Equal("match", (string?)(cli["args"] as JsonArray)![0]);
    }

    [Fact]
    public void BuildContext_LeavesOutBuildOutputGitAndSecrets()
    {
        foreach (var pattern in new[] { "**/bin/", "**/obj/", ".git/", "artifacts/", "**/.env", "**/*.pfx", "**/*.db" })
        {
            Assert.Contains(pattern, DockerIgnore);
        }

        Assert.DoesNotContain(Dockerfile.Split('\n'), l => l.StartsWith("COPY", StringComparison.Ordinal) && l.Contains("secret", StringComparison.OrdinalIgnoreCase));
    }

    [Theory]
    [InlineData(200, 0)]
    [InlineData(204, 0)]
    [InlineData(503, 1)]
    [InlineData(500, 1)]
    public async Task HealthProbe_ExitsZeroOnlyOnASuccessfulAnswer(int status, int expectedExit)
    {
        using var server = new OneShotHttpServer(status);
        var run = await MatcherTool.RunAssemblyAsync("Matcher.HealthProbe.dll", [server.Url + "health/live", "5"]);
        Assert.True(run.ExitCode == expectedExit, $"status {status}: exit {run.ExitCode}. {run.Error}");
        Assert.StartsWith("GET /health/live HTTP/1.1", await server.Request, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HealthProbe_FailsWhenNothingListens()
    {
        int port;
        using (var probe = new TcpListener(IPAddress.Loopback, 0))
        {
            probe.Start();
            port = ((IPEndPoint)probe.LocalEndpoint).Port;
        }

        var run = await MatcherTool.RunAssemblyAsync("Matcher.HealthProbe.dll", [$"http://127.0.0.1:{port}/health/live", "2"]);
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("health probe:", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HealthProbe_RejectsANonHttpUrl()
    {
        var run = await MatcherTool.RunAssemblyAsync("Matcher.HealthProbe.dll", ["ftp://127.0.0.1/health"]);
        Assert.Equal(2, run.ExitCode);
    }

    /// <summary>The lines of one build stage, from its FROM line to the next.</summary>
    private static string[] Stage(string name)
    {
        var lines = Dockerfile.Split('\n').Select(l => l.TrimEnd()).ToArray();
        var start = Array.FindIndex(lines, l => l.StartsWith("FROM ", StringComparison.Ordinal) && l.EndsWith(" AS " + name, StringComparison.Ordinal));
        Assert.True(start >= 0, $"no stage '{name}' in the Dockerfile");
        var end = Array.FindIndex(lines, start + 1, l => l.StartsWith("FROM ", StringComparison.Ordinal));
        return lines[start..(end < 0 ? lines.Length : end)];
    }

    /// <summary>Answers one HTTP request on 127.0.0.1 with the given status, and keeps the request line.</summary>
    private sealed class OneShotHttpServer : IDisposable
    {
        private readonly TcpListener _listener = new(IPAddress.Loopback, 0);

        public OneShotHttpServer(int status)
        {
            _listener.Start();
            Url = $"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/";
            Request = ServeAsync(status);
        }

        public string Url { get; }

        public Task<string> Request { get; }

        public void Dispose() => _listener.Stop();

        private async Task<string> ServeAsync(int status)
        {
            using var client = await _listener.AcceptTcpClientAsync();
            var stream = client.GetStream();
            var buffer = new byte[4096];
            var request = new StringBuilder();
            while (!request.ToString().Contains("\r\n\r\n", StringComparison.Ordinal))
            {
                var read = await stream.ReadAsync(buffer);
                if (read == 0)
                {
                    break;
                }

                request.Append(Encoding.ASCII.GetString(buffer, 0, read));
            }

            var body = "ok"u8.ToArray();
            var head = Encoding.ASCII.GetBytes($"HTTP/1.1 {status} Status\r\nContent-Type: text/plain\r\nContent-Length: {body.Length}\r\nConnection: close\r\n\r\n");
            await stream.WriteAsync(head);
            await stream.WriteAsync(body);
            return request.ToString();
        }
    }
}
