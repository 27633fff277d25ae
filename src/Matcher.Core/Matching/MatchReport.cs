namespace Matcher.Matching;

/// <summary>Everything one student can apply to, might apply to, and (on request) cannot, with reasons (CONTRACT §2).</summary>
/// <param name="StudentId">The student's id.</param>
/// <param name="AsOf">The date the rules were evaluated at.</param>
/// <param name="CatalogVersion">The catalog version used.</param>
/// <param name="Language">Language of the messages (<c>es</c> or <c>en</c>).</param>
/// <param name="Matches">Eligible and unknown matches in rank order, then ineligible ones when requested.</param>
public sealed record MatchReport(string StudentId, DateOnly AsOf, string CatalogVersion, string Language, IReadOnlyList<ScholarshipMatch> Matches);
