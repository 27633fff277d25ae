using System.Collections.Concurrent;
using System.Diagnostics;

namespace Matcher.Deployment;

/// <summary>Renders kustomizations with <c>kubectl kustomize</c>, which needs no cluster.</summary>
internal static class Kubectl
{
    private static readonly ConcurrentDictionary<string, Lazy<IReadOnlyList<System.Text.Json.Nodes.JsonObject>>> Rendered = new(StringComparer.Ordinal);

    public const string MissingMessage =
        "kubectl is not on PATH: install it to render k8s/ (any client >= 1.27 has kustomize built in). "
        + "These tests are skipped on a developer machine without it, and fail when CI is set.";

    /// <summary>The copy of <c>k8s/</c> next to the test assembly.</summary>
    public static string ManifestRoot { get; } = Path.Combine(AppContext.BaseDirectory, "k8s");

    public static bool IsAvailable { get; } = FindOnPath("kubectl") is not null;

    public static bool IsContinuousIntegration { get; } = !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI"));

    /// <summary>Every folder under <c>k8s/</c> that holds a kustomization, relative and with forward slashes.</summary>
    public static IReadOnlyList<string> Kustomizations { get; } = Directory
        .EnumerateFiles(ManifestRoot, "kustomization.yaml", SearchOption.AllDirectories)
        .Select(f => Path.GetRelativePath(ManifestRoot, Path.GetDirectoryName(f)!).Replace('\\', '/'))
        .Order(StringComparer.Ordinal)
        .ToArray();

    /// <summary>The objects <c>kubectl kustomize k8s/<paramref name="kustomization"/></c> renders, parsed once per run.</summary>
    public static IReadOnlyList<System.Text.Json.Nodes.JsonObject> Render(string kustomization) =>
        Rendered.GetOrAdd(kustomization, k => new Lazy<IReadOnlyList<System.Text.Json.Nodes.JsonObject>>(() => Manifest.Parse(RenderText(k)))).Value;

    private static string RenderText(string kustomization)
    {
        if (!IsAvailable)
        {
            throw new InvalidOperationException(MissingMessage);
        }

        var start = new ProcessStartInfo("kubectl") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add("kustomize");
        start.ArgumentList.Add(Path.Combine(ManifestRoot, kustomization));
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(60)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"kubectl kustomize k8s/{kustomization} did not finish in 60 s.");
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"kubectl kustomize k8s/{kustomization} failed ({process.ExitCode}): {stderr.Result}");
        }

        return stdout.Result;
    }

    private static string? FindOnPath(string name)
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? string.Empty;
        return path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, OperatingSystem.IsWindows() ? name + ".exe" : name))
            .FirstOrDefault(File.Exists);
    }
}

/// <summary>A fact that renders manifests: skipped with a message when kubectl is missing, unless CI is set (then it fails).</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class KubectlFactAttribute : FactAttribute
{
    /// <summary>Marks the test as needing kubectl.</summary>
    public KubectlFactAttribute()
    {
        if (!Kubectl.IsAvailable && !Kubectl.IsContinuousIntegration)
        {
            Skip = Kubectl.MissingMessage;
        }
    }
}

/// <summary>A theory that renders manifests: skipped with a message when kubectl is missing, unless CI is set (then it fails).</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class KubectlTheoryAttribute : TheoryAttribute
{
    /// <summary>Marks the test as needing kubectl.</summary>
    public KubectlTheoryAttribute()
    {
        if (!Kubectl.IsAvailable && !Kubectl.IsContinuousIntegration)
        {
            Skip = Kubectl.MissingMessage;
        }
    }
}
