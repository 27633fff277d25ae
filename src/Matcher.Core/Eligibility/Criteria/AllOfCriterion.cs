using Matcher.Students;

namespace Matcher.Eligibility.Criteria;

/// <summary>Passes when every nested criterion passes; fails when one fails; otherwise unknown.</summary>
public sealed record AllOfCriterion : CompositeCriterion
{
    /// <summary>Creates the criterion.</summary>
    /// <param name="criteria">The nested criteria; at least one.</param>
    public AllOfCriterion(IReadOnlyList<Criterion> criteria)
        : base(criteria)
    {
    }

    /// <inheritdoc />
    public override string Type => "allOf";

    private protected override string CodePrefix => "all-of";

    private protected override Verdict Combine(IEnumerable<Verdict> verdicts) => Kleene.And(verdicts);

    internal override Verdict Decide(StudentProfile student, DateOnly asOf, DateOnly referenceDate)
    {
        var result = Verdict.Pass;
        for (var i = 0; i < Criteria.Count; i++)
        {
            var v = Criteria[i].Decide(student, asOf, referenceDate);
            if (v == Verdict.Fail)
            {
                return Verdict.Fail;
            }

            if (v == Verdict.Unknown)
            {
                result = Verdict.Unknown;
            }
        }

        return result;
    }
}
