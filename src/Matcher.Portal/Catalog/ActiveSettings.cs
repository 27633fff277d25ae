using Matcher.Scoring;

namespace Matcher.Portal.Catalog;

/// <summary>
/// The weight set and ranker model active in the database, as last seen by this replica. Matching reads it on every
/// request; the watcher replaces it when the database changes.
/// </summary>
internal sealed class ActiveSettings
{
    private volatile Snapshot _current = new(null, null, null, null);

    public Snapshot Current => _current;

    public void Set(Snapshot snapshot) => _current = snapshot;

    /// <summary>The active settings.</summary>
    /// <param name="WeightSetVersion">Version of the active weight set; <see langword="null"/>: the configured weights.</param>
    /// <param name="Weights">Its weights.</param>
    /// <param name="ModelVersion">Version of the active ranker model, if any.</param>
    /// <param name="ModelKind">Its kind.</param>
    internal sealed record Snapshot(int? WeightSetVersion, ScoringWeights? Weights, int? ModelVersion, string? ModelKind);
}
