namespace Matcher.Indexing;

/// <summary>A run of consecutive bitset words, [Start, Start + Length).</summary>
internal readonly record struct WordRun(int Start, int Length)
{
    /// <summary>The runs of words that hold any set bit, with gaps of up to two empty words merged into the runs around them.</summary>
    public static WordRun[] Of(ReadOnlySpan<ulong> bits)
    {
        var runs = new List<WordRun>();
        var i = 0;
        while (i < bits.Length)
        {
            if (bits[i] == 0)
            {
                i++;
                continue;
            }

            var start = i;
            var end = i + 1;
            while (end < bits.Length)
            {
                if (bits[end] != 0)
                {
                    end++;
                }
                else if (end + 2 < bits.Length && (bits[end + 1] != 0 || bits[end + 2] != 0))
                {
                    end += bits[end + 1] != 0 ? 2 : 3;
                }
                else
                {
                    break;
                }
            }

            runs.Add(new WordRun(start, end - start));
            i = end;
        }

        return [.. runs];
    }
}
