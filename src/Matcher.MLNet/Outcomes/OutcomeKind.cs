namespace Matcher.MLNet.Outcomes;

/// <summary>What happened when a student applied to a call (docs/outcomes.md).</summary>
public enum OutcomeKind
{
    /// <summary>Applied; no decision recorded yet.</summary>
    Applied,

    /// <summary>Passed to a later stage (pre-selected, shortlisted).</summary>
    Shortlisted,

    /// <summary>Won the scholarship.</summary>
    Awarded,

    /// <summary>Not selected.</summary>
    Rejected,
}
