using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace Matcher.Benchmarks;

/// <summary>The 99th percentile of the per-iteration means, next to BenchmarkDotNet's median.</summary>
internal sealed class P99Column : IColumn
{
    public string Id => nameof(P99Column);

    public string ColumnName => "P99";

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Statistics;

    public int PriorityInCategory => 10;

    public bool IsNumeric => true;

    public UnitType UnitType => UnitType.Time;

    public string Legend => "99th percentile of the iteration means";

    public bool IsAvailable(Summary summary) => true;

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        var statistics = summary[benchmarkCase]?.ResultStatistics;
        return statistics is null ? "NA" : TimeFormat(statistics.Percentiles.Percentile(99), style);
    }

    private static string TimeFormat(double nanoseconds, SummaryStyle style) =>
        nanoseconds < 1_000 ? $"{nanoseconds:0.0} ns" : nanoseconds < 1_000_000 ? $"{nanoseconds / 1_000:0.00} μs" : nanoseconds < 1_000_000_000 ? $"{nanoseconds / 1_000_000:0.00} ms" : $"{nanoseconds / 1_000_000_000:0.00} s";
}
