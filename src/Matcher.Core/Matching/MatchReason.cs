using Matcher.Eligibility;

namespace Matcher.Matching;

/// <summary>One criterion's outcome, explained in words.</summary>
/// <param name="Criterion">The criterion's id.</param>
/// <param name="Verdict">Pass, fail or unknown.</param>
/// <param name="Code">Stable reason code.</param>
/// <param name="Message">The explanation in the requested language.</param>
/// <param name="Values">The values compared.</param>
/// <param name="Details">Outcomes of nested criteria (for <c>anyOf</c>, <c>allOf</c>, <c>not</c>).</param>
public sealed record MatchReason(
    string Criterion,
    Verdict Verdict,
    string Code,
    string Message,
    IReadOnlyDictionary<string, object?> Values,
    IReadOnlyList<MatchReason> Details);
