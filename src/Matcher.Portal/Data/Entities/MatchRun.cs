namespace Matcher.Portal.Data.Entities;

/// <summary>One stored matching of one or more registered students.</summary>
public sealed class MatchRun
{
    /// <summary>Row id.</summary>
    public Guid Id { get; set; }

    /// <summary>Who ran it.</summary>
    public required string CreatedBy { get; set; }

    /// <summary>When.</summary>
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>The date the rules were evaluated at.</summary>
    public DateOnly AsOf { get; set; }

    /// <summary>Catalog version used.</summary>
    public required string CatalogVersion { get; set; }

    /// <summary>Weight set version used, when a stored one was active.</summary>
    public int? WeightSetVersion { get; set; }

    /// <summary>The results.</summary>
    public List<MatchResult> Results { get; set; } = [];
}
