using System.Globalization;
using System.Text.RegularExpressions;

namespace Matcher.Parsing.Internal;

/// <summary>Numbers and amounts as Peruvian texts write them: "S/ 1 025", "S/ 7,910", "20 000 becas", "12 meses".</summary>
internal static partial class SpanishNumbers
{
    private static readonly Dictionary<string, int> Words = new(StringComparer.Ordinal)
    {
        ["un"] = 1, ["una"] = 1, ["uno"] = 1, ["dos"] = 2, ["tres"] = 3, ["cuatro"] = 4, ["cinco"] = 5, ["seis"] = 6,
        ["siete"] = 7, ["ocho"] = 8, ["nueve"] = 9, ["diez"] = 10, ["once"] = 11, ["doce"] = 12, ["veinte"] = 20,
        ["treinta"] = 30, ["cuarenta"] = 40, ["cincuenta"] = 50, ["cien"] = 100,
    };

    /// <summary>An integer written with digits and thousands groups ("20 000", "8,000", "5.184").</summary>
    public const string IntegerPattern = @"\d{1,3}(?:[ ,.]\d{3})+(?!\d)|\d+";

    [GeneratedRegex(@"s/\.?\s?(?<n>\d{1,3}(?:[ ,.]\d{3})+(?:[.,]\d{1,2})?(?!\d)|\d+(?:[.,]\d{1,2})?)", RegexOptions.CultureInvariant)]
    public static partial Regex Soles();

    public static bool TryParseInteger(string text, out int value)
    {
        var digits = new string(text.Where(char.IsAsciiDigit).ToArray());
        if (digits.Length > 0 && digits.Length <= 9)
        {
            value = int.Parse(digits, CultureInfo.InvariantCulture);
            return true;
        }

        return Words.TryGetValue(text.Trim(), out value);
    }

    /// <summary>Parses an amount: group separators are space, comma or dot followed by exactly three digits; a final
    /// separator followed by one or two digits is the decimal part.</summary>
    public static bool TryParseAmount(string text, out decimal value)
    {
        var t = text.Trim();
        var decimals = string.Empty;
        var m = DecimalTail().Match(t);
        if (m.Success)
        {
            decimals = m.Groups["d"].Value;
            t = t[..m.Index];
        }

        var digits = new string(t.Where(char.IsAsciiDigit).ToArray());
        if (digits.Length == 0 || digits.Length > 12)
        {
            value = 0;
            return false;
        }

        value = decimal.Parse(digits + (decimals.Length > 0 ? "." + decimals : string.Empty), CultureInfo.InvariantCulture);
        return true;
    }

    [GeneratedRegex(@"[.,](?<d>\d{1,2})$", RegexOptions.CultureInvariant)]
    private static partial Regex DecimalTail();
}
