namespace Matcher.Portal.Data.Entities;

/// <summary>One scholarship's verdict for one student in a run.</summary>
public sealed class MatchResult
{
    /// <summary>Row id.</summary>
    public long Id { get; set; }

    /// <summary>The run.</summary>
    public Guid RunId { get; set; }

    /// <summary>The student.</summary>
    public Guid StudentId { get; set; }

    /// <summary>The scholarship.</summary>
    public required string ScholarshipId { get; set; }

    /// <summary><c>eligible</c>, <c>unknown</c> or <c>ineligible</c>.</summary>
    public required string Verdict { get; set; }

    /// <summary>Rank among eligible and unknown.</summary>
    public int? Rank { get; set; }

    /// <summary>Score 0–1.</summary>
    public double Score { get; set; }

    /// <summary>Missing fact paths, separated by <c>|</c>.</summary>
    public string Missing { get; set; } = "";
}
