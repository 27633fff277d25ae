namespace Matcher.Portal.Data.Entities;

/// <summary>
/// The single row that says which catalog is published. Every publish or archive increments <see cref="Revision"/>;
/// replicas poll it and reload their snapshot when it changes.
/// </summary>
public sealed class CatalogState
{
    /// <summary>Always 1.</summary>
    public int Id { get; set; }

    /// <summary>Version of the seeded catalog (from <c>catalog.json</c>).</summary>
    public required string BaseVersion { get; set; }

    /// <summary>Publication counter; 0 right after seeding.</summary>
    public int Revision { get; set; }

    /// <summary>When the catalog was last published.</summary>
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>The version reported in match reports: the base version, then <c>-r{revision}</c> after the first change.</summary>
    public string Label => Revision == 0 ? BaseVersion : $"{BaseVersion}-r{Revision}";
}
