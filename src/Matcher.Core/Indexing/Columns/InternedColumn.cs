using Matcher.Eligibility;
using Matcher.Students;

namespace Matcher.Indexing.Columns;

/// <summary>
/// Criteria of the other kinds (nested anyOf/allOf/not, UBIGEO areas, languages, nationality...) deduplicated by their
/// JSON form: each distinct criterion is evaluated once per student and its verdict applied to every scholarship that
/// has it. Real catalogs share most of these (every Beca 18 modality has the same secondary-school rule).
/// </summary>
internal sealed class InternedColumn : IndexColumn
{
    private readonly (Criterion Criterion, DateOnly? ReferenceDate, MemberSet Members)[] _distinct;

    public InternedColumn(IReadOnlyList<(Criterion Criterion, DateOnly? ReferenceDate, MemberSet Members)> distinct) => _distinct = [.. distinct];

    public override string Name => "interned";

    public override int MemberCount => _distinct.Sum(d => d.Members.Count);

    public int DistinctCount => _distinct.Length;

    public override (int Runs, int Words) Extent => (_distinct.Sum(d => d.Members.Runs.Length), _distinct.Sum(d => d.Members.Runs.Sum(r => r.Length)));

    /// <summary>Each distinct criterion with how many scholarships have it (diagnostics).</summary>
    public IEnumerable<(string Criterion, int Members)> Describe() =>
        _distinct.Select(d => (Serialization.CriterionJson.Serialize(d.Criterion) + (d.ReferenceDate is { } r ? " @" + r.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) : string.Empty), d.Members.Count));

    public override long Bytes => _distinct.Sum(d => d.Members.Bytes);

    public override void Apply(StudentProfile student, DateOnly asOf, Span<ulong> fails, Span<ulong> unknown, Span<ulong> scratch)
    {
        foreach (var (criterion, reference, members) in _distinct)
        {
            switch (criterion.Decide(student, asOf, reference ?? asOf))
            {
                case Verdict.Fail:
                    BitKernels.Or(fails, members.Bits, members.Runs);
                    break;
                case Verdict.Unknown:
                    BitKernels.Or(unknown, members.Bits, members.Runs);
                    break;
            }
        }
    }
}
