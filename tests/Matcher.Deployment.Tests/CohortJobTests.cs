using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Matcher.Deployment;

/// <summary>The cohort Indexed Job: its shape, and its own command line run for every index.</summary>
public partial class CohortJobTests
{
    private const string CompletionIndexAnnotation = "metadata.annotations['batch.kubernetes.io/job-completion-index']";
    private const string JobNameLabel = "metadata.labels['batch.kubernetes.io/job-name']";

    [KubectlFact]
    public void Job_IsIndexedWithOneShardPerIndex()
    {
        // The kustomization renders the Job alone, so renaming it for a run (docs/operations.md) touches nothing else.
        var job = Assert.Single(Kubectl.Render("cohort"));
        Assert.Equal("Job", job.Kind());
        var spec = job["spec"]!;
        Assert.Equal("Indexed", (string?)spec["completionMode"]);
        var completions = (long)spec["completions"]!;
        Assert.True(completions >= 2, "a cohort Job with fewer than 2 shards is not split");
        Assert.Equal(completions, (long)spec["parallelism"]!);

        var pod = job.PodSpec();
        Assert.Equal("Never", (string?)pod["restartPolicy"]);
        var container = pod.Containers().Single();
        Assert.Equal(completions.ToString(CultureInfo.InvariantCulture), (string?)container.Env("SHARD_COUNT")?["value"]);
        Assert.Equal(CompletionIndexAnnotation, (string?)container.Env("SHARD_INDEX")?["valueFrom"]?["fieldRef"]?["fieldPath"]);

        var args = (container["args"] as JsonArray)!.Select(a => (string)a!).ToArray();
        Assert.Equal("match", args[0]);
        Assert.Equal("$(SHARD_INDEX)/$(SHARD_COUNT)", args[Array.IndexOf(args, "--shard") + 1]);
        Assert.Contains("$(SHARD_INDEX)", args[Array.IndexOf(args, "--out") + 1], StringComparison.Ordinal);

        // Every shard must evaluate the rules at the same date, even if the run crosses midnight.
        var date = Expand(args[Array.IndexOf(args, "--date") + 1], LiteralEnv(container));
        Assert.True(DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _), $"--date is '{date}', not a fixed date");

