namespace Matcher.Portal.Data.Entities;

/// <summary>
/// One scholarship call (a catalog entry): its working draft and its published version, both as catalog JSON
/// (docs/catalog.md). <see cref="Revision"/> is the optimistic-concurrency token: every change increments it, and a
/// write that names an older revision is refused.
/// </summary>
public sealed class ScholarshipCall
{
    /// <summary>Stable kebab-case id (CONTRACT §3).</summary>
    public required string Id { get; set; }

    /// <summary>The provider that owns the call.</summary>
    public int ProviderId { get; set; }

    /// <summary>The provider.</summary>
    public Provider? Provider { get; set; }

    /// <summary>The program (for example <c>beca18</c>).</summary>
    public int? ProgramId { get; set; }

    /// <summary>The program.</summary>
    public ScholarshipProgram? Program { get; set; }

    /// <summary>Lifecycle status.</summary>
    public CallStatus Status { get; set; }

    /// <summary>The working version (catalog JSON); equals <see cref="PublishedJson"/> when nothing is pending.</summary>
    public required string DraftJson { get; set; }

    /// <summary>The version in the published catalog, when it was ever published.</summary>
    public string? PublishedJson { get; set; }

    /// <summary>Concurrency token: incremented by every change.</summary>
    public int Revision { get; set; }

    /// <summary>Revision that was last published.</summary>
    public int? PublishedRevision { get; set; }

    /// <summary>Who created the call.</summary>
    public required string CreatedBy { get; set; }

    /// <summary>When it was created.</summary>
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Who changed it last.</summary>
    public required string UpdatedBy { get; set; }

    /// <summary>When it was changed last.</summary>
    public DateTimeOffset UpdatedAt { get; set; }
}
