using Matcher.Students;

namespace Matcher.Eligibility.Criteria;

/// <summary>Passes when one nested criterion passes; fails when every one fails; otherwise unknown.</summary>
public sealed record AnyOfCriterion : CompositeCriterion
{
    /// <summary>Creates the criterion.</summary>
    /// <param name="criteria">The nested criteria; at least one.</param>
    public AnyOfCriterion(IReadOnlyList<Criterion> criteria)
        : base(criteria)
    {
    }

    /// <inheritdoc />
    public override string Type => "anyOf";

    private protected override string CodePrefix => "any-of";

    private protected override Verdict Combine(IEnumerable<Verdict> verdicts) => Kleene.Or(verdicts);

    internal override Verdict Decide(StudentProfile student, DateOnly asOf, DateOnly referenceDate)
    {
        var result = Verdict.Fail;
        for (var i = 0; i < Criteria.Count; i++)
        {
            var v = Criteria[i].Decide(student, asOf, referenceDate);
            if (v == Verdict.Pass)
            {
                return Verdict.Pass;
            }

            if (v == Verdict.Unknown)
            {
                result = Verdict.Unknown;
            }
        }

        return result;
    }
}
