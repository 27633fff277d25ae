using System.Text.Json;

namespace Matcher.Eligibility;

/// <summary>
/// One typed requirement of a scholarship call, serializable as JSON (<c>{"type": "age", "lessThan": 22}</c>; see
/// docs/catalog.md). Evaluation is three-valued and pure: the same student and dates always give the same outcome.
/// </summary>
/// <remarks>Criteria are immutable and thread-safe. Read and write them with <see cref="Serialization.CriterionJson"/>.</remarks>
public abstract record Criterion
{
    private protected Criterion()
    {
    }

    /// <summary>Id, unique within the scholarship; defaults to <see cref="Type"/>.</summary>
    public string? Id { get; init; }

    /// <summary>A note for maintainers.</summary>
    public string? Note { get; init; }

    /// <summary>Source URL of this requirement, when it differs from the scholarship's.</summary>
    public string? Source { get; init; }

    /// <summary>The JSON <c>type</c> of the criterion.</summary>
    public abstract string Type { get; }

    /// <summary>The id reported in reasons: <see cref="Id"/>, else <see cref="Type"/>.</summary>
    public string Key => Id ?? Type;

    /// <summary>Fact paths the criterion reads.</summary>
    public abstract IReadOnlyList<string> Facts { get; }

    /// <summary>Evaluates the criterion.</summary>
    /// <param name="context">The student and dates.</param>
    /// <returns>The outcome.</returns>
    public abstract CriterionOutcome Evaluate(EvaluationContext context);

    /// <summary>
    /// The verdict alone, without allocating: the fast path of the compiled catalog index. Must agree with
    /// <see cref="Evaluate"/> on every input (a property test checks it).
    /// </summary>
    internal abstract Verdict Decide(Students.StudentProfile student, DateOnly asOf, DateOnly referenceDate);

    internal abstract void WriteFields(Utf8JsonWriter writer);

    private protected CriterionOutcome Pass(string code, params (string Name, object? Value)[] values) =>
        Outcome(Verdict.Pass, code, [], values);

    private protected CriterionOutcome Fail(string code, params (string Name, object? Value)[] values) =>
        Outcome(Verdict.Fail, code, [], values);

    private protected CriterionOutcome Unknown(string code, IReadOnlyList<string> missing, params (string Name, object? Value)[] values) =>
        Outcome(Verdict.Unknown, code, missing, values);

    private protected CriterionOutcome Outcome(Verdict verdict, string code, IReadOnlyList<string> missing, (string Name, object? Value)[] values, IReadOnlyList<CriterionOutcome>? children = null)
    {
        var dict = new Dictionary<string, object?>(values.Length, StringComparer.Ordinal);
        foreach (var (name, value) in values)
        {
            dict[name] = value;
        }

        return new CriterionOutcome(Key, Type, verdict, code, dict, missing, children ?? []);
    }
}
