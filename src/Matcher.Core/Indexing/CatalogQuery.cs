using Matcher.Eligibility;

namespace Matcher.Indexing;

/// <summary>
/// The working memory of one query against a <see cref="CatalogIndex"/>, and its result: which scholarships fail and
/// which are unknown for the student. Reuse one per thread to match without allocating.
/// </summary>
/// <remarks>Not thread-safe: one query at a time.</remarks>
public sealed class CatalogQuery
{
    internal CatalogQuery(CatalogIndex index)
    {
        Index = index;
        Fails = new ulong[index.Words];
        Unknown = new ulong[index.Words];
        Scratch = new ulong[index.Words];
        Candidates = new int[index.Count];
        Bounds = new double[index.Count];
        RubricEarned = new int[index.RubricCount];
        RubricStamp = new int[index.RubricCount];
    }

    /// <summary>The index the query belongs to.</summary>
    public CatalogIndex Index { get; }

    internal ulong[] Fails { get; }

    internal ulong[] Unknown { get; }

    internal ulong[] Scratch { get; }

    internal int[] Candidates { get; }

    internal double[] Bounds { get; }

    internal int[] RubricEarned { get; }

    internal int[] RubricStamp { get; }

    internal int Stamp { get; set; }

    /// <summary>Number of scholarships the student cannot apply to.</summary>
    public int IneligibleCount => BitKernels.Count(Fails);

    /// <summary>Number of scholarships that depend on facts the student has not given.</summary>
    public int UnknownCount => BitKernels.CountAndNot(Unknown, Fails);

    /// <summary>Number of scholarships the student can apply to.</summary>
    public int EligibleCount => Index.Count - BitKernels.CountOr(Fails, Unknown);

    /// <summary>The verdict of the scholarship at <paramref name="index"/> (the position in <see cref="CatalogIndex.Scholarships"/>).</summary>
    /// <param name="index">The position.</param>
    /// <returns>The verdict.</returns>
    public EligibilityVerdict VerdictOf(int index) =>
        BitKernels.Get(Fails, index) ? EligibilityVerdict.Ineligible : BitKernels.Get(Unknown, index) ? EligibilityVerdict.Unknown : EligibilityVerdict.Eligible;
}
