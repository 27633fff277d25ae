using System.ComponentModel.DataAnnotations;

namespace Matcher.Portal.Sources;

/// <summary>How the host checks catalog sources (section <c>Portal:Sources</c>); fetching limits are in <c>Ingestion</c>.</summary>
public sealed class SourceSchedulerOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Portal:Sources";

    /// <summary>Whether the scheduler runs on this replica.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How often the scheduler looks for due sources.</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "01:00:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Sources checked at the same time.</summary>
    [Range(1, 64)]
    public int MaxConcurrentChecks { get; set; } = 4;

    /// <summary>Minutes between checks of a new source when none is given.</summary>
    [Range(1, 525600)]
    public int DefaultIntervalMinutes { get; set; } = 1440;

    /// <summary>The shortest interval a source may ask for.</summary>
    [Range(1, 525600)]
    public int MinIntervalMinutes { get; set; } = 15;
}
