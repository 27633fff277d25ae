namespace Matcher.Eligibility;

/// <summary>Outcome of all the criteria of a scholarship for one student.</summary>
public enum EligibilityVerdict
{
    /// <summary>Every criterion passes.</summary>
    Eligible,

    /// <summary>No criterion fails, and at least one depends on facts that are not known.</summary>
    Unknown,

    /// <summary>At least one criterion fails.</summary>
    Ineligible,
}
