namespace Matcher.Indexing.Columns;

/// <summary>A bitset over the scholarships of an index, built once.</summary>
internal sealed class MemberSet
{
    private readonly ulong[] _bits;

    public MemberSet(int bits) => _bits = new ulong[BitKernels.Words(bits)];

    public int Count { get; private set; }

    public ReadOnlySpan<ulong> Bits => _bits;

    public long Bytes => _bits.LongLength * sizeof(ulong);

    public void Add(int member)
    {
        if (!BitKernels.Get(_bits, member))
        {
            BitKernels.Set(_bits, member);
            Count++;
        }
    }
}
