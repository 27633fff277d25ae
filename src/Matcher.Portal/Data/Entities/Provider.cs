namespace Matcher.Portal.Data.Entities;

/// <summary>An organization that offers scholarships (PRONABEC, a university, a foreign government).</summary>
public sealed class Provider
{
    /// <summary>Row id.</summary>
    public int Id { get; set; }

    /// <summary>Name as written in the catalog's <c>provider</c> field.</summary>
    public required string Name { get; set; }
}
