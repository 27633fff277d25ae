namespace Matcher.Portal.Data.Entities;

/// <summary>A program of a provider (for example Beca 18); each year's calls belong to it.</summary>
public sealed class ScholarshipProgram
{
    /// <summary>Row id.</summary>
    public int Id { get; set; }

    /// <summary>Program code as written in the catalog's <c>program</c> field.</summary>
    public required string Code { get; set; }

    /// <summary>The provider.</summary>
    public int ProviderId { get; set; }

    /// <summary>The provider.</summary>
    public Provider? Provider { get; set; }
}
