using Matcher.Students;

namespace Matcher.Indexing.Columns;

/// <summary>
/// One kind of criterion compiled over all the scholarships that have it. Given a student, a column adds to the
/// "fails" bitset the scholarships whose criterion of this kind fails, and to the "unknown" bitset those whose criterion
/// is unknown. Because a scholarship's verdict is the Kleene conjunction of its criteria, ORing every column's
/// contributions gives the verdicts of all scholarships at once: ineligible where "fails" is set, unknown where only
/// "unknown" is set, eligible elsewhere.
/// </summary>
/// <remarks>
/// Immutable after build; <see cref="Apply"/> allocates nothing and is safe to call from many threads. Every bitset of a
/// column is a subset of its members, so the work of a query is bounded by the runs of words that hold members:
/// the index places scholarships with the same criteria next to each other to keep those runs few and dense.
/// </remarks>
internal abstract class IndexColumn
{
    /// <summary>Short name for diagnostics.</summary>
    public abstract string Name { get; }

    /// <summary>Number of scholarships compiled into the column.</summary>
    public abstract int MemberCount { get; }

    /// <summary>Runs of words the column's work touches, and how many words they hold (diagnostics).</summary>
    public virtual (int Runs, int Words) Extent => (0, 0);

    /// <summary>Bytes held by the column's bitsets.</summary>
    public abstract long Bytes { get; }

    public abstract void Apply(StudentProfile student, DateOnly asOf, Span<ulong> fails, Span<ulong> unknown, Span<ulong> scratch);
}
