namespace Matcher.Grades;

/// <summary>
/// Position in the class's order of merit, as printed on the official certificate. Declared best first;
/// use <see cref="AcademicRankExtensions.IsAtLeast"/> to compare.
/// </summary>
public enum AcademicRank
{
    /// <summary>Primer puesto.</summary>
    FirstPlace,

    /// <summary>Segundo puesto.</summary>
    SecondPlace,

    /// <summary>Décimo superior (top 10 %).</summary>
    TopTenth,

    /// <summary>Quinto superior (top 20 %).</summary>
    TopFifth,

    /// <summary>Tercio superior (top third).</summary>
    TopThird,

    /// <summary>Medio superior (top half).</summary>
    TopHalf,

    /// <summary>Below the top half.</summary>
    BelowHalf,
}
