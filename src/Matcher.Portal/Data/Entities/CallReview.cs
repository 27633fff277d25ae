namespace Matcher.Portal.Data.Entities;

/// <summary>
/// A draft revision of a call made from a source, waiting for a person: the draft, its field-by-field diff against the
/// published version and the source text it came from. Approving publishes it through the catalog editor; rejecting
/// keeps it here, with who decided and why.
/// </summary>
public sealed class CallReview
{
    /// <summary>Id.</summary>
    public int Id { get; set; }

    /// <summary>The source it came from (none for a deleted source).</summary>
    public int? SourceId { get; set; }

    /// <summary>The call.</summary>
    public required string CallId { get; set; }

    /// <summary>The call's provider (for access checks).</summary>
    public int ProviderId { get; set; }

    /// <summary><c>pending</c>, <c>approved</c>, <c>rejected</c> or <c>superseded</c> (a newer check replaced it).</summary>
    public required string Status { get; set; }

    /// <summary>The call's revision that holds this draft; approving needs the call to be still at it.</summary>
    public int? DraftRevision { get; set; }

    /// <summary>The published revision the diff is against.</summary>
    public int? BaseRevision { get; set; }

    /// <summary>The proposed entry (catalog JSON).</summary>
    public required string DraftJson { get; set; }

    /// <summary>The changes, as a JSON array of <c>{path, kind, before, after}</c>.</summary>
    public required string ChangesJson { get; set; }

    /// <summary>The source text it was made from.</summary>
    public required string SourceText { get; set; }

    /// <summary>What the parser could not settle (JSON array of strings).</summary>
    public required string IssuesJson { get; set; }

    /// <summary>When it was created.</summary>
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Who approved or rejected it.</summary>
    public string? DecidedBy { get; set; }

    /// <summary>When.</summary>
    public DateTimeOffset? DecidedAt { get; set; }

    /// <summary>The reviewer's comment.</summary>
    public string? Comment { get; set; }
}
