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
}
