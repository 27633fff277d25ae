namespace Matcher.Indexing.Columns;

/// <summary>A bitset over the scholarships of an index, built once.</summary>
internal sealed class MemberSet
{
    private readonly ulong[] _bits;

    public MemberSet(int bits) => _bits = new ulong[BitKernels.Words(bits)];

    public int Count { get; private set; }

    public ReadOnlySpan<ulong> Bits => _bits;

    public long Bytes => _bits.LongLength * sizeof(ulong);

    /// <summary>The runs of words holding members; every bitset of a column is a subset of its members, so these runs bound all its work.</summary>
    public WordRun[] Runs => _runs ??= WordRun.Of(_bits);

    private WordRun[]? _runs;

    public void Add(int member)
    {
        if (!BitKernels.Get(_bits, member))
        {
            BitKernels.Set(_bits, member);
            Count++;
        }
    }
}
