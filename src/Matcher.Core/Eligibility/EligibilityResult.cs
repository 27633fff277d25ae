namespace Matcher.Eligibility;

/// <summary>The verdict of one scholarship for one student, with the outcome of each criterion.</summary>
/// <param name="ScholarshipId">The scholarship.</param>
/// <param name="Verdict">Eligible, ineligible or unknown.</param>
/// <param name="Outcomes">Outcomes of the scholarship's criteria and of the registered rules, in order.</param>
/// <param name="Missing">When unknown: the fact paths whose absence made it so (distinct, in the order of <see cref="Students.FactPaths.All"/>).</param>
public sealed record EligibilityResult(
    string ScholarshipId,
    EligibilityVerdict Verdict,
    IReadOnlyList<CriterionOutcome> Outcomes,
    IReadOnlyList<string> Missing);
