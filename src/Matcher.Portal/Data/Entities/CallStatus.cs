namespace Matcher.Portal.Data.Entities;

/// <summary>Lifecycle of a scholarship call in the host's catalog.</summary>
public enum CallStatus
{
    /// <summary>Being edited; not visible to students.</summary>
    Draft,

    /// <summary>In the published catalog.</summary>
    Published,

    /// <summary>Withdrawn from the catalog; kept for history.</summary>
    Archived,
}
