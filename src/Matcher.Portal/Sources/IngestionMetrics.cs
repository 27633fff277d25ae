using Prometheus;

namespace Matcher.Portal.Sources;

/// <summary>
/// Prometheus metrics of source checks, per source: checks by outcome, changes (reviews created), failures. The
/// <c>source</c> label is the source id (bounded by the number of registered sources, never a URL).
/// </summary>
internal static class IngestionMetrics
{
    private static readonly Counter Checks = Metrics.CreateCounter(
        "matcher_source_checks_total", "Checks of catalog sources, by source id and outcome.", new CounterConfiguration { LabelNames = ["source", "outcome"] });

    private static readonly Counter Changes = Metrics.CreateCounter(
        "matcher_source_changes_total", "Draft revisions created from sources for review, by source id.", new CounterConfiguration { LabelNames = ["source"] });

    private static readonly Counter Failures = Metrics.CreateCounter(
        "matcher_source_failures_total", "Failed checks, by source id.", new CounterConfiguration { LabelNames = ["source"] });

    private static readonly Histogram Duration = Metrics.CreateHistogram(
        "matcher_source_check_duration_seconds", "Time to check one source (fetch, text, parse, diff, store).",
        new HistogramConfiguration { Buckets = Histogram.ExponentialBuckets(0.001, 2, 16) });

    public static void Record(int sourceId, string outcome, int reviews, TimeSpan duration)
    {
        var source = sourceId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Checks.WithLabels(source, outcome).Inc();
        Duration.Observe(duration.TotalSeconds);
        if (reviews > 0)
        {
            Changes.WithLabels(source).Inc(reviews);
        }

        if (outcome == "failed")
        {
            Failures.WithLabels(source).Inc();
        }
    }
}
