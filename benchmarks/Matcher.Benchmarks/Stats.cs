using System.Diagnostics;
using System.Globalization;

namespace Matcher.Benchmarks;

/// <summary>What a compiled catalog looks like: its columns, size, build time and how selective it is. Usage: stats [calls].</summary>
internal static class Stats
{
    public static int Run(string[] args)
    {
        var calls = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 100_000;
        var catalog = Setup.Catalog(calls);
        var start = Stopwatch.GetTimestamp();
        var index = Indexing.CatalogIndex.Build(catalog);
        var cold = Stopwatch.GetElapsedTime(start);
        var warm = TimeSpan.MaxValue;
        for (var i = 0; i < (args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 3); i++)
        {
            start = Stopwatch.GetTimestamp();
            index = Indexing.CatalogIndex.Build(catalog);
            var t = Stopwatch.GetElapsedTime(start);
            warm = t < warm ? t : warm;
        }

        Console.WriteLine($"{index.Count:N0} calls compiled in {warm.TotalMilliseconds:N0} ms warm ({cold.TotalMilliseconds:N0} ms on the first, cold build); {index.Bytes / (1024.0 * 1024):N1} MiB");
        var extents = index.Extents;
        for (var c = 0; c < extents.Count; c++)
        {
            Console.WriteLine($"  {index.Columns[c].Name,-36} {index.Columns[c].Members,9:N0} members  {extents[c].Runs,6:N0} runs  {extents[c].Words,7:N0} words");
        }

        foreach (var (criterion, members) in index.InternedCriteria.OrderByDescending(x => x.Members).Take(args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 0))
        {
            Console.WriteLine($"    {members,7:N0}  {(criterion.Length > 150 ? criterion[..150] + "…" : criterion)}");
        }

        var query = index.CreateQuery();
        long eligible = 0, unknown = 0;
        var students = Setup.Students(1024);
        foreach (var s in students)
        {
            index.Evaluate(s, Setup.AsOf, query);
            eligible += query.EligibleCount;
            unknown += query.UnknownCount;
        }

        Console.WriteLine($"per student: {eligible / 1024.0:N1} eligible ({100.0 * eligible / 1024 / index.Count:N2} %), {unknown / 1024.0:N1} unknown ({100.0 * unknown / 1024 / index.Count:N2} %)");
        return 0;
    }
}
