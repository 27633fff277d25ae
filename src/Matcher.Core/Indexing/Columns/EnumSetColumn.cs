using Matcher.Students;

namespace Matcher.Indexing.Columns;

/// <summary>
/// "The fact is one of these values" criteria over one enum-valued fact: one bitset per value holds the members whose
/// accepted set lacks it.
/// </summary>
/// <typeparam name="T">The enum.</typeparam>
internal sealed class EnumSetColumn<T> : IndexColumn
    where T : struct, Enum
{
    private readonly string _name;
    private readonly Func<StudentProfile, T?> _read;
    private readonly MemberSet _has;
    private readonly MemberSet[] _rejecting;

    public EnumSetColumn(string name, Func<StudentProfile, T?> read, IReadOnlyList<(int Member, IReadOnlyList<T> Accepted)> members, int bits)
    {
        _name = name;
        _read = read;
        _has = new MemberSet(bits);
        var values = Enum.GetValues<T>();
        _rejecting = values.Select(_ => new MemberSet(bits)).ToArray();
        foreach (var (member, accepted) in members)
        {
            _has.Add(member);
            for (var v = 0; v < values.Length; v++)
            {
                if (!accepted.Contains(values[v]))
                {
                    _rejecting[v].Add(member);
                }
            }
        }
    }

    public override string Name => _name;

    public override int MemberCount => _has.Count;

    public override (int Runs, int Words) Extent => (_has.Runs.Length, _has.Runs.Sum(r => r.Length));

    public override long Bytes => _has.Bytes + _rejecting.Sum(r => r.Bytes);

    public override void Apply(StudentProfile student, DateOnly asOf, Span<ulong> fails, Span<ulong> unknown, Span<ulong> scratch)
    {
        if (_read(student) is { } value)
        {
            BitKernels.Or(fails, _rejecting[System.Runtime.CompilerServices.Unsafe.As<T, int>(ref value)].Bits, _has.Runs);
        }
        else
        {
            BitKernels.Or(unknown, _has.Bits, _has.Runs);
        }
    }
}
