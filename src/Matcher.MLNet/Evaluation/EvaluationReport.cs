namespace Matcher.MLNet.Evaluation;

/// <summary>Ranking quality and fairness of one ranker on held-out calls (docs/learned-rankers.md).</summary>
public sealed record EvaluationReport
{
    /// <summary>Number of queries (test students with at least one applied held-out call).</summary>
    public required int Queries { get; init; }

    /// <summary>Mean NDCG@5 (gain 2^rel − 1, log2 discount).</summary>
    public required double Ndcg5 { get; init; }

    /// <summary>Mean NDCG@10.</summary>
    public required double Ndcg10 { get; init; }

    /// <summary>Mean average precision (relevant = applied to).</summary>
    public required double MeanAveragePrecision { get; init; }

    /// <summary>Mean share of a student's relevant calls found in the top 10.</summary>
    public required double Recall10 { get; init; }

    /// <summary>Share of the held-out calls that appear in at least one top 10.</summary>
    public required double CatalogCoverage { get; init; }

    /// <summary>Exposure and eligible-rate ratios per group of each protected attribute.</summary>
    public required IReadOnlyList<FairnessRow> Fairness { get; init; }

    /// <summary>The row with the lowest ratio (exposure or eligible rate) among groups of at least the minimum size.</summary>
    public FairnessRow? Worst { get; init; }
}

/// <summary>One group of one attribute.</summary>
/// <param name="Attribute">department, nativeLanguage, gender or schoolManagement.</param>
/// <param name="Group">The group's value ("unknown" when absent).</param>
/// <param name="Students">Queries in the group.</param>
/// <param name="ExposureShare">The group's share of all relevant exposure (position-discounted relevant calls in the top 10).</param>
/// <param name="PopulationShare">The group's share of queries.</param>
/// <param name="ExposureRatio">Mean relevant exposure of the group ÷ mean over everyone (1 = parity).</param>
/// <param name="EligibleRate">Mean share of eligible (not unknown) calls in the group's top 5.</param>
/// <param name="EligibleRateRatio">The group's eligible rate ÷ everyone's.</param>
public sealed record FairnessRow(string Attribute, string Group, int Students, double ExposureShare, double PopulationShare, double ExposureRatio, double EligibleRate, double EligibleRateRatio)
{
    /// <summary>The smaller of the two ratios.</summary>
    public double WorstRatio => Math.Min(ExposureRatio, EligibleRateRatio);
}
