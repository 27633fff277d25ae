namespace Matcher.Eligibility;

/// <summary>Outcome of one criterion, three-valued.</summary>
public enum Verdict
{
    /// <summary>The known facts satisfy the criterion whatever the unknown ones are.</summary>
    Pass,

    /// <summary>The known facts violate the criterion whatever the unknown ones are.</summary>
    Fail,

    /// <summary>The outcome depends on facts that are not known.</summary>
    Unknown,
}
