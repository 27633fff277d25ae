using System.Collections.Frozen;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Matcher.Students;

namespace Matcher.Serialization;

/// <summary>
/// The CSV form of <see cref="StudentProfile"/> (CONTRACT §1): one column per field, nested fields flattened with dots
/// (<c>basicEducation.academicRank</c>), lists separated by <c>|</c> (<c>[]</c> for an empty list), an empty cell is unknown. Tokenizing the CSV
/// (quotes, separators) is left to the caller; this type turns a header and a row of cells into a validated profile,
/// reporting each problem with its line and column.
/// </summary>
public static class StudentProfileCsv
{
    private enum Kind
    {
        Text,
        Number,
        Integer,
        Boolean,
        List,
    }

    private static readonly KeyValuePair<string, Kind>[] OrderedColumns = BuildColumns();

    private static readonly FrozenDictionary<string, Kind> Columns = OrderedColumns.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Every column the format knows, in the order of CONTRACT §1 (<c>extensions.*</c> columns are also accepted).</summary>
    public static IReadOnlyList<string> KnownColumns { get; } = OrderedColumns.Select(c => c.Key).ToArray();

    /// <summary>Checks a header: every column must be known, appear once, and <c>id</c> must be present.</summary>
    /// <param name="header">The column names.</param>
    /// <param name="source">File name, used in errors.</param>
    /// <returns>Every problem found; empty when the header is valid.</returns>
    public static IReadOnlyList<InputError> ValidateHeader(IReadOnlyList<string> header, string? source = null)
    {
        ArgumentNullException.ThrowIfNull(header);
        var errors = new List<InputError>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < header.Count; i++)
        {
            var name = header[i];

            // A blank column name is placed by its position ([3] is the third column).
            var place = string.IsNullOrWhiteSpace(name) ? "[" + (i + 1).ToString(CultureInfo.InvariantCulture) + "]" : name;
            if (!seen.Add(name))
            {
                errors.Add(Error(place, "input.duplicate-field", 1, source, ("field", name)));
            }
            else if (!Columns.ContainsKey(name) && !IsExtension(name))
            {
                errors.Add(Error(place, "input.csv-unknown-column", 1, source, ("field", name)));
            }
        }

        if (!seen.Contains("id"))
        {
            errors.Add(Error("id", "input.csv-missing-id-column", 1, source));
        }

