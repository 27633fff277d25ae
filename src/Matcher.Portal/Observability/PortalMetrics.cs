using Matcher.Matching;
using Matcher.Portal.Catalog;
using Prometheus;

namespace Matcher.Portal.Observability;

/// <summary>The host's own Prometheus metrics (request rates come from prometheus-net's HTTP middleware).</summary>
internal sealed class PortalMetrics
{
    private static readonly Histogram MatchDuration = Metrics.CreateHistogram(
        "matcher_match_duration_seconds",
        "Time to match one student (eligibility, scoring, ranking, explanation).",
        new HistogramConfiguration { LabelNames = ["endpoint"], Buckets = Histogram.ExponentialBuckets(0.00005, 2, 16) });

    private static readonly Counter Matches = Metrics.CreateCounter(
        "matcher_match_results_total", "Scholarship results returned, by verdict.", new CounterConfiguration { LabelNames = ["verdict"] });

    private static readonly Counter Students = Metrics.CreateCounter(
        "matcher_students_matched_total", "Students matched, by endpoint.", new CounterConfiguration { LabelNames = ["endpoint"] });

    private static readonly Gauge CatalogInfo = Metrics.CreateGauge(
        "matcher_catalog_info", "The catalog version this replica serves (value 1).", new GaugeConfiguration { LabelNames = ["catalog_version"] });

    private static readonly Gauge ModelInfo = Metrics.CreateGauge(
        "matcher_model_info", "The active ranker model and weight set of this replica (value 1).", new GaugeConfiguration { LabelNames = ["model_version", "ranker", "weights_version"] });

    private readonly Lock _gate = new();
    private string? _catalogVersion;
    private string[]? _modelLabels;

    public static Histogram.Child Timer(string endpoint) => MatchDuration.WithLabels(endpoint);

    public static void Record(string endpoint, MatchReport report)
    {
        Students.WithLabels(endpoint).Inc();
        foreach (var match in report.Matches)
        {
            Matches.WithLabels(Serialization.EnumText.Of(match.Verdict)).Inc();
        }
    }

    public void SetVersions(string catalogVersion, ActiveSettings.Snapshot settings)
    {
        string[] labels =
        [
            settings.ModelVersion?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none",
            settings.ModelKind ?? "weighted",
            settings.WeightSetVersion?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "config",
        ];
        lock (_gate)
        {
            if (_catalogVersion != catalogVersion)
            {
                if (_catalogVersion is not null)
                {
                    CatalogInfo.RemoveLabelled(_catalogVersion);
                }

                CatalogInfo.WithLabels(catalogVersion).Set(1);
                _catalogVersion = catalogVersion;
            }

            if (_modelLabels is null || !_modelLabels.SequenceEqual(labels))
            {
                if (_modelLabels is not null)
                {
                    ModelInfo.RemoveLabelled(_modelLabels);
                }

                ModelInfo.WithLabels(labels).Set(1);
                _modelLabels = labels;
            }
        }
    }
}
