using Matcher.Students;

namespace Matcher.Indexing.Columns;

/// <summary>
/// Inclusive lower and upper bounds on one numeric fact (grade average, income, graduation year, cycle, months of work
/// or military service): a value fails the members whose minimum is above it or whose maximum is below it.
/// </summary>
/// <typeparam name="T">The fact's type.</typeparam>
internal sealed class RangeColumn<T> : IndexColumn
    where T : struct, IComparable<T>
{
    private readonly string _name;
    private readonly Func<StudentProfile, T?> _read;
    private readonly ThresholdSets<T>? _minimum;
    private readonly ThresholdSets<T>? _maximum;
    private readonly MemberSet _has;

    public RangeColumn(string name, Func<StudentProfile, T?> read, IReadOnlyList<(int Member, T? AtLeast, T? AtMost)> members, int bits)
    {
        _name = name;
        _read = read;
        _has = new MemberSet(bits);
        foreach (var m in members)
        {
            _has.Add(m.Member);
        }

        var minimums = members.Where(m => m.AtLeast is not null).Select(m => (m.Member, m.AtLeast!.Value)).ToArray();
        var maximums = members.Where(m => m.AtMost is not null).Select(m => (m.Member, m.AtMost!.Value)).ToArray();
        _minimum = minimums.Length > 0 ? new ThresholdSets<T>(minimums, bits, ThresholdQuery.Above) : null;
        _maximum = maximums.Length > 0 ? new ThresholdSets<T>(maximums, bits, ThresholdQuery.Below) : null;
    }

    public override string Name => _name;

    public override int MemberCount => _has.Count;

    public override (int Runs, int Words) Extent => (_has.Runs.Length, _has.Runs.Sum(r => r.Length));

    public override long Bytes => _has.Bytes + (_minimum?.Bytes ?? 0) + (_maximum?.Bytes ?? 0);

    public override void Apply(StudentProfile student, DateOnly asOf, Span<ulong> fails, Span<ulong> unknown, Span<ulong> scratch)
    {
        if (_read(student) is not { } value)
        {
            BitKernels.Or(unknown, _has.Bits, _has.Runs);
            return;
        }

        if (_minimum is not null)
        {
            BitKernels.Or(fails, _minimum.Members(value), _has.Runs);
        }

        if (_maximum is not null)
        {
            BitKernels.Or(fails, _maximum.Members(value), _has.Runs);
        }
    }
}
