using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace Matcher.Ingestion.Text;

/// <summary>
/// Normalizes a source's text so that only real changes change its hash: HTML entities decoded (to a fixed point),
/// Unicode NFC, control characters dropped, every run of white space one space, lines trimmed, empty lines and
/// boilerplate lines (copyright, cookie notices, "share on", "follow us") removed. Idempotent.
/// </summary>
public static partial class TextNormalizer
{
    /// <summary>Normalizes a text.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The normalized text: non-empty lines joined by <c>\n</c>.</returns>
    public static string Normalize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var decoded = text;
        for (var previous = ""; !string.Equals(previous, decoded, StringComparison.Ordinal);)
        {
            previous = decoded;
            decoded = WebUtility.HtmlDecode(decoded);
        }

        decoded = decoded.Normalize(NormalizationForm.FormC);
        var lines = new List<string>();
        var line = new StringBuilder();
        var space = false;
        foreach (var c in decoded + "\n")
        {
            if (c is '\n' or '\r' or '\u2028' or '\u2029' or '\u0085' or '\v' or '\f')
            {
                Flush();
                continue;
            }

            if (char.IsWhiteSpace(c) || c == '\u200B' || c == '\uFEFF')
            {
                space = line.Length > 0;
                continue;
            }

            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (category is UnicodeCategory.Control or UnicodeCategory.Format && c != '\u200D')
            {
                continue;
            }

            if (space)
            {
                line.Append(' ');
                space = false;
            }

            line.Append(c);
        }

        return string.Join('\n', lines);

        void Flush()
        {
            var value = line.ToString();
            line.Clear();
            space = false;
            if (value.Length > 0 && !Boilerplate().IsMatch(value))
            {
                lines.Add(value);
            }
        }
    }

    [GeneratedRegex(@"^(©|\(c\)|copyright\b|todos los derechos reservados|all rights reserved|(este sitio|esta web|este portal) (utiliza|usa) cookies|utilizamos cookies|we use cookies|aceptar cookies|compartir en\b|comparte en\b|s[ií]guenos en\b|share on\b|follow us\b|ir al contenido|saltar al contenido|skip to (main )?content)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Boilerplate();
}
