using System.Text;
using System.Text.RegularExpressions;
using Matcher.Parsing;

namespace Matcher.OpenAI.Internal;

/// <summary>
/// Ties a model's answer to the source text: finds each quote in the text (ignoring case, accents and runs of white
/// space) and flags sentences that address the parser instead of stating facts (prompt injection).
/// </summary>
internal static partial class Grounding
{
    /// <summary>Where the quote occurs in the text, or <see langword="null"/> when it does not.</summary>
    public static TextSpan? Locate(string text, string? quote)
    {
        if (string.IsNullOrWhiteSpace(quote) || quote.Trim().Length < 2)
        {
            return null;
        }

        var (normText, map) = Normalize(text);
        var (normQuote, _) = Normalize(quote.Trim());
        var at = normText.IndexOf(normQuote, StringComparison.Ordinal);
        if (at < 0)
        {
            return null;
        }

        var start = map[at];
        var end = map[at + normQuote.Length - 1] + 1;
        return new TextSpan(start, end - start);
    }

    /// <summary>Whether every one of <paramref name="values"/> appears as a number in the quote.</summary>
    public static bool NumbersIn(string quote, params long[] values)
    {
        var digits = new HashSet<long>();
        foreach (Match m in Number().Matches(quote))
        {
            digits.Add(long.Parse(new string(m.Value.Where(char.IsAsciiDigit).ToArray()), System.Globalization.CultureInfo.InvariantCulture));
            foreach (var part in m.Value.Split([' ', ',', '.', '\u00A0'], StringSplitOptions.RemoveEmptyEntries))
            {
                if (long.TryParse(part, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var p))
                {
                    digits.Add(p);
                }
            }
        }

        return values.All(digits.Contains);
    }

    /// <summary>Spans of the text that read as instructions to an AI system rather than facts about the call.</summary>
    public static IReadOnlyList<TextSpan> Instructions(string text)
    {
        var spans = new List<TextSpan>();
        foreach (var sentence in SentenceSpans(text))
        {
            var s = sentence.Of(text);
            if (Injection().IsMatch(s))
            {
                spans.Add(sentence);
            }
        }

        return spans;
    }

    /// <summary>The text with anything that could close the data delimiter neutralized.</summary>
    public static string Fence(string text) => text.Replace("<<<", "‹‹‹", StringComparison.Ordinal).Replace(">>>", "›››", StringComparison.Ordinal);

    private static IEnumerable<TextSpan> SentenceSpans(string text)
    {
        var start = 0;
        for (var i = 0; i <= text.Length; i++)
        {
            if (i == text.Length || text[i] is '\n' or '.' or '!' or '?')
            {
                if (i > start)
                {
                    var s = start;
                    var e = i;
                    while (s < e && char.IsWhiteSpace(text[s]))
                    {
                        s++;
                    }

                    if (e > s)
                    {
                        yield return new TextSpan(s, e - s);
                    }
                }

                start = i + 1;
            }
        }
    }

    private static (string Text, int[] Map) Normalize(string text)
    {
        var sb = new StringBuilder(text.Length);
        var map = new List<int>(text.Length);
        var space = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = Fold(text[i]);
            if (char.IsWhiteSpace(c))
            {
                space = sb.Length > 0;
                continue;
            }

            if (space)
            {
                sb.Append(' ');
                map.Add(i);
                space = false;
            }

            sb.Append(c);
            map.Add(i);
        }

        return (sb.ToString(), map.ToArray());
    }

    private static char Fold(char c) => char.ToLowerInvariant(c) switch
    {
        'á' or 'à' or 'ä' => 'a',
        'é' or 'è' or 'ë' => 'e',
        'í' or 'ì' or 'ï' => 'i',
        'ó' or 'ò' or 'ö' => 'o',
        'ú' or 'ù' or 'ü' => 'u',
        'ñ' => 'n',
        '“' or '”' or '«' or '»' => '"',
        '’' or '‘' => '\'',
        '–' or '—' => '-',
        var l => l,
    };

    [GeneratedRegex(@"\d{1,3}(?:[ ,.\u00A0]\d{3})+(?!\d)|\d+", RegexOptions.CultureInvariant)]
    private static partial Regex Number();

    [GeneratedRegex(@"(?i)\b(?:ignor[ae]\w*|olvid[ae]\w*|disregard|ignore)\b.{0,60}\b(?:instruc\w*|indicaciones|reglas|prompt|previous|anteriores)|\b(?:system prompt|as an ai|como (?:modelo|asistente|ia)\b|eres un (?:modelo|asistente)|you are (?:an?|the) (?:ai|assistant|model)|responde (?:que|con|solo)|respond with|a[nñ]ade (?:el|un) requisito|agrega (?:el|un) requisito|marca (?:a )?(?:todos|todas))", RegexOptions.CultureInvariant)]
    private static partial Regex Injection();
}
