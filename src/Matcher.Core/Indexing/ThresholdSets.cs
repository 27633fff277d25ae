namespace Matcher.Indexing;

/// <summary>Which members a threshold query returns.</summary>
internal enum ThresholdQuery
{
    /// <summary>Members whose threshold is greater than the value (a minimum the value does not reach).</summary>
    Above,

    /// <summary>Members whose threshold is less than the value (a maximum the value exceeds).</summary>
    Below,
}

/// <summary>
/// Members with a numeric threshold each, sorted by threshold, with one precomputed union bitset per distinct threshold:
/// "every member whose threshold is above (or below) this value" is a binary search and a lookup, never a scan.
/// Memory: (distinct thresholds + 1) × members / 8 bytes.
/// </summary>
/// <typeparam name="T">The threshold type.</typeparam>
internal sealed class ThresholdSets<T>
    where T : IComparable<T>
{
    private readonly T[] _values;
    private readonly ulong[] _unions;
    private readonly int _words;
    private readonly ThresholdQuery _query;

    public ThresholdSets(IReadOnlyList<(int Member, T Threshold)> members, int bits, ThresholdQuery query)
    {
        _query = query;
        _words = BitKernels.Words(bits);
        _values = members.Select(m => m.Threshold).Distinct().Order().ToArray();
        _unions = new ulong[(_values.Length + 1) * _words];
        var groups = members.GroupBy(m => Array.BinarySearch(_values, m.Threshold)).ToDictionary(g => g.Key, g => g.Select(m => m.Member).ToArray());
        if (query == ThresholdQuery.Above)
        {
            // Union[k] = members of groups k..D-1 (thresholds above the k smallest distinct values).
            for (var k = _values.Length - 1; k >= 0; k--)
            {
                var union = Union(k);
                union.CopyFrom(Union(k + 1));
                foreach (var m in groups[k])
                {
                    BitKernels.Set(union.Span, m);
                }
            }
        }
        else
        {
            // Union[k] = members of groups 0..k-1 (thresholds below the k-th smallest distinct value).
            for (var k = 1; k <= _values.Length; k++)
            {
                var union = Union(k);
                union.CopyFrom(Union(k - 1));
                foreach (var m in groups[k - 1])
                {
                    BitKernels.Set(union.Span, m);
                }
            }
        }
    }

    public long Bytes => _unions.LongLength * sizeof(ulong);

    /// <summary>The members whose threshold is above (or below) <paramref name="value"/>.</summary>
    public ReadOnlySpan<ulong> Members(T value)
    {
        int k;
        if (_query == ThresholdQuery.Above)
        {
            k = UpperBound(value);
        }
        else
        {
            k = LowerBound(value);
        }

        return _unions.AsSpan(k * _words, _words);
    }

    private Slice Union(int k) => new(_unions, k * _words, _words);

    /// <summary>Number of thresholds ≤ value.</summary>
    private int UpperBound(T value)
    {
        int lo = 0, hi = _values.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (_values[mid].CompareTo(value) <= 0)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }

    /// <summary>Number of thresholds &lt; value.</summary>
    private int LowerBound(T value)
    {
        int lo = 0, hi = _values.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (_values[mid].CompareTo(value) < 0)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }

    private readonly struct Slice(ulong[] array, int start, int length)
    {
        public Span<ulong> Span => array.AsSpan(start, length);

        public void CopyFrom(Slice other) => other.Span.CopyTo(Span);
    }
}
