namespace Matcher.Portal.Data.Entities;

/// <summary>A versioned set of ranking weights; at most one is active.</summary>
public sealed class WeightSet : IVersioned
{
    /// <summary>Row id.</summary>
    public int Id { get; set; }

    /// <summary>Version number, 1-based, increasing.</summary>
    public int Version { get; set; }

    /// <summary>What this set is for.</summary>
    public required string Name { get; set; }

    /// <summary>Weight of need.</summary>
    public double Need { get; set; }

    /// <summary>Weight of merit.</summary>
    public double Merit { get; set; }

    /// <summary>Weight of fit.</summary>
    public double Fit { get; set; }

    /// <summary>Weight of value.</summary>
    public double Value { get; set; }

    /// <summary>Weight of urgency.</summary>
    public double Urgency { get; set; }

    /// <summary>Weight of priority points.</summary>
    public double Priority { get; set; }

    /// <summary>Whether matching uses this set.</summary>
    public bool IsActive { get; set; }

    /// <summary>Who created it.</summary>
    public required string CreatedBy { get; set; }

    /// <summary>When.</summary>
    public DateTimeOffset CreatedAt { get; set; }
}
