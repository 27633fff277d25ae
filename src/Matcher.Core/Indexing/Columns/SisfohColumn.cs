using Matcher.Eligibility.Criteria;
using Matcher.Students;

namespace Matcher.Indexing.Columns;

/// <summary>SISFOH classification sets, with the validity requirement checked against the evaluation date.</summary>
internal sealed class SisfohColumn : IndexColumn
{
    private readonly MemberSet _has;
    private readonly MemberSet _requireValid;
    private readonly MemberSet[] _rejecting;

    public SisfohColumn(IReadOnlyList<(int Member, SisfohCriterion Criterion)> members, int bits)
    {
        _has = new MemberSet(bits);
        _requireValid = new MemberSet(bits);
        var levels = Enum.GetValues<SisfohLevel>();
        _rejecting = levels.Select(_ => new MemberSet(bits)).ToArray();
        foreach (var (member, criterion) in members)
        {
            _has.Add(member);
            if (criterion.RequireValid)
            {
                _requireValid.Add(member);
            }

            for (var l = 0; l < levels.Length; l++)
            {
                if (!criterion.Accepts(levels[l]))
                {
                    _rejecting[l].Add(member);
                }
            }
        }
    }

    public override string Name => "sisfoh";

    public override int MemberCount => _has.Count;

    public override (int Runs, int Words) Extent => (_has.Runs.Length, _has.Runs.Sum(r => r.Length));

    public override long Bytes => _has.Bytes + _requireValid.Bytes + _rejecting.Sum(r => r.Bytes);

    public override void Apply(StudentProfile student, DateOnly asOf, Span<ulong> fails, Span<ulong> unknown, Span<ulong> scratch)
    {
        var record = student.Sisfoh;
        if (record?.Classification is not { } level)
        {
            BitKernels.Or(unknown, _has.Bits, _has.Runs);
            return;
        }

        var rejecting = _rejecting[(int)level].Bits;
        BitKernels.Or(fails, rejecting, _has.Runs);

        // Members that accept the level but require it to be valid: unknown without a date, failing when expired.
        if (record.ValidUntil is not { } until)
        {
            BitKernels.OrAndNot(unknown, _requireValid.Bits, rejecting, _has.Runs);
        }
        else if (until < asOf)
        {
            BitKernels.OrAndNot(fails, _requireValid.Bits, rejecting, _has.Runs);
        }
    }
}
