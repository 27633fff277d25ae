using Matcher.Eligibility.Criteria;
using Matcher.Students;

namespace Matcher.Indexing.Columns;

/// <summary>Academic-rank bars of one level (secondary or higher education), with the COAR rule.</summary>
internal sealed class RankColumn : IndexColumn
{
    private readonly EducationLevel _level;
    private readonly ThresholdSets<int> _below;
    private readonly MemberSet _has;
    private readonly MemberSet _coar;

    public RankColumn(EducationLevel level, IReadOnlyList<(int Member, AcademicRankCriterion Criterion)> members, int bits)
    {
        _level = level;
        _has = new MemberSet(bits);
        _coar = new MemberSet(bits);
        foreach (var (member, criterion) in members)
        {
            _has.Add(member);
            if (criterion.CoarCounts)
            {
                _coar.Add(member);
            }
        }

        // A rank fails a bar when it is worse, i.e. its ordinal is greater than the bar's: members whose bar is below the rank.
        _below = new ThresholdSets<int>(members.Select(m => (m.Member, (int)m.Criterion.AtLeast)).ToArray(), bits, ThresholdQuery.Below);
    }

    public override string Name => _level == EducationLevel.Basic ? "academicRank.basic" : "academicRank.higher";

    public override int MemberCount => _has.Count;

    public override (int Runs, int Words) Extent => (_has.Runs.Length, _has.Runs.Sum(r => r.Length));

    public override long Bytes => _has.Bytes + _coar.Bytes + _below.Bytes;

    public override void Apply(StudentProfile student, DateOnly asOf, Span<ulong> fails, Span<ulong> unknown, Span<ulong> scratch)
    {
        var coar = _level == EducationLevel.Basic ? student.BasicEducation?.Coar : false;
        var rank = _level == EducationLevel.Basic ? student.BasicEducation?.AcademicRank : student.HigherEducation?.AcademicRank;
        if (rank is not { } r)
        {
            if (coar == true)
            {
                BitKernels.OrAndNot(unknown, _has.Bits, _coar.Bits, _has.Runs);
            }
            else
            {
                BitKernels.Or(unknown, _has.Bits, _has.Runs);
            }

            return;
        }

        var below = _below.Members((int)r);
        switch (coar)
        {
            case true:
                BitKernels.OrAndNot(fails, below, _coar.Bits, _has.Runs);
                break;
            case false:
                BitKernels.Or(fails, below, _has.Runs);
                break;
            default:
                BitKernels.OrAndNot(fails, below, _coar.Bits, _has.Runs);
                BitKernels.OrAnd(unknown, below, _coar.Bits, _has.Runs);
                break;
        }
    }
}
