using Matcher.Ranking;
using Matcher.Ranking.Features;
using Matcher.Scoring;
using Matcher.Students;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace Matcher.MLNet.Ranking;

/// <summary>Ranks by a LightGBM LambdaRank model over <see cref="RankingFeatures"/>; score = logistic(model score), ties by id.</summary>
internal sealed class LightGbmRanker : IScholarshipRanker
{
    private readonly MLContext _ml = new(0);
    private readonly ITransformer _model;
    private readonly CompiledForest _forest;

    public LightGbmRanker(string modelPath)
    {
        if (RankingFeatures.Count != 25)
        {
            throw new InvalidOperationException("RankingRow's vector size must follow RankingFeatures.Count.");
        }

        FeatureSpecFile.Check(modelPath);
        using var stream = File.OpenRead(modelPath);
        _model = _ml.Model.Load(stream, out _);
        _forest = CompiledForest.From(_model, RankingFeatures.Count);
    }

    internal int TreeCount => _forest.TreeCount;

    public IReadOnlyList<RankedCandidate> Rank(StudentProfile student, IReadOnlyList<ScoredCandidate> candidates)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        if (candidates.Count == 0)
        {
            return [];
        }

        var scores = Score(student, candidates);
        var ranked = new RankedCandidate[candidates.Count];
        for (var i = 0; i < ranked.Length; i++)
        {
            var s = Math.Round(1 / (1 + Math.Exp(-scores[i])), 4);
            ranked[i] = new RankedCandidate(candidates[i], s, new Dictionary<string, double>(StringComparer.Ordinal) { ["lightgbm"] = s });
        }

        Array.Sort(ranked, static (a, b) =>
        {
            var byScore = b.Score.CompareTo(a.Score);
            return byScore != 0 ? byScore : string.CompareOrdinal(a.Candidate.Scholarship.Id, b.Candidate.Scholarship.Id);
        });
        return ranked;
    }

    internal float[] Score(StudentProfile student, IReadOnlyList<ScoredCandidate> candidates)
    {
        var features = new float[candidates.Count * RankingFeatures.Count];
        RankingFeatures.Compute(student, candidates, features);
        return ScoreFeatures(features, candidates.Count);
    }

    internal float[] ScoreFeatures(float[] features, int count)
    {
        var scores = new float[count];
        _forest.Score(features.AsSpan(0, count * RankingFeatures.Count), RankingFeatures.Count, scores);
        return scores;
    }

    /// <summary>The same scores through ML.NET's own pipeline (the reference for <see cref="CompiledForest"/>).</summary>
    internal float[] ScoreWithMlNet(float[] features, int count)
    {
        var rows = new RankingRow[count];
        for (var i = 0; i < count; i++)
        {
            rows[i] = new RankingRow { GroupId = 1, Features = features.AsSpan(i * RankingFeatures.Count, RankingFeatures.Count).ToArray() };
        }

        var scored = _model.Transform(_ml.Data.LoadFromEnumerable(rows));
        return scored.GetColumn<float>("Score").ToArray();
    }
}
