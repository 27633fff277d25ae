using Matcher.Eligibility;
using Matcher.Scholarships;

namespace Matcher.Scoring;

/// <summary>One rubric item for one student.</summary>
/// <param name="GroupId">The item's group.</param>
/// <param name="Label">What the points are for.</param>
/// <param name="Points">Points the item gives.</param>
/// <param name="Verdict">Pass: earned; unknown: could be earned; fail: not earned.</param>
public sealed record PriorityPointsItem(string GroupId, LocalizedText Label, int Points, Verdict Verdict);
