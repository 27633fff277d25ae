namespace Matcher.Portal.Data.Entities;

/// <summary>A recorded outcome of one student's application to one call.</summary>
public sealed class Outcome
{
    /// <summary>Row id.</summary>
    public long Id { get; set; }

    /// <summary>The student.</summary>
    public Guid StudentId { get; set; }

    /// <summary>The scholarship.</summary>
    public required string ScholarshipId { get; set; }

    /// <summary>The outcome.</summary>
    public OutcomeStatus Status { get; set; }

    /// <summary>The day it happened.</summary>
    public DateOnly RecordedOn { get; set; }

    /// <summary>Who recorded it.</summary>
    public required string RecordedBy { get; set; }

    /// <summary>When it was recorded.</summary>
    public DateTimeOffset CreatedAt { get; set; }
}
