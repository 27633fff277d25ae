using System.Text.Json;
using Matcher.MLNet.Outcomes;
using Matcher.Ranking.Features;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers.LightGbm;

namespace Matcher.MLNet.Ranking;

/// <summary>Trains a LightGBM LambdaRank model (ML.NET) on outcomes and saves it as a model file plus its feature-spec sidecar.</summary>
public static class LightGbmRankerTrainer
{
    /// <summary>Trains and saves.</summary>
    /// <param name="services">A provider with the matcher registered: its catalog, evaluator and scorer build the candidates.</param>
    /// <param name="outcomes">The outcome rows.</param>
    /// <param name="modelPath">Where to write the ML.NET model zip; <c>PATH.features.json</c> is written beside it.</param>
    /// <param name="options">Training settings.</param>
    /// <returns>Number of queries (students) trained on.</returns>
    /// <exception cref="ArgumentException">The outcomes yield no query with a relevant call.</exception>
    public static int Train(IServiceProvider services, IReadOnlyList<OutcomeRecord> outcomes, string modelPath, LightGbmTrainingOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(outcomes);
        ArgumentNullException.ThrowIfNull(modelPath);
        options ??= new LightGbmTrainingOptions();
        var candidates = new Candidates(services);
        var groups = OutcomeGroups.Build(candidates, outcomes, test: false, options.Seed, options.AsOf);
        if (!options.HoldOut)
        {
            groups.AddRange(OutcomeGroups.Build(candidates, outcomes, test: true, options.Seed, options.AsOf));
        }

        if (groups.Count == 0)
        {
            throw new ArgumentException("The outcomes give no student with an applied call among their candidates; nothing to train on.", nameof(outcomes));
        }

        var rows = new List<RankingRow>();
        for (var g = 0; g < groups.Count; g++)
        {
            var group = groups[g];
            var features = new float[group.Candidates.Count * RankingFeatures.Count];
            RankingFeatures.Compute(group.Student, group.Candidates, features);
            for (var i = 0; i < group.Candidates.Count; i++)
            {
                rows.Add(new RankingRow { GroupId = (uint)(g + 1), Label = group.Labels[i], Features = features.AsSpan(i * RankingFeatures.Count, RankingFeatures.Count).ToArray() });
            }
        }

        var ml = new MLContext(options.Seed);
        var data = ml.Data.LoadFromEnumerable(rows);
        var trainer = ml.Ranking.Trainers.LightGbm(new LightGbmRankingTrainer.Options
        {
            LabelColumnName = nameof(RankingRow.Label),
            FeatureColumnName = nameof(RankingRow.Features),
            RowGroupColumnName = "Group",
            NumberOfIterations = options.Iterations,
            NumberOfLeaves = options.Leaves,
            LearningRate = options.LearningRate,
            MinimumExampleCountPerLeaf = 10,
            NumberOfThreads = 1,
            Seed = options.Seed,
            Verbose = false,
            Silent = true,
        });
        var pipeline = ml.Transforms.Conversion.MapValueToKey("Group", nameof(RankingRow.GroupId)).Append(trainer);
        var model = pipeline.Fit(data);
        ml.Model.Save(model, data.Schema, modelPath);
        File.WriteAllText(FeatureSpecFile.PathFor(modelPath), FeatureSpecFile.Current());
        return groups.Count;
    }
}

/// <summary>The feature-spec sidecar <c>MODEL.features.json</c>: which <see cref="RankingFeatures"/> version a model expects.</summary>
internal static class FeatureSpecFile
{
    public static string PathFor(string modelPath) => modelPath + ".features.json";

    public static string Current() => JsonSerializer.Serialize(new { version = RankingFeatures.Version, names = RankingFeatures.Names });

    /// <summary>Checks the sidecar when present; a mismatch is an error naming both versions.</summary>
    public static void Check(string modelPath)
    {
        var path = PathFor(modelPath);
        if (!File.Exists(path))
        {
            return;
        }

        using var doc = JsonDocument.Parse(File.ReadAllText(path));
        var version = doc.RootElement.TryGetProperty("version", out var v) ? v.GetString() : null;
        if (version != RankingFeatures.Version)
        {
            throw new InvalidDataException($"{modelPath}: the model was trained for features '{version}', this build computes '{RankingFeatures.Version}'.");
        }
    }
}

/// <summary>One training row for ML.NET.</summary>
internal sealed class RankingRow
{
    public uint GroupId { get; set; }

    public float Label { get; set; }

    [VectorType(25)]
    public float[] Features { get; set; } = [];
}
