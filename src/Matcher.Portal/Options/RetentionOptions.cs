using System.ComponentModel.DataAnnotations;

namespace Matcher.Portal.Options;

/// <summary>
/// How long the host keeps personal data (section <c>Portal:Retention</c>); <see cref="Matcher.Portal.Retention.RetentionService"/>
/// deletes what is older and writes the counts to the audit log.
/// </summary>
public sealed class RetentionOptions
{
    /// <summary>
    /// Days a registered student is kept after the last change to the record (registration, rectification or withdrawal
    /// of consent); the student's match results and outcomes go with it. Demo students are never purged.
    /// </summary>
    /// <value>The default is 730 days (two application cycles).</value>
    [Range(1, 36_500)]
    public int StudentDays { get; set; } = 730;

    /// <summary>Days a stored match run (and its results) is kept.</summary>
    /// <value>The default is 365 days.</value>
    [Range(1, 36_500)]
    public int MatchRunDays { get; set; } = 365;

    /// <summary>How often each replica looks for expired data.</summary>
    /// <value>The default is one hour.</value>
    [Range(typeof(TimeSpan), "00:00:01", "7.00:00:00")]
    public TimeSpan Interval { get; set; } = TimeSpan.FromHours(1);
}
