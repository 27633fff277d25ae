using Matcher.Eligibility;

namespace Matcher.Scholarships;

/// <summary>Points given when a condition holds.</summary>
/// <param name="When">The condition, as a criterion.</param>
/// <param name="Points">Points given.</param>
/// <param name="Label">What the points are for.</param>
public sealed record PriorityItem(Criterion When, int Points, LocalizedText Label);
