using System.Globalization;
using System.Text.RegularExpressions;

namespace Matcher.Portal.Services;

/// <summary>A draft call read from a call's text, with what the reader could not settle.</summary>
/// <param name="Draft">The draft, to review before saving.</param>
/// <param name="Issues">What to check by hand, in the requested language.</param>
public sealed record ParsedCall(CallDraft Draft, IReadOnlyList<string> Issues);

/// <summary>
/// Turns the text of a scholarship call into a draft catalog entry for the "import from text" page. The portal's own
/// offline reader is registered by default; the core's parser (offline or GPT) can be registered in its place.
/// </summary>
public interface IScholarshipCallTextParser
{
    /// <summary>Reads a call's text.</summary>
    /// <param name="text">The call's text as pasted.</param>
    /// <param name="provider">The provider the draft belongs to.</param>
    /// <param name="english">Whether issues are written in English.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    Task<ParsedCall> ParseAsync(string text, string provider, bool english, CancellationToken cancellationToken);
}

/// <summary>
/// A small rule-based reader for Spanish call texts: the title (first line), the call year, the application window
/// ("del 8 de septiembre al 14 de octubre de 2025", or dd/mm/yyyy dates), an age limit ("menores de 22 años") and a
/// minimum grade average ("promedio mínimo de 14"). Anything else is left for the provider to fill in the editor, and
/// the issues say so. It never invents a requirement.
/// </summary>
internal sealed partial class OfflineCallTextParser(IMatcherClock clock) : IScholarshipCallTextParser
{
    private static readonly string[] Months = ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre"];

    public Task<ParsedCall> ParseAsync(string text, string provider, bool english, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(text);
        var issues = new List<string>();
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var title = lines.FirstOrDefault() ?? "";
        var year = YearRegex().Matches(text).Select(m => int.Parse(m.Value, CultureInfo.InvariantCulture)).Where(y => y is >= 2000 and <= 2100).DefaultIfEmpty(clock.Today().Year + 1).Max();
        var draft = CallDraft.New(provider, year);
        if (title.Length > 0)
        {
            draft.NameEs = title.Length > 200 ? title[..200] : title;
            draft.Id = Slug(title, year);
        }
        else
        {
            issues.Add(english ? "No title found: write the call's name." : "No se encontró el título: escriba el nombre de la convocatoria.");
        }

        issues.Add(english ? "Write the English name, the source URL and the coverage." : "Escriba el nombre en inglés, la URL de la fuente y la cobertura.");

        var dates = Dates(text).ToList();
        if (dates.Count >= 2)
        {
            draft.Opens = dates.Min().ToDateTime(TimeOnly.MinValue);
            draft.Closes = dates.Max().ToDateTime(TimeOnly.MinValue);
        }
        else if (dates.Count == 1)
        {
            draft.Closes = dates[0].ToDateTime(TimeOnly.MinValue);
            issues.Add(english ? "Only one date found; it was taken as the closing date." : "Solo se encontró una fecha; se tomó como fecha de cierre.");
        }
        else
        {
            issues.Add(english ? "No application dates found." : "No se encontraron fechas de postulación.");
        }

        if (AgeRegex().Match(text) is { Success: true } age)
        {
            draft.Criteria.Add("age").Numbers["lessThan"] = int.Parse(age.Groups[1].Value, CultureInfo.InvariantCulture);
        }

        if (GradeRegex().Match(text) is { Success: true } grade)
        {
            draft.Criteria.Add("gradeAverage").Numbers["atLeast"] = double.Parse(grade.Groups[1].Value.Replace(',', '.'), CultureInfo.InvariantCulture);
        }

        if (draft.Criteria.Rows.Count == 0)
        {
            issues.Add(english ? "No requirement recognized: add them in the editor." : "No se reconoció ningún requisito: agréguelos en el editor.");
        }

        return Task.FromResult(new ParsedCall(draft, issues));
    }

    private static IEnumerable<DateOnly> Dates(string text)
    {
        foreach (Match m in NumericDateRegex().Matches(text))
        {
            if (DateOnly.TryParseExact(m.Value, ["d/M/yyyy", "dd/MM/yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
            {
                yield return d;
            }
        }

        foreach (Match m in WrittenDateRegex().Matches(text))
        {
            var month = Array.IndexOf(Months, m.Groups[2].Value.ToLowerInvariant().Replace("setiembre", "septiembre", StringComparison.Ordinal)) + 1;
            var yearGroup = m.Groups[3].Success ? m.Groups[3].Value : LaterYear(text, m.Index);
            if (month > 0 && yearGroup is not null && int.TryParse(m.Groups[1].Value, CultureInfo.InvariantCulture, out var day)
                && day is >= 1 and <= 31 && day <= DateTime.DaysInMonth(int.Parse(yearGroup, CultureInfo.InvariantCulture), month))
            {
                yield return new DateOnly(int.Parse(yearGroup, CultureInfo.InvariantCulture), month, day);
            }
        }
    }

    /// <summary>The year written after a date without one ("del 8 de septiembre al 14 de octubre de 2025").</summary>
    private static string? LaterYear(string text, int index) => YearRegex().Match(text, index) is { Success: true } m ? m.Value : null;

    private static string Slug(string title, int year)
    {
        var ascii = new string(title.Normalize(System.Text.NormalizationForm.FormD).Where(c => CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark).ToArray());
        var slug = SlugRegex().Replace(ascii.ToLowerInvariant(), "-").Trim('-');
        if (slug.Length > 60)
        {
            slug = slug[..60].Trim('-');
        }

        var yearText = year.ToString(CultureInfo.InvariantCulture);
        return slug.Contains(yearText, StringComparison.Ordinal) ? slug : $"{slug}-{yearText}";
    }

    [GeneratedRegex(@"\b(20\d{2})\b")]
    private static partial Regex YearRegex();

    [GeneratedRegex(@"\b\d{1,2}/\d{1,2}/\d{4}\b")]
    private static partial Regex NumericDateRegex();

    [GeneratedRegex(@"\b(\d{1,2})\s+de\s+(enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|diciembre)(?:\s+(?:de|del)\s+(\d{4}))?", RegexOptions.IgnoreCase)]
    private static partial Regex WrittenDateRegex();

    [GeneratedRegex(@"menores\s+de\s+(\d{2})\s+años", RegexOptions.IgnoreCase)]
    private static partial Regex AgeRegex();

    [GeneratedRegex(@"promedio\s+(?:mínimo|minimo)\s+(?:de\s+)?(\d{1,2}(?:[.,]\d{1,2})?)", RegexOptions.IgnoreCase)]
    private static partial Regex GradeRegex();

    [GeneratedRegex("[^a-z0-9]+")]
    private static partial Regex SlugRegex();
}
