using Matcher.Students;

namespace Matcher.Indexing.Columns;

/// <summary>Criteria that pass when one yes/no fact has a given value (a condition accredited, no previous studies...).</summary>
internal sealed class FlagColumn : IndexColumn
{
    private readonly string _name;
    private readonly Func<StudentProfile, bool?> _read;
    private readonly bool _passWhen;
    private readonly MemberSet _has;

    public FlagColumn(string name, Func<StudentProfile, bool?> read, bool passWhen, IEnumerable<int> members, int bits)
    {
        _name = name;
        _read = read;
        _passWhen = passWhen;
        _has = new MemberSet(bits);
        foreach (var m in members)
        {
            _has.Add(m);
        }
    }

    public override string Name => _name;

    public override int MemberCount => _has.Count;

    public override (int Runs, int Words) Extent => (_has.Runs.Length, _has.Runs.Sum(r => r.Length));

    public override long Bytes => _has.Bytes;

    public override void Apply(StudentProfile student, DateOnly asOf, Span<ulong> fails, Span<ulong> unknown, Span<ulong> scratch)
    {
        switch (_read(student))
        {
            case null:
                BitKernels.Or(unknown, _has.Bits, _has.Runs);
                break;
            case var v when v != _passWhen:
                BitKernels.Or(fails, _has.Bits, _has.Runs);
                break;
        }
    }
}
