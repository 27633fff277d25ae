using System.Diagnostics;
using System.Globalization;
using Matcher.Indexing;
using Matcher.Matching;
using Microsoft.Extensions.DependencyInjection;

namespace Matcher.Benchmarks;

/// <summary>
/// Per-call latency percentiles (p50, p99) for the single-student scenarios, timed call by call with the
/// high-resolution clock, and bytes allocated per call. Usage: latency [calls=100000] [iterations=20000].
/// </summary>
internal static class Latency
{
    public static int Run(string[] args)
    {
        var calls = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 100_000;
        var iterations = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 20_000;
        var catalog = Setup.Catalog(calls);
        var index = catalog.Index;
        var query = index.CreateQuery();
        var students = Setup.Students(1024);
        var weights = new MatcherOptions().Weights.ToArray();
        var total = weights.Sum();
        var top = new RankedIndex[20];
        using var services = Setup.Services(catalog);
        var matcher = services.GetRequiredService<IScholarshipMatcher>();
        var request = new MatchRequest { AsOf = Setup.AsOf, Top = 20 };

        Console.WriteLine($"catalog: {calls:N0} calls; {iterations:N0} timed calls per scenario; vector path {BitKernels.ActivePath}; {Environment.ProcessorCount} cores");
        Console.WriteLine("| scenario | p50 | p99 | max | allocated per call |");
        Console.WriteLine("|---|---:|---:|---:|---:|");
        Measure("B1 eligibility (index)", iterations, i => index.Evaluate(students[i & 1023], Setup.AsOf, query));
        Measure("B2 score + top-20 (index)", iterations, i => index.RankTop(students[i & 1023], Setup.AsOf, query, weights, total, 60, top));
        Measure("B2' full report, top 20, Spanish", Math.Min(iterations, 5_000), i => matcher.Match(students[i & 1023], request));
        return 0;
    }

    private static void Measure(string name, int iterations, Action<int> call)
    {
        // Warm up long enough for tiered compilation to reach optimized code (it recompiles hot methods after a delay).
        var warmup = Stopwatch.GetTimestamp();
        for (var i = 0; Stopwatch.GetElapsedTime(warmup).TotalSeconds < 3; i++)
        {
            call(i);
        }

        var ticks = new long[iterations];
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < iterations; i++)
        {
            var start = Stopwatch.GetTimestamp();
            call(i);
            ticks[i] = Stopwatch.GetTimestamp() - start;
        }

        var allocated = (GC.GetAllocatedBytesForCurrentThread() - before) / (double)iterations;
        Array.Sort(ticks);
        Console.WriteLine($"| {name} | {Format(ticks[iterations / 2])} | {Format(ticks[(int)(iterations * 0.99)])} | {Format(ticks[^1])} | {allocated:N0} B |");
    }

    private static string Format(long ticks)
    {
        var microseconds = ticks * 1_000_000.0 / Stopwatch.Frequency;
        return microseconds < 1000 ? $"{microseconds:0.00} µs" : $"{microseconds / 1000:0.00} ms";
    }
}
