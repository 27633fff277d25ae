using Matcher.Eligibility;
using Matcher.Geography;
using Matcher.MLNet.Outcomes;
using Matcher.Ranking;
using Matcher.Students;

namespace Matcher.MLNet.Evaluation;

/// <summary>Offline evaluation of a ranker on the held-out calls and students of an outcomes file.</summary>
public static class RankingEvaluator
{
    /// <summary>Groups smaller than this are reported but never chosen as the worst.</summary>
    public const int MinimumGroupSize = 20;

    /// <summary>Evaluates.</summary>
    /// <param name="services">A provider with the matcher registered (catalog, evaluator, scorer).</param>
    /// <param name="outcomes">The outcome rows.</param>
    /// <param name="ranker">The ranker to evaluate.</param>
    /// <param name="seed">Seed of the held-out split; the one the model was trained with.</param>
    /// <param name="asOf">Date candidates are computed at; each student's earliest <c>recordedOn</c> when <see langword="null"/>.</param>
    /// <returns>Metrics and fairness.</returns>
    public static EvaluationReport Evaluate(IServiceProvider services, IReadOnlyList<OutcomeRecord> outcomes, IScholarshipRanker ranker, int seed = 2026, DateOnly? asOf = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(outcomes);
        ArgumentNullException.ThrowIfNull(ranker);
        var candidates = new Candidates(services);
        var groups = OutcomeGroups.Build(candidates, outcomes, test: true, seed, asOf);
        if (groups.Count == 0)
        {
            throw new ArgumentException("No held-out student has an applied held-out call; the file is too small to evaluate.", nameof(outcomes));
        }

        double ndcg5 = 0, ndcg10 = 0, map = 0, recall = 0;
        var shown = new HashSet<string>(StringComparer.Ordinal);
        var all = new HashSet<string>(StringComparer.Ordinal);
        var perStudent = new List<(StudentProfile Student, double Exposure, double Eligible)>();
        foreach (var g in groups)
        {
            var order = ranker.Rank(g.Student, g.Candidates);
            var label = g.Candidates.Select((c, i) => (c.Scholarship.Id, g.Labels[i])).ToDictionary(x => x.Id, x => x.Item2, StringComparer.Ordinal);
            var rels = order.Select(r => label[r.Candidate.Scholarship.Id]).ToArray();
            ndcg5 += Ndcg(rels, 5);
            ndcg10 += Ndcg(rels, 10);
            map += AveragePrecision(rels);
            var relevant = rels.Count(r => r > 0);
            recall += (double)rels.Take(10).Count(r => r > 0) / relevant;
            foreach (var c in g.Candidates)
            {
                all.Add(c.Scholarship.Id);
            }

            foreach (var r in order.Take(10))
            {
                shown.Add(r.Candidate.Scholarship.Id);
            }

            var exposure = rels.Take(10).Select((r, k) => r > 0 ? 1 / Math.Log2(k + 2) : 0).Sum();
            var top5 = order.Take(5).ToArray();
            var eligible = top5.Length == 0 ? 0 : (double)top5.Count(r => r.Candidate.Eligibility.Verdict == EligibilityVerdict.Eligible) / top5.Length;
            perStudent.Add((g.Student, exposure, eligible));
        }

        var n = groups.Count;
        var fairness = Fairness(perStudent);
        return new EvaluationReport
        {
            Queries = n,
            Ndcg5 = ndcg5 / n,
            Ndcg10 = ndcg10 / n,
            MeanAveragePrecision = map / n,
            Recall10 = recall / n,
            CatalogCoverage = all.Count == 0 ? 0 : (double)shown.Count / all.Count,
            Fairness = fairness,
            Worst = fairness.Where(f => f.Students >= MinimumGroupSize).OrderBy(f => f.WorstRatio).FirstOrDefault(),
        };
    }

    internal static double Ndcg(int[] rels, int k)
    {
        static double Dcg(IEnumerable<int> r, int k) => r.Take(k).Select((v, i) => (Math.Pow(2, v) - 1) / Math.Log2(i + 2)).Sum();
        var ideal = Dcg(rels.OrderByDescending(r => r), k);
        return ideal == 0 ? 0 : Dcg(rels, k) / ideal;
    }

    internal static double AveragePrecision(int[] rels)
    {
        double hits = 0, sum = 0;
        for (var i = 0; i < rels.Length; i++)
        {
            if (rels[i] > 0)
            {
                hits++;
                sum += hits / (i + 1);
            }
        }

        return hits == 0 ? 0 : sum / hits;
    }

    private static List<FairnessRow> Fairness(List<(StudentProfile Student, double Exposure, double Eligible)> rows)
    {
        var totalExposure = rows.Sum(r => r.Exposure);
        var meanExposure = totalExposure / rows.Count;
        var meanEligible = rows.Average(r => r.Eligible);
        var attributes = new (string Name, Func<StudentProfile, string> Of)[]
        {
            ("department", s => s.ResidenceUbigeo is { } u ? UbigeoDirectory.Default.Find(u)?.Department ?? "unknown" : "unknown"),
            ("nativeLanguage", s => s.NativeLanguages is null ? "unknown" : s.NativeLanguages.Count == 0 ? "none" : s.NativeLanguages[0]),
            ("gender", s => s.Gender?.ToString().ToLowerInvariant() ?? "unknown"),
            ("schoolManagement", s => s.BasicEducation?.SchoolManagement?.ToString().ToLowerInvariant() ?? "unknown"),
        };
        var result = new List<FairnessRow>();
        foreach (var (name, of) in attributes)
        {
            foreach (var g in rows.GroupBy(r => of(r.Student), StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                var exposure = g.Sum(r => r.Exposure);
                var eligible = g.Average(r => r.Eligible);
                result.Add(new FairnessRow(
                    name,
                    g.Key,
                    g.Count(),
                    totalExposure == 0 ? 0 : exposure / totalExposure,
                    (double)g.Count() / rows.Count,
                    meanExposure == 0 ? 1 : exposure / g.Count() / meanExposure,
                    eligible,
                    meanEligible == 0 ? 1 : eligible / meanEligible));
            }
        }

        return result;
    }
}
