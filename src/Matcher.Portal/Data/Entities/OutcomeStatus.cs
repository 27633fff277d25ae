namespace Matcher.Portal.Data.Entities;

/// <summary>What happened after a match: the labels learned rankers train on.</summary>
public enum OutcomeStatus
{
    /// <summary>The student applied.</summary>
    Applied,

    /// <summary>The student passed a stage of the selection.</summary>
    Shortlisted,

    /// <summary>The scholarship was awarded.</summary>
    Awarded,

    /// <summary>The application was rejected.</summary>
    Rejected,
}
