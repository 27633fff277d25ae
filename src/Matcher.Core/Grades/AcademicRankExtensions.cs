namespace Matcher.Grades;

/// <summary>Ordering of <see cref="AcademicRank"/> bands.</summary>
public static class AcademicRankExtensions
{
    /// <summary>Whether <paramref name="rank"/> is <paramref name="bar"/> or better (first place is the best).</summary>
    /// <param name="rank">The student's rank.</param>
    /// <param name="bar">The rank required.</param>
    /// <returns><see langword="true"/> when the rank meets the bar.</returns>
    public static bool IsAtLeast(this AcademicRank rank, AcademicRank bar) => (int)rank <= (int)bar;

    /// <summary>
    /// A 0–1 strength for scoring: 1 for first place, falling by band. It orders the bands; it is not a percentile.
    /// </summary>
    /// <param name="rank">The rank.</param>
    /// <returns>The strength.</returns>
    public static double Strength(this AcademicRank rank) => rank switch
    {
        AcademicRank.FirstPlace => 1.0,
        AcademicRank.SecondPlace => 0.95,
        AcademicRank.TopTenth => 0.9,
        AcademicRank.TopFifth => 0.8,
        AcademicRank.TopThird => 0.65,
        AcademicRank.TopHalf => 0.45,
        _ => 0.2,
    };
}
