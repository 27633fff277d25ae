using System.Diagnostics;

namespace Matcher.Deployment;

/// <summary>Runs the built <c>matcher</c> tool as a separate process, the way a Job's pod runs it.</summary>
internal static class MatcherTool
{
    public static Task<(int ExitCode, string Output, string Error)> RunAsync(IEnumerable<string> args) => RunAssemblyAsync("matcher.dll", args);

    public static Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] args) => RunAsync((IEnumerable<string>)args);

    /// <summary>Runs an executable assembly of this folder with the dotnet host that runs the tests.</summary>
    public static async Task<(int ExitCode, string Output, string Error)> RunAssemblyAsync(string assembly, IEnumerable<string> args)
    {
        var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";
        var start = new ProcessStartInfo(dotnet) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, assembly));
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException(assembly + " " + string.Join(' ', args) + " did not finish in 2 minutes.");
        }

        return (process.ExitCode, await stdout, await stderr);
    }
}

/// <summary>A scratch folder removed after the test.</summary>
internal sealed class ScratchFolder : IDisposable
{
    public ScratchFolder() => Directory.CreateDirectory(Path);

    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "matcher-deploy-" + Guid.NewGuid().ToString("N"));

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
