using Matcher.Eligibility;
using Matcher.Scoring;

namespace Matcher.Matching;

/// <summary>One scholarship in a match report (CONTRACT §2).</summary>
public sealed record ScholarshipMatch
{
    /// <summary>The scholarship's id.</summary>
    public required string ScholarshipId { get; init; }

    /// <summary>The scholarship's name in the requested language.</summary>
    public required string Name { get; init; }

    /// <summary>Who awards it.</summary>
    public required string Provider { get; init; }

    /// <summary>Eligible, unknown or ineligible.</summary>
    public required EligibilityVerdict Verdict { get; init; }

    /// <summary>1-based rank among eligible and unknown matches; <see langword="null"/> for ineligible ones.</summary>
    public int? Rank { get; init; }

    /// <summary>Score, 0–1, comparable within one report.</summary>
    public required double Score { get; init; }

    /// <summary>Contribution of each score component.</summary>
    public required IReadOnlyDictionary<string, double> ScoreBreakdown { get; init; }

    /// <summary>The call's window and status.</summary>
    public required CallInfo Call { get; init; }

    /// <summary>One reason per criterion.</summary>
    public required IReadOnlyList<MatchReason> Reasons { get; init; }

    /// <summary>Fact paths whose absence made the verdict unknown.</summary>
    public required IReadOnlyList<string> Missing { get; init; }

    /// <summary>What the student can do next, in the requested language.</summary>
    public required IReadOnlyList<string> NextSteps { get; init; }

    /// <summary>Priority points earned, when the call has a rubric.</summary>
    public PriorityPointsResult? PriorityPoints { get; init; }

    /// <summary>Main source of the scholarship's facts.</summary>
    public required string SourceUrl { get; init; }
}
