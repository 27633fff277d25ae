namespace Matcher.Portal.Services;

/// <summary>What the analyst map can colour the departments by.</summary>
public enum MapMeasure
{
    /// <summary>Share of students eligible for at least one Beca 18 modality.</summary>
    Beca18Share,

    /// <summary>Mean number of eligible calls per student.</summary>
    MeanEligibleCalls,

    /// <summary>Share of students with at least one verdict that depends on missing facts.</summary>
    UnknownShare,

    /// <summary>Students counted in the department.</summary>
    Students,
}

/// <summary>One department's counts for the analyst map; only counts, never a student's data.</summary>
/// <param name="Code">2-digit INEI department code.</param>
/// <param name="Name">The department's name.</param>
/// <param name="Students">Students living there.</param>
/// <param name="Beca18Eligible">Students eligible for at least one Beca 18 modality.</param>
/// <param name="EligibleCalls">Eligible (student, call) pairs, summed over the students.</param>
/// <param name="WithUnknown">Students with at least one unknown verdict (a call that depends on missing facts).</param>
public sealed record DepartmentFigures(string Code, string Name, int Students, int Beca18Eligible, int EligibleCalls, int WithUnknown)
{
    /// <summary>The figure for one measure; <see langword="null"/> for a department without students (no data).</summary>
    public double? Value(MapMeasure measure) => Students == 0 ? null : measure switch
    {
        MapMeasure.Beca18Share => (double)Beca18Eligible / Students,
        MapMeasure.MeanEligibleCalls => (double)EligibleCalls / Students,
        MapMeasure.UnknownShare => (double)WithUnknown / Students,
        MapMeasure.Students => Students,
        _ => throw new ArgumentOutOfRangeException(nameof(measure), measure, null),
    };
}
