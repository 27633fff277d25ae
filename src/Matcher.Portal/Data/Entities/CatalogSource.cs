namespace Matcher.Portal.Data.Entities;

/// <summary>
/// Where a provider publishes a call (a web page), several calls (a JSON/CSV feed) or nothing fetchable (manual upload),
/// with what the scheduler needs to check it politely: interval, pause, validators of the last fetch, the hash of the
/// last text and how the last checks went.
/// </summary>
public sealed class CatalogSource
{
    /// <summary>Id.</summary>
    public int Id { get; set; }

    /// <summary>The provider that owns the source (and the calls it may change).</summary>
    public int ProviderId { get; set; }

    /// <summary>The provider.</summary>
    public Provider? Provider { get; set; }

    /// <summary>For a web page or an upload: the call it is about.</summary>
    public string? CallId { get; set; }

    /// <summary><c>web</c>, <c>feed</c> or <c>manual</c>.</summary>
    public required string Kind { get; set; }

    /// <summary>The page or feed URL (none for manual sources).</summary>
    public string? Url { get; set; }

    /// <summary>Minutes between scheduled checks.</summary>
    public int IntervalMinutes { get; set; }

    /// <summary>Whether scheduled checks are paused (check-now still works).</summary>
    public bool Paused { get; set; }

    /// <summary>When it was last checked.</summary>
    public DateTimeOffset? LastCheckedAt { get; set; }

    /// <summary>When the scheduler checks it next.</summary>
    public DateTimeOffset? NextCheckAt { get; set; }

    /// <summary>The ETag of the last fetch.</summary>
    public string? ETag { get; set; }

    /// <summary>The Last-Modified of the last fetch.</summary>
    public DateTimeOffset? LastModified { get; set; }

    /// <summary>SHA-256 of the last normalized text.</summary>
    public string? LastContentHash { get; set; }

    /// <summary>The last check's outcome (<c>changed</c>, <c>unchanged</c>, <c>not-modified</c>, <c>failed</c>, ...), or <c>new</c>.</summary>
    public required string Status { get; set; }

    /// <summary>The last check's error, when it failed.</summary>
    public string? LastError { get; set; }

    /// <summary>Failed checks in a row.</summary>
    public int ConsecutiveFailures { get; set; }

    /// <summary>Who registered it.</summary>
    public required string CreatedBy { get; set; }

    /// <summary>When it was registered.</summary>
    public DateTimeOffset CreatedAt { get; set; }
}
