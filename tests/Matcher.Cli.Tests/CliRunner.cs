using System.Diagnostics;

namespace Matcher.Cli;

/// <summary>Runs the tool in-process with captured output, and gives each test its own scratch folder.</summary>
internal sealed class CliRunner : IDisposable
{
    public CliRunner()
    {
        Directory = Path.Combine(Path.GetTempPath(), "matcher-cli-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(Directory);
    }

    public string Directory { get; }

    public static string Sample(string name) => Path.Combine(AppContext.BaseDirectory, "students", name);

    public string Write(string name, string content)
    {
        var path = Path.Combine(Directory, name);
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return path;
    }

    public string PathOf(string name) => Path.Combine(Directory, name);

#pragma warning disable CA1822 // An instance method so that every run goes through the scratch folder's owner.
    public async Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] args)
#pragma warning restore CA1822
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await MatcherCli.RunAsync(args, new CliContext(output, error, outputIsTerminal: false, errorIsTerminal: false, width: 400));
        return (code, output.ToString(), error.ToString());
    }

    /// <summary>Runs the built tool as a real process, the way a script would.</summary>
    public static async Task<(int ExitCode, string Output, string Error)> RunProcessAsync(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "matcher.dll"));
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await stdout, await stderr);
    }

    public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);
}
