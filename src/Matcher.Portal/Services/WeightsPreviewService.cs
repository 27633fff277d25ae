using Matcher.Matching;
using Matcher.Portal.Catalog;
using Matcher.Scoring;
using Microsoft.Extensions.Options;

namespace Matcher.Portal.Services;

/// <summary>The six score weights being tuned, 0–100 each.</summary>
public sealed class WeightInput
{
    /// <summary>Weight of need.</summary>
    public double Need { get; set; }

    /// <summary>Weight of merit.</summary>
    public double Merit { get; set; }

    /// <summary>Weight of fit.</summary>
    public double Fit { get; set; }

    /// <summary>Weight of value.</summary>
    public double Value { get; set; }

    /// <summary>Weight of urgency.</summary>
    public double Urgency { get; set; }

    /// <summary>Weight of priority points.</summary>
    public double Priority { get; set; }

    /// <summary>The weights as the matcher takes them.</summary>
    public ScoringWeights ToWeights() => new() { Need = Need, Merit = Merit, Fit = Fit, Value = Value, Urgency = Urgency, Priority = Priority };

    /// <summary>
    /// Matcher weights as shares of 100. The score is a weighted mean, so scaling every weight by one factor ranks
    /// exactly the same; shares make the sliders comparable whatever scale a stored set used (0.30 or 30).
    /// </summary>
    public static WeightInput From(ScoringWeights weights)
    {
        ArgumentNullException.ThrowIfNull(weights);
        var total = weights.ToArray().Sum();
        var f = total > 0 ? 100 / total : 1;
        return new() { Need = weights.Need * f, Merit = weights.Merit * f, Fit = weights.Fit * f, Value = weights.Value * f, Urgency = weights.Urgency * f, Priority = weights.Priority * f };
    }

    /// <summary>The problem with these weights (the API's rules), or <see langword="null"/>.</summary>
    public string? Validate(bool english)
    {
        double[] values = [Need, Merit, Fit, Value, Urgency, Priority];
        if (values.Any(v => double.IsNaN(v) || v is < 0 or > 100))
        {
            return english ? "Each weight must be between 0 and 100." : "Cada peso debe estar entre 0 y 100.";
        }

        return values.All(v => v <= 0) ? (english ? "At least one weight must be positive." : "Al menos un peso debe ser positivo.") : null;
    }
}

/// <summary>How one student's ranking changes.</summary>
/// <param name="StudentId">The student's external id.</param>
/// <param name="Before">Scholarship ids in rank order with the active weights.</param>
/// <param name="After">In rank order with the new weights.</param>
/// <param name="Entering">Entering the top k.</param>
/// <param name="Leaving">Leaving the top k.</param>
/// <param name="KendallTau">Kendall's τ between the two rankings.</param>
/// <param name="Spearman">Spearman's ρ.</param>
public sealed record StudentRankChange(string StudentId, IReadOnlyList<string> Before, IReadOnlyList<string> After, IReadOnlyList<string> Entering, IReadOnlyList<string> Leaving, double KendallTau, double Spearman);

/// <summary>The preview over the sample cohort.</summary>
/// <param name="K">The k of top-k.</param>
/// <param name="Students">Each student's change.</param>
/// <param name="MeanKendallTau">Mean τ over the students.</param>
/// <param name="MeanSpearman">Mean ρ.</param>
/// <param name="ChangedTopK">Students whose top k changed.</param>
/// <param name="LearnedRankerActive">Whether a learned ranker is active (it ignores weights).</param>
public sealed record WeightsPreview(int K, IReadOnlyList<StudentRankChange> Students, double MeanKendallTau, double MeanSpearman, int ChangedTopK, bool LearnedRankerActive);

/// <summary>Ranks the demo cohort with the active weights and with new ones, and compares the rankings.</summary>
internal sealed class WeightsPreviewService(IScholarshipMatcher matcher, ActiveSettings settings, IOptions<MatcherOptions> options)
{
    /// <summary>The weights matching uses now.</summary>
    public ScoringWeights ActiveWeights => settings.Current.Weights ?? options.Value.Weights;

    public WeightsPreview Preview(IReadOnlyList<StoredStudent> cohort, ScoringWeights candidate, int k, DateOnly? asOf = null)
    {
        ArgumentNullException.ThrowIfNull(cohort);
        var active = ActiveWeights;
        var changes = cohort.Select(s =>
        {
            var before = Ranking(s, active, asOf);
            var after = Ranking(s, candidate, asOf);
            var (entering, leaving) = RankComparison.TopK(before, after, k);
            return new StudentRankChange(s.ExternalId, before, after, entering, leaving, RankComparison.KendallTau(before, after), RankComparison.Spearman(before, after));
        }).ToList();
        return new WeightsPreview(
            k,
            changes,
            changes.Count == 0 ? 1 : changes.Average(c => c.KendallTau),
            changes.Count == 0 ? 1 : changes.Average(c => c.Spearman),
            changes.Count(c => c.Entering.Count > 0 || c.Leaving.Count > 0),
            settings.Current.ModelVersion is not null);
    }

    private IReadOnlyList<string> Ranking(StoredStudent student, ScoringWeights weights, DateOnly? asOf) =>
        matcher.Match(student.Profile, new MatchRequest { Weights = weights, Explain = false, AsOf = asOf })
            .Matches.Where(m => m.Rank is not null).Select(m => m.ScholarshipId).ToList();
}
