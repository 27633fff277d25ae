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

    /// <summary>Only these scholarships, when given.</summary>
    public IReadOnlyCollection<string>? ScholarshipIds { get; init; }
}
