namespace Matcher.Portal.Data.Entities;

/// <summary>A versioned learned-ranker model file; at most one is active.</summary>
public sealed class RankerModel : IVersioned
{
    /// <summary>Row id.</summary>
    public int Id { get; set; }

    /// <summary>Version number, 1-based, increasing.</summary>
    public int Version { get; set; }

    /// <summary>Kind: <c>lightgbm</c> or <c>keras</c>.</summary>
    public required string Kind { get; set; }

    /// <summary>What this model is.</summary>
    public required string Name { get; set; }

    /// <summary>The model file.</summary>
    public required byte[] Content { get; set; }

    /// <summary>SHA-256 of <see cref="Content"/>, hex.</summary>
    public required string Sha256 { get; set; }

    /// <summary>Whether ranking uses this model.</summary>
    public bool IsActive { get; set; }

    /// <summary>Who uploaded it.</summary>
    public required string CreatedBy { get; set; }

    /// <summary>When.</summary>
    public DateTimeOffset CreatedAt { get; set; }
}
