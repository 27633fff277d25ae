using System.Diagnostics;
using System.Globalization;
using Matcher.Indexing;

namespace Matcher.Benchmarks;

/// <summary>
/// Whole-cohort runs with wall time and peak memory: B3 (verdict counts) and B4 (streamed top 10 with scores).
/// Usage: cohort [students=1000000] [calls=2000] [pool=4096].
/// </summary>
internal static class Cohort
{
    public static int Run(string[] args)
    {
        var students = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 1_000_000;
        var calls = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 2_000;
        var pool = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 4_096;
        var benchmark = new CohortBenchmark { Students = students, Calls = calls, Pool = pool };
        benchmark.Setup();
        benchmark.EligibilityCounts();
        benchmark.StreamedTop10();

        Console.WriteLine($"{students:N0} students (a pool of {pool:N0} generated profiles, cycled) × {calls:N0} calls; {Environment.ProcessorCount} cores; vector path {BitKernels.ActivePath}");
        Console.WriteLine("| scenario | wall time | students/s |");
        Console.WriteLine("|---|---:|---:|");
        Time("B3 verdict counts", students, () => benchmark.EligibilityCounts());
        Time("B4 streamed top 10 with scores", students, () => benchmark.StreamedTop10());
        using var process = Process.GetCurrentProcess();
        Console.WriteLine($"peak working set of the whole run: {process.PeakWorkingSet64 / (1024.0 * 1024):N0} MiB");
        return 0;
    }

    private static void Time(string name, int students, Func<object> run)
    {
        var best = TimeSpan.MaxValue;
        for (var i = 0; i < 3; i++)
        {
            var start = Stopwatch.GetTimestamp();
            run();
            var elapsed = Stopwatch.GetElapsedTime(start);
            best = elapsed < best ? elapsed : best;
        }

        Console.WriteLine($"| {name} | {best.TotalMilliseconds:N0} ms (best of 3) | {students / best.TotalSeconds:N0} |");
    }
}
