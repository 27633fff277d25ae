namespace Matcher.Portal.Data.Entities;

/// <summary>A versioned setting of which at most one version is active (weight sets, ranker models).</summary>
public interface IVersioned
{
    /// <summary>Version number, 1-based, increasing.</summary>
    int Version { get; }

    /// <summary>Whether this version is the one in use.</summary>
    bool IsActive { get; set; }
}
