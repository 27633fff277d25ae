using System.Globalization;
using System.Text.Json;

namespace Matcher.Deployment;

/// <summary>
/// <c>--shard I/N</c> splits a batch without losing, duplicating or changing a report: the shards' outputs, put back in
/// input order, are byte for byte the unsharded run's output. The tool runs as a process, as in a Job's pod.
/// </summary>
public class ShardedBatchTests
{
    private const string Date = "2025-09-20";
    private const int Students = 240;

    // Line 17 is row index 16 (shard 0 of 4), line 58 is row index 57 (shard 1 of 4).
    private static readonly int[] InvalidLines = [17, 58];

    [Fact]
    public async Task Shards0To3Of4_TogetherEqualTheUnshardedRun()
    {
        using var scratch = new ScratchFolder();
        var input = scratch.File("students.jsonl");
        await File.WriteAllTextAsync(input, StudentBatch.JsonLines(Students, seed: 20260302, InvalidLines));

        var whole = await MatcherTool.RunAsync("match", "--students", input, "--out", scratch.File("all.jsonl"), "--date", Date);
        Assert.True(whole.ExitCode == 1, $"unsharded run: exit {whole.ExitCode}, expected 1 (two invalid rows). {whole.Error}");
        var expected = await File.ReadAllLinesAsync(scratch.File("all.jsonl"));
        Assert.Equal(Students - InvalidLines.Length, expected.Length);

        const int count = 4;
        var shards = new Queue<string>[count];
        for (var i = 0; i < count; i++)
        {
            var output = scratch.File($"shard-{i}.jsonl");
            var run = await MatcherTool.RunAsync("match", "--students", input, "--out", output, "--shard", $"{i}/{count}", "--date", Date);
            var owned = InvalidLines.Where(line => (line - 1) % count == i).ToArray();
            Assert.True(run.ExitCode == (owned.Length > 0 ? 1 : 0), $"shard {i}/{count}: exit {run.ExitCode}. {run.Error}");
            foreach (var line in InvalidLines)
            {
                // Each invalid row is reported once, by the shard that owns it, with its line number.
                Assert.Equal(owned.Contains(line), run.Error.Contains(LineLocation(input, line), StringComparison.Ordinal));
            }

            var lines = await File.ReadAllLinesAsync(output);
            Assert.All(lines, l => Assert.Equal(i, (RowIndex(l) % count)));
            shards[i] = new Queue<string>(lines);
        }

        // Put the shards back in input order: every row index says which shard holds its report, and each shard keeps
        // input order. The result must be exactly the unsharded output, and nothing may be left over.
        var reassembled = expected.Select(line => shards[RowIndex(line) % count].Dequeue()).ToArray();
        Assert.Equal(expected, reassembled);
        Assert.All(shards, q => Assert.Empty(q));
    }

    [Fact]
    public async Task ShardsThatDoNotDivideTheBatchEvenly_PartitionTheBriefReports()
    {
        const int count = 3;
        using var scratch = new ScratchFolder();
        var input = scratch.File("students.jsonl");
        await File.WriteAllTextAsync(input, StudentBatch.JsonLines(202, seed: 3));
        var whole = await MatcherTool.RunAsync("match", "--students", input, "--out", scratch.File("all.jsonl"), "--date", Date, "--brief");
        Assert.True(whole.ExitCode == 0, whole.Error);
        var expected = await File.ReadAllLinesAsync(scratch.File("all.jsonl"));

        var all = new List<string>();
        for (var i = 0; i < count; i++)
        {
            var output = scratch.File($"shard-{i}.jsonl");
            var run = await MatcherTool.RunAsync("match", "--students", input, "--out", output, "--shard", $"{i}/{count}", "--date", Date, "--brief");
            Assert.True(run.ExitCode == 0, run.Error);
            all.AddRange(await File.ReadAllLinesAsync(output));
        }

        Assert.Equal(202, all.Count);
        Assert.Equal(expected.Order(StringComparer.Ordinal), all.Order(StringComparer.Ordinal));
    }

    /// <summary>The 0-based input row of a report: ids are <c>st-NNNNN</c> with the 1-based line number.</summary>
    internal static int RowIndex(string reportLine)
    {
        using var report = JsonDocument.Parse(reportLine);
        var id = report.RootElement.GetProperty("studentId").GetString()!;
        return int.Parse(id.AsSpan("st-".Length), NumberStyles.None, CultureInfo.InvariantCulture) - 1;
    }

    private static string LineLocation(string input, int line) => string.Create(CultureInfo.InvariantCulture, $"{input}:línea {line}:");
}
