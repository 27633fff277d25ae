namespace Matcher.Parsing;

/// <summary>A range of characters in a source text.</summary>
/// <param name="Start">0-based index of the first character.</param>
/// <param name="Length">Number of characters.</param>
public readonly record struct TextSpan(int Start, int Length)
{
    /// <summary>Index just after the last character.</summary>
    public int End => Start + Length;

    /// <summary>The characters of <paramref name="text"/> this span covers.</summary>
    /// <param name="text">The source text the span was taken from.</param>
    /// <returns>The quoted text.</returns>
    public string Of(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Substring(Start, Length);
    }

    /// <summary>Whether the two spans share at least one character.</summary>
    /// <param name="other">The other span.</param>
    /// <returns><see langword="true"/> when they overlap.</returns>
    public bool Overlaps(TextSpan other) => Start < other.End && other.Start < End;
}
