using System.Globalization;
using CsvHelper;
using Matcher.Serialization;

namespace Matcher.MLNet.Outcomes;

/// <summary>
/// The outcomes CSV (docs/outcomes.md): <c>studentId,scholarshipId,outcome,recordedOn,synthetic</c> followed by the
/// student's profile columns in the CONTRACT §1 flattening (without <c>id</c>, which is <c>studentId</c>), so every row
/// stands alone. The portal exports and imports the same format.
/// </summary>
public static class OutcomesCsv
{
    /// <summary>The columns before the profile's.</summary>
    public static IReadOnlyList<string> OutcomeColumns { get; } = ["studentId", "scholarshipId", "outcome", "recordedOn", "synthetic"];

    /// <summary>Every column, in order.</summary>
    public static IReadOnlyList<string> Columns { get; } = [.. OutcomeColumns, .. StudentProfileCsv.KnownColumns.Where(c => c != "id")];

    /// <summary>Writes rows with the header.</summary>
    /// <param name="writer">Where to write.</param>
    /// <param name="records">The rows.</param>
    public static void Write(TextWriter writer, IEnumerable<OutcomeRecord> records)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(records);
        writer.WriteLine(string.Join(',', Columns));
        var idIndex = StudentProfileCsv.KnownColumns.ToList().IndexOf("id");
        foreach (var r in records)
        {
            var cells = new List<string?>
            {
                r.Student.Id,
                r.ScholarshipId,
                EnumName(r.Outcome),
                r.RecordedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                r.Synthetic ? "true" : "false",
            };
            var profile = StudentProfileCsv.ToCells(r.Student);
            cells.AddRange(profile.Where((_, i) => i != idIndex));
            writer.WriteLine(string.Join(',', cells.Select(Quote)));
        }
    }

    /// <summary>Reads rows; every invalid row is reported with its line and column and left out, the others are kept.</summary>
    /// <param name="reader">The CSV text.</param>
    /// <param name="source">File name, used in errors.</param>
    /// <param name="errors">Every problem found.</param>
    /// <returns>The valid rows.</returns>
    public static IReadOnlyList<OutcomeRecord> Read(TextReader reader, string source, out IReadOnlyList<InputError> errors)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var problems = new List<InputError>();
        var records = new List<OutcomeRecord>();
        using var csv = CsvReader.Create(reader, new CsvReaderOptions { HasHeader = true, TrackLineNumbers = true, SkipEmptyLines = true, FieldCountMismatch = CsvFieldCountHandling.Allow });
        csv.ReadHeader();
        var header = csv.Headers.Select(h => h.Trim().TrimStart('\uFEFF')).ToArray();
        var missing = OutcomeColumns.Where(c => c != "synthetic" && !header.Contains(c)).ToArray();
        foreach (var m in missing)
        {
            problems.Add(Error(m, "input.required", 1, source, ("field", m)));
        }

        var profileHeader = header.Select(h => h == "studentId" ? "id" : h).Where(h => !OutcomeColumns.Contains(h) || h == "id").ToArray();
        var profileIndexes = header.Select((h, i) => (h, i)).Where(x => x.h == "studentId" || !OutcomeColumns.Contains(x.h)).Select(x => x.i).ToArray();
        problems.AddRange(StudentProfileCsv.ValidateHeader(profileHeader, source));
        if (problems.Count > 0)
        {
            errors = problems;
            return records;
        }

        int Col(string name) => Array.IndexOf(header, name);
        var (sid, sch, outc, rec, syn) = (Col("studentId"), Col("scholarshipId"), Col("outcome"), Col("recordedOn"), Col("synthetic"));
        while (csv.Read())
        {
            var line = checked((int)csv.LineNumber);
            var cells = new string?[csv.FieldCount];
            for (var i = 0; i < cells.Length; i++)
            {
                cells[i] = csv.GetString(i);
            }

            if (cells.Length != header.Length)
            {
                problems.Add(Error("$", "input.csv-field-count", line, source, ("actual", cells.Length), ("expected", header.Length)));
                continue;
            }

            var rowErrors = new List<InputError>();
            var scholarship = cells[sch]?.Trim();
            if (string.IsNullOrEmpty(scholarship))
            {
                rowErrors.Add(Error("scholarshipId", "input.required", line, source, ("field", "scholarshipId")));
            }

            OutcomeKind? outcome = cells[outc]?.Trim() switch
            {
                "applied" => OutcomeKind.Applied,
                "shortlisted" => OutcomeKind.Shortlisted,
                "awarded" => OutcomeKind.Awarded,
                "rejected" => OutcomeKind.Rejected,
                _ => null,
            };
            if (outcome is null)
            {
                rowErrors.Add(Error("outcome", "input.invalid-enum", line, source, ("value", cells[outc]), ("allowed", "applied, shortlisted, awarded, rejected")));
            }

            if (!DateOnly.TryParseExact(cells[rec]?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var recordedOn))
            {
                rowErrors.Add(Error("recordedOn", "input.invalid-date", line, source, ("value", cells[rec])));
            }

            var synthetic = false;
            if (syn >= 0 && !string.IsNullOrWhiteSpace(cells[syn]) && !bool.TryParse(cells[syn]!.Trim(), out synthetic))
            {
                rowErrors.Add(Error("synthetic", "input.invalid-boolean", line, source, ("value", cells[syn])));
            }

            _ = StudentProfileCsv.TryRead(profileHeader, profileIndexes.Select(i => cells[i]).ToArray(), line, out var profile, out var profileErrors, source);
            rowErrors.AddRange(profileErrors.Select(e => e.Path == "id" ? e with { Path = "studentId" } : e));
            if (rowErrors.Count > 0 || profile is null)
            {
                problems.AddRange(rowErrors);
                continue;
            }

            records.Add(new OutcomeRecord(profile, scholarship!, outcome!.Value, recordedOn, synthetic));
        }

        errors = problems;
        return records;
    }

    private static string EnumName(OutcomeKind kind) => kind switch
    {
        OutcomeKind.Applied => "applied",
        OutcomeKind.Shortlisted => "shortlisted",
        OutcomeKind.Awarded => "awarded",
        _ => "rejected",
    };

    private static string Quote(string? cell)
    {
        if (cell is null)
        {
            return string.Empty;
        }

        return cell.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + cell.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : cell;
    }

    private static InputError Error(string column, string code, int line, string source, params (string Name, object? Value)[] values) =>
        new(column, code, values.ToDictionary(v => v.Name, v => v.Value)) { Line = line, Source = source };
}
