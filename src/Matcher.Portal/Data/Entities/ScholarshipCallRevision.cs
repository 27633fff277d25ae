namespace Matcher.Portal.Data.Entities;

/// <summary>An immutable copy of a call at one revision: the history of every change and publication.</summary>
public sealed class ScholarshipCallRevision
{
    /// <summary>Row id.</summary>
    public long Id { get; set; }

    /// <summary>The call.</summary>
    public required string CallId { get; set; }

    /// <summary>Revision number of the call.</summary>
    public int Revision { get; set; }

    /// <summary>What happened: created, edited, published, archived.</summary>
    public required string Action { get; set; }

    /// <summary>The catalog JSON at that revision.</summary>
    public required string Json { get; set; }

    /// <summary>Who made it.</summary>
    public required string CreatedBy { get; set; }

    /// <summary>When.</summary>
    public DateTimeOffset CreatedAt { get; set; }
}
