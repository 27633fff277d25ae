using System.Buffers;
using System.Text.Json;
using Matcher.Ranking;
using Matcher.Ranking.Features;
using Matcher.Scoring;
using Matcher.Students;

namespace Matcher.Keras.Ranking;

/// <summary>Ranks with a Keras model over <see cref="RankingFeatures"/>: one batched call per student; score = output clamped to 0–1, ties by id.</summary>
internal sealed class KerasRanker : IScholarshipRanker
{
    private readonly IKerasModel _model;

    public KerasRanker(IKerasModel model, string source)
    {
        _model = model;
        if (model.InputWidth != RankingFeatures.Count || model.OutputWidth < 1)
        {
            throw new KerasModelException($"{source}: a ranking model takes the {RankingFeatures.Count} features of {RankingFeatures.Version} and returns a score; this one takes {model.InputWidth} inputs and returns {model.OutputWidth}.");
        }

        var spec = source + ".features.json";
        if (File.Exists(spec))
        {
            using var doc = JsonDocument.Parse(File.ReadAllText(spec));
            var version = doc.RootElement.TryGetProperty("version", out var v) ? v.GetString() : null;
            if (version != RankingFeatures.Version)
            {
                throw new KerasModelException($"{source}: the model was trained for features '{version}', this build computes '{RankingFeatures.Version}'.");
            }
        }
    }

    public IReadOnlyList<RankedCandidate> Rank(StudentProfile student, IReadOnlyList<ScoredCandidate> candidates)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        var n = candidates.Count;
        if (n == 0)
        {
            return [];
        }

        var features = ArrayPool<float>.Shared.Rent(n * RankingFeatures.Count);
        var outputs = ArrayPool<float>.Shared.Rent(n * _model.OutputWidth);
        try
        {
            RankingFeatures.Compute(student, candidates, features);
            _model.Predict(features.AsSpan(0, n * RankingFeatures.Count), outputs.AsSpan(0, n * _model.OutputWidth), n);
            var ranked = new RankedCandidate[n];
            for (var i = 0; i < n; i++)
            {
                var raw = outputs[i * _model.OutputWidth];
                var s = float.IsNaN(raw) ? 0 : Math.Round(Math.Clamp(raw, 0, 1), 4);
                ranked[i] = new RankedCandidate(candidates[i], s, new Dictionary<string, double>(StringComparer.Ordinal) { ["keras"] = s });
            }

            Array.Sort(ranked, static (a, b) =>
            {
                var byScore = b.Score.CompareTo(a.Score);
                return byScore != 0 ? byScore : string.CompareOrdinal(a.Candidate.Scholarship.Id, b.Candidate.Scholarship.Id);
            });
            return ranked;
        }
        finally
        {
            ArrayPool<float>.Shared.Return(features);
            ArrayPool<float>.Shared.Return(outputs);
        }
    }
}
