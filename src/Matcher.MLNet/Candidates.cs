using Matcher.Catalog;
using Matcher.Eligibility;
using Matcher.Scoring;
using Matcher.Students;
using Microsoft.Extensions.DependencyInjection;

namespace Matcher.MLNet;

/// <summary>The candidates the pipeline would hand a ranker (eligible and unknown calls, scored), built from the registered matcher parts.</summary>
internal sealed class Candidates(IServiceProvider services)
{
    private readonly IEligibilityEvaluator _evaluator = services.GetRequiredService<IEligibilityEvaluator>();
    private readonly IScholarshipScorer _scorer = services.GetRequiredService<IScholarshipScorer>();

    public CatalogSnapshot Catalog { get; } = services.GetRequiredService<ICatalogProvider>().Current;

    public List<ScoredCandidate> For(StudentProfile student, DateOnly asOf, Func<string, bool>? include = null)
    {
        var result = new List<ScoredCandidate>();
        foreach (var s in Catalog.Scholarships)
        {
            if (include is not null && !include(s.Id))
            {
                continue;
            }

            var e = _evaluator.Evaluate(student, s, asOf);
            if (e.Verdict != EligibilityVerdict.Ineligible)
            {
                result.Add(_scorer.Score(student, s, e, asOf));
            }
        }

        return result;
    }

    /// <summary>A stable split that does not depend on the process (string.GetHashCode does): FNV-1a of the id and a seed.</summary>
    public static uint Hash(string id, int seed)
    {
        var h = 2166136261u ^ (uint)seed;
        foreach (var ch in id)
        {
            h = (h ^ ch) * 16777619u;
        }

        return h ^ (h >> 15);
    }
}