        return errors;
    }

    /// <summary>Reads one row.</summary>
    /// <param name="header">The column names (validated with <see cref="ValidateHeader"/>).</param>
    /// <param name="cells">The row's cells, in header order.</param>
    /// <param name="line">1-based line of the row in the file.</param>
    /// <param name="profile">The profile when the row is valid.</param>
    /// <param name="errors">Every problem in the row; each names its column.</param>
    /// <param name="source">File name, used in errors.</param>
    /// <returns><see langword="true"/> when the row is a valid profile.</returns>
    public static bool TryRead(
        IReadOnlyList<string> header,
        IReadOnlyList<string?> cells,
        int line,
        [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out StudentProfile? profile,
        out IReadOnlyList<InputError> errors,
        string? source = null)
    {
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(cells);
        profile = null;
        var problems = new List<InputError>();
        if (cells.Count != header.Count)
        {
            problems.Add(Error("$", "input.csv-field-count", line, source, ("actual", cells.Count), ("expected", header.Count)));
            errors = problems;
            return false;
        }

        var root = new JsonObject();
        for (var i = 0; i < header.Count; i++)
        {
            var cell = cells[i];
            if (string.IsNullOrWhiteSpace(cell))
            {
                continue;
            }

            var column = header[i];
            var kind = Columns.TryGetValue(column, out var k) ? k : Kind.Text;
            if (Convert(cell.Trim(), kind, column, line, source, problems) is { } node)
            {
                Place(root, column, node);
            }
        }

        // Cells that could not be converted are left out, so the profile's own validation still reports every other problem.
        var input = new JsonInput(source, line);
        using (var doc = JsonDocument.Parse(root.ToJsonString()))
        {
            profile = StudentProfileJson.Read(doc.RootElement, input);
        }

        problems.AddRange(input.Errors.Select(e => e with { Path = ColumnOf(e.Path) }));

        errors = problems;
        if (problems.Count > 0)
        {
            profile = null;
            return false;
        }

        return profile is not null;
    }

    /// <summary>Writes a profile as cells in <see cref="KnownColumns"/> order (the inverse of <see cref="TryRead"/>; extensions are not written).</summary>
    /// <param name="profile">The profile.</param>
    /// <returns>One cell per known column; <see langword="null"/> where the fact is unknown.</returns>
    public static string?[] ToCells(StudentProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        using var doc = JsonDocument.Parse(StudentProfileJson.Serialize(profile));
        var cells = new string?[OrderedColumns.Length];
        for (var i = 0; i < cells.Length; i++)
        {
            var element = doc.RootElement;
            var found = true;
            foreach (var part in OrderedColumns[i].Key.Split('.'))
            {
                if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(part, out element))
                {
                    found = false;
                    break;
                }
            }

            cells[i] = !found ? null : element.ValueKind switch
            {
                JsonValueKind.Null => null,
                JsonValueKind.String => element.GetString(),
                JsonValueKind.True => "true",
                JsonValueKind.False => "false",
                JsonValueKind.Array => element.GetArrayLength() == 0 ? "[]" : string.Join('|', element.EnumerateArray().Select(e => e.GetString())),
                _ => element.GetRawText(),
            };
        }

        return cells;
    }

    /// <summary>The CSV column a JSON path refers to (<c>$.basicEducation.gradeAverage</c> → <c>basicEducation.gradeAverage</c>).</summary>
    /// <param name="jsonPath">The JSON path.</param>
    /// <returns>The column name.</returns>
    public static string ColumnOf(string jsonPath)
    {
        ArgumentNullException.ThrowIfNull(jsonPath);
        var path = jsonPath.StartsWith("$.", StringComparison.Ordinal) ? jsonPath[2..] : jsonPath;
        var bracket = path.IndexOf('[', StringComparison.Ordinal);
        return bracket > 0 ? path[..bracket] : path;
    }

    private static JsonNode? Convert(string cell, Kind kind, string column, int line, string? source, List<InputError> problems)
    {
        switch (kind)
        {
            case Kind.Number:
            case Kind.Integer:
                if (decimal.TryParse(cell, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var d))
                {
                    return JsonValue.Create(d);
                }

                problems.Add(Error(column, "input.invalid-number", line, source, ("value", cell)));
                return null;
            case Kind.Boolean:
                if (bool.TryParse(cell, out var b))
                {
                    return JsonValue.Create(b);
                }

                problems.Add(Error(column, "input.invalid-boolean", line, source, ("value", cell)));
                return null;
            case Kind.List:
                // "[]" states an empty list ("speaks no lengua originaria"); an empty cell means unknown.
                var array = new JsonArray();
                if (cell == "[]")
                {
                    return array;
                }

                foreach (var item in cell.Split('|', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
                {
                    array.Add(item);
                }

                return array;
            default:
                return JsonValue.Create(cell);
        }
    }

    private static void Place(JsonObject root, string column, JsonNode value)
    {
        var parts = column.Split('.', 2);
        if (parts.Length == 1)
        {
            root[column] = value;
            return;
        }

        if (root[parts[0]] is not JsonObject child)
        {
            child = new JsonObject();
            root[parts[0]] = child;
        }

        child[parts[1]] = value;
    }

    private static bool IsExtension(string column) => column.StartsWith("extensions.", StringComparison.Ordinal) && column.Length > "extensions.".Length;

    private static InputError Error(string column, string code, int line, string? source, params (string Name, object? Value)[] values) =>
        new(column, code, values.ToDictionary(v => v.Name, v => v.Value)) { Line = line, Source = source };

    private static KeyValuePair<string, Kind>[] BuildColumns()
    {
        var columns = new List<KeyValuePair<string, Kind>>
        {
            new("id", Kind.Text),
            new("nationality", Kind.Text),
            new("birthDate", Kind.Text),
            new("gender", Kind.Text),
            new("residenceUbigeo", Kind.Text),
            new("sisfoh.classification", Kind.Text),
            new("sisfoh.validUntil", Kind.Text),
            new("monthlyPerCapitaIncome", Kind.Number),
            new("basicEducation.modality", Kind.Text),
            new("basicEducation.status", Kind.Text),
            new("basicEducation.graduationYear", Kind.Integer),
            new("basicEducation.schoolUbigeo", Kind.Text),
            new("basicEducation.schoolManagement", Kind.Text),
            new("basicEducation.schoolZone", Kind.Text),
            new("basicEducation.coar", Kind.Boolean),
            new("basicEducation.academicRank", Kind.Text),
            new("basicEducation.gradeAverage", Kind.Number),
            new("higherEducation.status", Kind.Text),
            new("higherEducation.institutionType", Kind.Text),
            new("higherEducation.management", Kind.Text),
            new("higherEducation.currentCycle", Kind.Integer),
            new("higherEducation.academicRank", Kind.Text),
            new("higherEducation.degree", Kind.Text),
            new("higherEducation.workExperienceMonths", Kind.Integer),
        };
        columns.AddRange(EnumText.All<PriorityCondition>().Select(c => new KeyValuePair<string, Kind>("conditions." + c, Kind.Boolean)));
        columns.AddRange(
        [
            new("militaryServiceMonths", Kind.Integer),
            new("nativeLanguages", Kind.List),
            new("previousHigherStudies", Kind.Boolean),
            new("holdsScholarship", Kind.Boolean),
            new("interests", Kind.List),
            new("aspirations", Kind.Text),
        ]);
        return [.. columns];
    }
}
