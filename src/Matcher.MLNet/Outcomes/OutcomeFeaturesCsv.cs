using System.Globalization;
using Matcher.Ranking.Features;

namespace Matcher.MLNet.Outcomes;

/// <summary>
/// Exports the training split of an outcomes file as feature rows, <c>group,label,&lt;feature names&gt;</c>: the input of
/// tools/train_keras_ranker.py, so a model trained in Keras sees exactly the features the .NET rankers compute.
/// </summary>
public static class OutcomeFeaturesCsv
{
    /// <summary>Writes one row per (training student, candidate call).</summary>
    /// <param name="services">A provider with the matcher registered.</param>
    /// <param name="outcomes">The outcome rows.</param>
    /// <param name="writer">Where to write.</param>
    /// <param name="seed">Seed of the held-out split (as for training and evaluation).</param>
    /// <returns>Number of rows written.</returns>
    public static int Write(IServiceProvider services, IReadOnlyList<OutcomeRecord> outcomes, TextWriter writer, int seed = 2026)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(outcomes);
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteLine("group,label," + string.Join(',', RankingFeatures.Names));
        var rows = 0;
        var groups = OutcomeGroups.Build(new Candidates(services), outcomes, test: false, seed, asOf: null);
        var features = new float[RankingFeatures.Count];
        foreach (var g in groups)
        {
            for (var i = 0; i < g.Candidates.Count; i++)
            {
                RankingFeatures.Compute(g.Student, [g.Candidates[i]], features);
                writer.Write(g.Student.Id);
                writer.Write(',');
                writer.Write(g.Labels[i].ToString(CultureInfo.InvariantCulture));
                foreach (var f in features)
                {
                    writer.Write(',');
                    writer.Write(f.ToString("R", CultureInfo.InvariantCulture));
                }

                writer.WriteLine();
                rows++;
            }
        }

        return rows;
    }
}
