using System.Text.Json;

namespace Matcher.Eligibility.Criteria;

/// <summary>A criterion combining nested criteria with Kleene logic.</summary>
public abstract record CompositeCriterion : Criterion
{
    private protected CompositeCriterion(IReadOnlyList<Criterion> criteria)
    {
        ArgumentNullException.ThrowIfNull(criteria);
        if (criteria.Count == 0)
        {
            throw new ArgumentException("Give at least one nested criterion.", nameof(criteria));
        }

        Criteria = criteria;
    }

    /// <summary>The nested criteria.</summary>
    public IReadOnlyList<Criterion> Criteria { get; }

    /// <inheritdoc />
    public override IReadOnlyList<string> Facts => Criteria.SelectMany(c => c.Facts).Distinct(StringComparer.Ordinal).ToArray();

    private protected abstract string CodePrefix { get; }

    private protected abstract Verdict Combine(IEnumerable<Verdict> verdicts);

    /// <inheritdoc />
    public override CriterionOutcome Evaluate(EvaluationContext context)
    {
        var children = new CriterionOutcome[Criteria.Count];
        for (var i = 0; i < children.Length; i++)
        {
            children[i] = Criteria[i].Evaluate(context);
        }

        var verdict = Combine(children.Select(c => c.Verdict));
        var code = CodePrefix + verdict switch
        {
            Verdict.Pass => ".met",
            Verdict.Fail => ".not-met",
            _ => ".unknown",
        };
        IReadOnlyList<string> missing = verdict == Verdict.Unknown
            ? Students.FactPaths.Canonical(children.Where(c => c.Verdict == Verdict.Unknown).SelectMany(c => c.Missing))
            : [];
        return Outcome(verdict, code, missing, [], children);
    }

    internal override void WriteFields(Utf8JsonWriter writer)
    {
        writer.WriteStartArray("criteria");
        foreach (var c in Criteria)
        {
            Serialization.CriterionJson.Write(writer, c);
        }

        writer.WriteEndArray();
    }
}
