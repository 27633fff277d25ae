namespace Matcher.Portal.Data.Entities;

/// <summary>An append-only record of a change: who, what, when. Never holds student data, only ids.</summary>
public sealed class AuditEntry
{
    /// <summary>Row id.</summary>
    public long Id { get; set; }

    /// <summary>When.</summary>
    public DateTimeOffset At { get; set; }

    /// <summary>User name, or <c>apikey:{name}</c>, or <c>system</c>.</summary>
    public required string Actor { get; set; }

    /// <summary>What was done, e.g. <c>call.publish</c>.</summary>
    public required string Action { get; set; }

    /// <summary>Kind of the thing changed.</summary>
    public required string EntityType { get; set; }

    /// <summary>Its id.</summary>
    public required string EntityId { get; set; }

    /// <summary>A short, non-personal detail (a revision, a version).</summary>
    public string? Detail { get; set; }
}
