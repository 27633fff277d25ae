namespace Matcher.Portal.Data.Entities;

/// <summary>One check of a source, kept as its history.</summary>
public sealed class SourceCheck
{
    /// <summary>Id.</summary>
    public long Id { get; set; }

    /// <summary>The source.</summary>
    public int SourceId { get; set; }

    /// <summary>When it ran.</summary>
    public DateTimeOffset CheckedAt { get; set; }

    /// <summary>Who asked: <c>scheduler</c>, or the user who clicked check-now or uploaded text.</summary>
    public required string TriggeredBy { get; set; }

    /// <summary>The outcome (see <see cref="CatalogSource.Status"/>).</summary>
    public required string Outcome { get; set; }

    /// <summary>The last HTTP status, when a server answered.</summary>
    public int? HttpStatus { get; set; }

    /// <summary>The hash of the normalized text, when text was read.</summary>
    public string? ContentHash { get; set; }

    /// <summary>Why it failed.</summary>
    public string? Error { get; set; }

    /// <summary>Reviews it created.</summary>
    public int ReviewsCreated { get; set; }

    /// <summary>How long it took, in milliseconds.</summary>
    public int DurationMs { get; set; }
}
