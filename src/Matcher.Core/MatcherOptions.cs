using System.ComponentModel.DataAnnotations;
using Matcher.Scoring;
using Microsoft.Extensions.Options;

namespace Matcher;

/// <summary>Settings of the matching pipeline, bound from configuration section <c>Matcher</c>.</summary>
/// <remarks>
/// Options are read once when the pipeline is built; changing this object afterwards has no effect. Invalid settings
/// stop the application at start with a message naming the setting and its value.
/// </remarks>
public sealed class MatcherOptions
{
    /// <summary>A folder with a catalog (<c>catalog.json</c> and <c>scholarships/*.json</c>) to use instead of the built-in one.</summary>
    /// <value>The default is <see langword="null"/>: the catalog embedded in Matcher.Core.</value>
    public string? CatalogDirectory { get; set; }

    /// <summary>Weights of the score components.</summary>
    /// <value>The default is need 0.30, merit 0.20, fit 0.15, value 0.15, urgency 0.10, priority 0.10.</value>
    [Required]
    [ValidateObjectMembers]
    public ScoringWeights Weights { get; set; } = new();

    /// <summary>How many days before a call closes its urgency starts to rise.</summary>
    /// <value>The default is 60.</value>
    [Range(1, 365)]
    public int UrgencyHorizonDays { get; set; } = 60;

    /// <summary>IANA time zone that decides what "today" is when a request gives no date.</summary>
    /// <value>The default is <c>America/Lima</c>.</value>
    [Required]
    public string TimeZone { get; set; } = "America/Lima";
}
