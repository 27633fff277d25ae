using Matcher.Scholarships;
using Matcher.Students;

namespace Matcher.Eligibility;

/// <summary>
/// The reference evaluator: evaluates each criterion in turn and combines them with Kleene conjunction. Simple by
/// design; faster evaluators must agree with it.
/// </summary>
internal sealed class CriteriaEligibilityEvaluator : IEligibilityEvaluator
{
    private readonly IEligibilityRule[] _rules;

    public CriteriaEligibilityEvaluator(IEnumerable<IEligibilityRule> rules) => _rules = rules.ToArray();

    /// <summary>Whether extra rules are registered (the compiled index only knows the catalog's criteria).</summary>
    public bool HasRules => _rules.Length > 0;

    public EligibilityResult Evaluate(StudentProfile student, Scholarship scholarship, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(student);
        ArgumentNullException.ThrowIfNull(scholarship);
        var context = new EvaluationContext(student, asOf, scholarship.Call.AgeReferenceDate ?? asOf);
        var outcomes = new List<CriterionOutcome>(scholarship.Criteria.Count + _rules.Length);
        foreach (var criterion in scholarship.Criteria)
        {
            outcomes.Add(criterion.Evaluate(context));
        }

        foreach (var rule in _rules)
        {
            if (rule.Evaluate(scholarship, context) is { } outcome)
            {
                outcomes.Add(outcome);
            }
        }

        var verdict = Kleene.ToEligibility(Kleene.And(outcomes.Select(o => o.Verdict)));
        IReadOnlyList<string> missing = verdict == EligibilityVerdict.Unknown
            ? FactPaths.Canonical(outcomes.Where(o => o.Verdict == Verdict.Unknown).SelectMany(o => o.Missing))
            : [];
        return new EligibilityResult(scholarship.Id, verdict, outcomes, missing);
    }
}
