namespace Matcher.Eligibility;

/// <summary>
/// The result of evaluating one criterion for one student: the verdict, a stable reason code, the values compared,
/// the facts whose absence made it unknown, and the outcomes of nested criteria.
/// </summary>
/// <param name="CriterionId">The criterion's id (its type when it has none).</param>
/// <param name="CriterionType">The criterion's type, e.g. <c>age</c>.</param>
/// <param name="Verdict">Pass, fail or unknown.</param>
/// <param name="Code">Stable reason code, e.g. <c>age.over-limit</c>; explanations are rendered from it.</param>
/// <param name="Values">The values compared (the student's and the requirement's), by name.</param>
/// <param name="Missing">Fact paths (CONTRACT §1) whose absence made the verdict unknown; empty otherwise.</param>
/// <param name="Children">Outcomes of nested criteria (<c>allOf</c>, <c>anyOf</c>, <c>not</c>).</param>
public sealed record CriterionOutcome(
    string CriterionId,
    string CriterionType,
    Verdict Verdict,
    string Code,
    IReadOnlyDictionary<string, object?> Values,
    IReadOnlyList<string> Missing,
    IReadOnlyList<CriterionOutcome> Children);
