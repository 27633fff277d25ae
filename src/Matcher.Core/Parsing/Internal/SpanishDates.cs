using System.Globalization;
using System.Text.RegularExpressions;

namespace Matcher.Parsing.Internal;

/// <summary>Dates as Spanish texts write them: "15 de octubre de 2025", "1.° de marzo", "2025-10-05", "05/10/2025".</summary>
internal static partial class SpanishDates
{
    private static readonly string[] Months =
        ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre"];

    /// <summary>A date found in folded text; <see cref="Year"/> is null when the text leaves it out.</summary>
    public readonly record struct Mention(TextSpan Span, int Day, int Month, int? Year);

    public static IReadOnlyList<Mention> Find(string folded)
    {
        var found = new List<Mention>();
        foreach (Match m in Written().Matches(folded))
        {
            var month = MonthOf(m.Groups["m"].Value);
            int? year = m.Groups["y"].Success ? int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture) : null;
            found.Add(new Mention(new TextSpan(m.Index, m.Length), int.Parse(m.Groups["d"].Value, CultureInfo.InvariantCulture), month, year));
        }

        foreach (Match m in Iso().Matches(folded))
        {
            found.Add(new Mention(new TextSpan(m.Index, m.Length), int.Parse(m.Groups["d"].Value, CultureInfo.InvariantCulture), int.Parse(m.Groups["m"].Value, CultureInfo.InvariantCulture), int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture)));
        }

        foreach (Match m in Numeric().Matches(folded))
        {
            found.Add(new Mention(new TextSpan(m.Index, m.Length), int.Parse(m.Groups["d"].Value, CultureInfo.InvariantCulture), int.Parse(m.Groups["m"].Value, CultureInfo.InvariantCulture), int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture)));
        }

        found.Sort((a, b) => a.Span.Start.CompareTo(b.Span.Start));
        return found;
    }

    public static bool TryCreate(int year, int month, int day, out DateOnly date)
    {
        date = default;
        if (year is < 1990 or > 2100 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }

        date = new DateOnly(year, month, day);
        return true;
    }

    private static int MonthOf(string name) => name == "setiembre" ? 9 : Array.IndexOf(Months, name) + 1;

    [GeneratedRegex(@"\b(?<d>[0-3]?\d)(?:\.?\s?[°º])?\s+de\s+(?<m>enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|diciembre)(?:\s+(?:de|del)\s+(?<y>(?:19|20)\d\d))?", RegexOptions.CultureInvariant)]
    private static partial Regex Written();

    [GeneratedRegex(@"\b(?<y>(?:19|20)\d\d)-(?<m>[01]\d)-(?<d>[0-3]\d)\b", RegexOptions.CultureInvariant)]
    private static partial Regex Iso();

    [GeneratedRegex(@"\b(?<d>[0-3]?\d)/(?<m>[01]?\d)/(?<y>(?:19|20)\d\d)\b", RegexOptions.CultureInvariant)]
    private static partial Regex Numeric();
}
