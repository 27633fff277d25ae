namespace Matcher.Matching;

/// <summary>Options of one match.</summary>
public sealed record MatchRequest
{
    /// <summary>The date the rules are evaluated at; today in Lima when <see langword="null"/>.</summary>
    public DateOnly? AsOf { get; init; }

    /// <summary>At most this many eligible and unknown matches; all when <see langword="null"/>.</summary>
    public int? Top { get; init; }

    /// <summary>Whether ineligible scholarships follow, with their failing reasons.</summary>
    public bool IncludeIneligible { get; init; }

    /// <summary>Language of messages: <c>es</c> (default) or <c>en</c>.</summary>
    public string? Language { get; init; }

    /// <summary>
    /// Whether reasons and next steps are rendered. Cohort runs that only need verdicts, ranks, scores and missing
    /// facts turn this off: the reports keep their shape, with empty <c>reasons</c> and <c>nextSteps</c>.
    /// </summary>
    /// <value>The default is <see langword="true"/>.</value>
    public bool Explain { get; init; } = true;

    /// <summary>Only these scholarships, when given.</summary>
    public IReadOnlyCollection<string>? ScholarshipIds { get; init; }

    /// <summary>
    /// Weights of the score components for this match instead of the configured ones (a host's active weight set, or a
    /// preview of a new one). Read by the weighted ranker; a learned ranker ignores them.
    /// </summary>
    /// <value>The default is <see langword="null"/>: <see cref="MatcherOptions.Weights"/>.</value>
    /// <remarks>Each weight must be between 0 and 100 and at least one must be positive.</remarks>
    public Scoring.ScoringWeights? Weights { get; init; }
}
