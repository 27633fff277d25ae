using Prometheus;

namespace Matcher.Portal.Sources;

/// <summary>Prometheus metrics of source checks: checks by outcome, changes (reviews created), failures per source.</summary>
internal static class IngestionMetrics
{
    private static readonly Counter Checks = Metrics.CreateCounter(
        "matcher_source_checks_total", "Checks of catalog sources, by outcome.", new CounterConfiguration { LabelNames = ["outcome"] });

    private static readonly Counter Changes = Metrics.CreateCounter(
        "matcher_source_changes_total", "Draft revisions created from sources for review.");

    private static readonly Counter Failures = Metrics.CreateCounter(
        "matcher_source_failures_total", "Failed checks, by source id.", new CounterConfiguration { LabelNames = ["source"] });

    private static readonly Histogram Duration = Metrics.CreateHistogram(
        "matcher_source_check_duration_seconds", "Time to check one source (fetch, text, parse, diff, store).",
        new HistogramConfiguration { Buckets = Histogram.ExponentialBuckets(0.001, 2, 16) });

    public static void Record(int sourceId, string outcome, int reviews, TimeSpan duration)
    {
        Checks.WithLabels(outcome).Inc();
        Duration.Observe(duration.TotalSeconds);
        if (reviews > 0)
        {
            Changes.Inc(reviews);
        }

        if (outcome == "failed")
        {
            Failures.WithLabels(sourceId.ToString(System.Globalization.CultureInfo.InvariantCulture)).Inc();
        }
    }
}