        // Exit codes 1 and 2 come from the data: retrying gives the same answer.
        var rule = (spec["podFailurePolicy"]!["rules"] as JsonArray)!.Single(r => (string?)r!["action"] == "FailIndex")!;
        Assert.Equal([1L, 2L], (rule["onExitCodes"]!["values"] as JsonArray)!.Select(v => (long)v!));
        Assert.True((long?)spec["backoffLimitPerIndex"] is >= 1);
    }

    [KubectlFact]
    public void Job_CannotReachTheNetwork()
    {
        var objects = Kubectl.Render("cohort/setup");
        var labels = (JsonObject)CohortJob()["spec"]!["template"]!["metadata"]!["labels"]!;
        var policy = objects.OfKind("NetworkPolicy").Single(p => Manifest.Selects((JsonObject)p["spec"]!["podSelector"]!["matchLabels"]!, labels));
        Assert.Equal(["Ingress", "Egress"], (policy["spec"]!["policyTypes"] as JsonArray)!.Select(n => (string?)n));
        Assert.Null(policy["spec"]!["ingress"]);
        Assert.Null(policy["spec"]!["egress"]);
    }

    [KubectlFact]
    public async Task Job_ItsOwnCommandOverEveryIndex_ReproducesTheUnshardedRun()
    {
        var job = CohortJob();
        var jobName = job.Name() + "-test";
        var completions = (int)(long)job["spec"]!["completions"]!;
        var container = job.PodSpec().Containers().Single();
        var args = (container["args"] as JsonArray)!.Select(a => (string)a!).ToArray();
        Assert.All(
            (container["env"] as JsonArray)!.Cast<JsonObject>().Where(e => e["valueFrom"] is not null),
            e => Assert.Contains((string?)e["valueFrom"]!["fieldRef"]!["fieldPath"], new[] { CompletionIndexAnnotation, JobNameLabel }));

        using var scratch = new ScratchFolder();
        var volume = Path.Combine(scratch.Path, "volume");
        var literalEnv = LiteralEnv(container);
        var input = Path.Combine(volume, "input", literalEnv["INPUT_FILE"]);
        Directory.CreateDirectory(Path.GetDirectoryName(input)!);
        await File.WriteAllTextAsync(input, StudentBatch.JsonLines(200, seed: 18));

        for (var index = 0; index < completions; index++)
        {
            // What the kubelet does: downward-API values, then $(VAR) expansion in subPathExpr and args.
            var env = new Dictionary<string, string>(literalEnv, StringComparer.Ordinal)
            {
                ["SHARD_INDEX"] = index.ToString(CultureInfo.InvariantCulture),
                ["RUN_ID"] = jobName,
            };
            var mounts = Mounts(container, env, volume);
            Directory.CreateDirectory(mounts["/cohort/output"]);
            var podArgs = args.Select(a => MapPath(Expand(a, env), mounts)).ToArray();
            var run = await MatcherTool.RunAsync(podArgs);
            Assert.True(run.ExitCode == 0, $"index {index}: exit {run.ExitCode}. {run.Error}");
        }

        var outputs = Directory.GetFiles(Path.Combine(volume, "runs", jobName), "*.jsonl");
        Assert.Equal(completions, outputs.Length);
        var sharded = outputs.SelectMany(File.ReadAllLines).ToArray();

        var date = Expand(args[Array.IndexOf(args, "--date") + 1], literalEnv);
        var whole = await MatcherTool.RunAsync("match", "--students", input, "--out", scratch.File("all.jsonl"), "--date", date);
        Assert.True(whole.ExitCode == 0, whole.Error);
        var expected = await File.ReadAllLinesAsync(scratch.File("all.jsonl"));
        Assert.Equal(200, expected.Length);
        Assert.Equal(expected.Order(StringComparer.Ordinal), sharded.Order(StringComparer.Ordinal));
    }

    private static JsonObject CohortJob() => Kubectl.Render("cohort").OfKind("Job").Single();

    private static Dictionary<string, string> LiteralEnv(JsonObject container) =>
        (container["env"] as JsonArray)!.Cast<JsonObject>()
            .Where(e => e["value"] is not null)
            .ToDictionary(e => (string)e["name"]!, e => (string)e["value"]!, StringComparer.Ordinal);

    /// <summary>Each mount path of the container mapped to its folder on the (local stand-in of the) volume.</summary>
    private static Dictionary<string, string> Mounts(JsonObject container, Dictionary<string, string> env, string volume) =>
        (container["volumeMounts"] as JsonArray)!.Cast<JsonObject>()
            .Where(m => (string?)m["name"] == "cohort")
            .ToDictionary(
                m => (string)m["mountPath"]!,
                m => Path.Combine(volume, (string?)m["subPath"] ?? Expand((string?)m["subPathExpr"] ?? string.Empty, env)),
                StringComparer.Ordinal);

    private static string MapPath(string arg, Dictionary<string, string> mounts)
    {
        foreach (var (mountPath, local) in mounts)
        {
            if (arg.StartsWith(mountPath + "/", StringComparison.Ordinal))
            {
                return Path.Combine(local, arg[(mountPath.Length + 1)..]);
            }
        }

        return arg;
    }

    /// <summary>Kubernetes' <c>$(VAR)</c> expansion: a defined variable is replaced, an undefined one is left as written.</summary>
    private static string Expand(string text, Dictionary<string, string> env) =>
        Reference().Replace(text, m => env.TryGetValue(m.Groups[1].Value, out var value) ? value : m.Value);

    [GeneratedRegex(@"\$\(([A-Za-z_][A-Za-z0-9_]*)\)")]
    private static partial Regex Reference();
}
