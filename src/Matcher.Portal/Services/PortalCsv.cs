using System.Text;
using CsvHelper;
using Matcher.Serialization;
using Matcher.Students;

namespace Matcher.Portal.Services;

/// <summary>One row of the counselor's export: a student and one of their matches.</summary>
[CsvRecord]
public sealed partial class MatchExportRow
{
    /// <summary>The student's external id.</summary>
    public string StudentId { get; set; } = "";

    /// <summary>The scholarship.</summary>
    public string ScholarshipId { get; set; } = "";

    /// <summary>Its name.</summary>
    public string Scholarship { get; set; } = "";

    /// <summary>eligible | unknown.</summary>
    public string Verdict { get; set; } = "";

    /// <summary>1-based rank.</summary>
    public int? Rank { get; set; }

    /// <summary>Score 0–1.</summary>
    public double Score { get; set; }

    /// <summary>Last day to apply, when known.</summary>
    public string Closes { get; set; } = "";

    /// <summary>Missing facts, separated by <c>|</c>.</summary>
    public string Missing { get; set; } = "";
}

/// <summary>One row of an analyst table.</summary>
[CsvRecord]
public sealed partial class GroupRateRow
{
    /// <summary>The table.</summary>
    public string Table { get; set; } = "";

    /// <summary>The group's key.</summary>
    public string Key { get; set; } = "";

    /// <summary>The group's name.</summary>
    public string Label { get; set; } = "";

    /// <summary>Students.</summary>
    public int Students { get; set; }

    /// <summary>Eligible students.</summary>
    public int Eligible { get; set; }

    /// <summary>Unknown students.</summary>
    public int Unknown { get; set; }
}

/// <summary>One department of the analyst map's table: its counts and every measure (empty when it has no students).</summary>
[CsvRecord]
public sealed partial class DepartmentRow
{
    /// <summary>2-digit INEI department code.</summary>
    public string Code { get; set; } = "";

    /// <summary>The department's name.</summary>
    public string Department { get; set; } = "";

    /// <summary>Students living there.</summary>
    public int Students { get; set; }

    /// <summary>Students eligible for at least one Beca 18 modality.</summary>
    public int Beca18Eligible { get; set; }

    /// <summary>Their share, 0–1.</summary>
    public double? Beca18Share { get; set; }

    /// <summary>Eligible (student, call) pairs.</summary>
    public int EligibleCalls { get; set; }

    /// <summary>Mean eligible calls per student.</summary>
    public double? MeanEligibleCalls { get; set; }

    /// <summary>Students with at least one unknown verdict.</summary>
    public int WithUnknown { get; set; }

    /// <summary>Their share, 0–1.</summary>
    public double? UnknownShare { get; set; }
}

/// <summary>What a CSV upload held: the valid profiles with their lines, and every problem naming line and column.</summary>
/// <param name="Profiles">Valid rows.</param>
/// <param name="Errors">Problems, described in the page's language.</param>
public sealed record CsvImport(IReadOnlyList<(int Line, StudentProfile Profile)> Profiles, IReadOnlyList<string> Errors);

/// <summary>CSV in and out for the pages, with CsvHelper (CONTRACT §1 columns in, plain tables out).</summary>
public static class PortalCsv
{
    /// <summary>Reads a class list (CONTRACT §1 CSV); a bad row is reported and does not stop the others.</summary>
    public static CsvImport ReadStudents(Stream stream, string source, System.Globalization.CultureInfo culture)
    {
        var malformed = new HashSet<long>();
        using var reader = CsvReader.Create(stream, new CsvReaderOptions
        {
            HasHeader = true,
            TrackLineNumbers = true,
            SkipEmptyLines = true,
            FieldCountMismatch = CsvFieldCountHandling.Allow,
            MalformedData = CsvMalformedDataHandling.Recover,
            OnMalformedRecord = record => malformed.Add(record.LineNumber),
        }, leaveOpen: true);
        var errors = new List<string>();
        var profiles = new List<(int, StudentProfile)>();
        reader.ReadHeader();
        if (!reader.Headers.Any())
        {
            return new CsvImport([], [$"{source}: " + (culture.TwoLetterISOLanguageName == "en" ? "the file is empty." : "el archivo está vacío.")]);
        }

        var header = reader.Headers.Select(h => h.Trim().TrimStart('\uFEFF')).ToArray();
        var headerErrors = StudentProfileCsv.ValidateHeader(header, source);
        if (headerErrors.Count > 0)
        {
            return new CsvImport([], headerErrors.Select(e => e.Describe(culture)).ToList());
        }

        var ids = new HashSet<string>(StringComparer.Ordinal);
        while (reader.Read())
        {
            var line = checked((int)reader.LineNumber);
            if (malformed.Contains(reader.LineNumber))
            {
                errors.Add(new InputError("$", "input.csv-malformed", new Dictionary<string, object?>()) { Line = line, Source = source }.Describe(culture));
                continue;
            }

            var cells = new string?[reader.FieldCount];
            for (var i = 0; i < cells.Length; i++)
            {
                cells[i] = reader.GetString(i);
            }

            if (!StudentProfileCsv.TryRead(header, cells, line, out var profile, out var rowErrors, source))
            {
                errors.AddRange(rowErrors.Select(e => e.Describe(culture)));
            }
            else if (!ids.Add(profile.Id))
            {
                errors.Add($"{source}:{line}: id: " + (culture.TwoLetterISOLanguageName == "en" ? $"'{profile.Id}' appears twice." : $"'{profile.Id}' aparece dos veces."));
            }
            else
            {
                profiles.Add((line, profile));
            }
        }

        return new CsvImport(profiles, errors);
    }

    /// <summary>Writes rows as CSV text (UTF-8, header first).</summary>
    public static string Write<T>(IEnumerable<T> rows)
    {
        using var text = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        using (var writer = CsvWriter.Create(text))
        {
            writer.WriteRecords(rows);
        }

        return text.ToString();
    }

    /// <summary>CSV text as base64 of UTF-8 bytes, for a browser download.</summary>
    public static string ToBase64(string csv) => Convert.ToBase64String(Encoding.UTF8.GetBytes(csv));
}
