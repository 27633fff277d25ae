using System.Text;

namespace Matcher.Parsing.Internal;

/// <summary>
/// Case- and accent-folding that keeps every character at its index, so that a match in the folded text is a span of
/// the original text.
/// </summary>
internal static class SpanishText
{
    public static string Fold(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            sb.Append(Fold(c));
        }

        return sb.ToString();
    }

    public static char Fold(char c) => char.ToLowerInvariant(c) switch
    {
        'á' or 'à' or 'ä' or 'â' => 'a',
        'é' or 'è' or 'ë' or 'ê' => 'e',
        'í' or 'ì' or 'ï' or 'î' => 'i',
        'ó' or 'ò' or 'ö' or 'ô' => 'o',
        'ú' or 'ù' or 'ü' or 'û' => 'u',
        'ñ' => 'n',
        '\u00A0' or '\u202F' or '\t' => ' ',
        '’' or '‘' => '\'',
        '“' or '”' or '«' or '»' => '"',
        '–' or '—' => '-',
        var l => l,
    };

    /// <summary>Folds and collapses runs of white space to one space, for comparing short phrases.</summary>
    public static string Key(string text)
    {
        var folded = Fold(text.Trim());
        var sb = new StringBuilder(folded.Length);
        var space = false;
        foreach (var c in folded)
        {
            if (char.IsWhiteSpace(c))
            {
                space = true;
                continue;
            }

            if (space && sb.Length > 0)
            {
                sb.Append(' ');
            }

            space = false;
            sb.Append(c);
        }

        return sb.ToString();
    }

    /// <summary>Sentences and list items of a text, as spans. Splits on full stops followed by space, line breaks and bullets.</summary>
    public static IReadOnlyList<TextSpan> Sentences(string text)
    {
        var spans = new List<TextSpan>();
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var end = c is '\n' or ';'
                || (c is '.' or '?' or '!' or ':' && (i + 1 == text.Length || char.IsWhiteSpace(text[i + 1])) && !IsAbbreviation(text, i));
            if (end)
            {
                Add(spans, text, start, i + 1);
                start = i + 1;
            }
        }

        Add(spans, text, start, text.Length);
        return spans;
    }

    private static bool IsAbbreviation(string text, int dot)
    {
        if (text[dot] != '.')
        {
            return false;
        }

        // "FF.AA.", "S/.", "N.°", "art. 5", "Av." and single capitals ("R. M.") do not end a sentence.
        var wordStart = dot;
        while (wordStart > 0 && !char.IsWhiteSpace(text[wordStart - 1]))
        {
            wordStart--;
        }

        var word = text[wordStart..dot];
        return word.Length <= 2 || word.Contains('.', StringComparison.Ordinal) || word is "art" or "Art" or "Av" or "inc" or "núm" or "etc";
    }

    private static void Add(List<TextSpan> spans, string text, int start, int end)
    {
        while (start < end && (char.IsWhiteSpace(text[start]) || text[start] is '-' or '•' or '*' or '·'))
        {
            start++;
        }

        while (end > start && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }

        if (end > start)
        {
            spans.Add(new TextSpan(start, end - start));
        }
    }
}
