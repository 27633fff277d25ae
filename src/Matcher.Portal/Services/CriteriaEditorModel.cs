using System.Globalization;
using System.Text.Json.Nodes;

namespace Matcher.Portal.Services;

/// <summary>How a criterion field is edited.</summary>
public enum CriterionFieldKind
{
    /// <summary>A number.</summary>
    Number,

    /// <summary>A yes/no switch.</summary>
    Flag,

    /// <summary>Several values from a fixed list.</summary>
    Set,

    /// <summary>One value from a fixed list.</summary>
    Choice,

    /// <summary>Several free words (codes, names), separated by commas.</summary>
    Words,
}

/// <summary>One field of a criterion type (docs/catalog.md, "Criteria").</summary>
/// <param name="Name">The JSON field name.</param>
/// <param name="Kind">How it is edited.</param>
/// <param name="Es">Label in Spanish.</param>
/// <param name="En">Label in English.</param>
/// <param name="Values">The allowed values of a set or choice.</param>
public sealed record CriterionField(string Name, CriterionFieldKind Kind, string Es, string En, IReadOnlyList<string>? Values = null);

/// <summary>A criterion type the editor knows, with its fields.</summary>
/// <param name="Type">The JSON <c>type</c>.</param>
/// <param name="Es">Name in Spanish.</param>
/// <param name="En">Name in English.</param>
/// <param name="Fields">Its fields.</param>
public sealed record CriterionType(string Type, string Es, string En, IReadOnlyList<CriterionField> Fields);

/// <summary>One criterion being edited: a known type with typed fields, or a nested one kept as it is.</summary>
public sealed class CriterionRow
{
    internal CriterionRow(string type) => Type = type;

    /// <summary>The criterion type.</summary>
    public string Type { get; }

    /// <summary>The explicit id, if any.</summary>
    public string? Id { get; set; }

    /// <summary>Numbers by field name.</summary>
    public Dictionary<string, double?> Numbers { get; } = new(StringComparer.Ordinal);

    /// <summary>Switches by field name.</summary>
    public Dictionary<string, bool> Flags { get; } = new(StringComparer.Ordinal);

    /// <summary>Selected values by field name (sets, choices and words).</summary>
    public Dictionary<string, List<string>> Lists { get; } = new(StringComparer.Ordinal);

    /// <summary>A composite criterion (<c>allOf</c>, <c>anyOf</c>, <c>not</c>) or an unknown type, kept unchanged.</summary>
    public JsonObject? Kept { get; internal set; }

    /// <summary>Fields of this criterion (none when kept).</summary>
    public CriterionType? Definition => CriteriaEditorModel.Find(Type);

    /// <summary>Words of a field as one comma-separated text.</summary>
    public string WordsText(string field) => Lists.TryGetValue(field, out var list) ? string.Join(", ", list) : "";

    /// <summary>Sets the words of a field from a comma-separated text.</summary>
    public void SetWords(string field, string? text) =>
        Lists[field] = (text ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
}

/// <summary>
/// The structured criteria editor's model: the <c>criteria</c> array of a catalog entry as rows with typed fields, so
/// that providers never edit JSON. Nested criteria are shown and kept unchanged. The catalog's own validation
/// (ScholarshipJson) still runs on save; <see cref="Validate"/> catches the common mistakes first.
/// </summary>
public sealed class CriteriaEditorModel
{
    private static readonly string[] Ranks = ["firstPlace", "secondPlace", "topTenth", "topFifth", "topThird", "topHalf", "belowHalf"];

    /// <summary>The criterion types the editor offers.</summary>
    public static IReadOnlyList<CriterionType> Types { get; } =
    [
        new("nationality", "Nacionalidad", "Nationality", [new("in", CriterionFieldKind.Words, "Países (códigos ISO, p. ej. PE)", "Countries (ISO codes, e.g. PE)")]),
        new("age", "Edad", "Age",
        [
            new("atLeast", CriterionFieldKind.Number, "Edad mínima", "Minimum age"),
            new("lessThan", CriterionFieldKind.Number, "Menor de", "Younger than"),
            new("atMost", CriterionFieldKind.Number, "Edad máxima", "Maximum age"),
            new("exemptIfDisability", CriterionFieldKind.Flag, "Sin límite para personas con discapacidad", "No limit for people with disabilities"),
        ]),
        new("sisfoh", "Clasificación SISFOH", "SISFOH classification",
        [
            new("in", CriterionFieldKind.Set, "Clasificaciones", "Classifications", ["extremePoor", "poor", "notPoor"]),
            new("requireValid", CriterionFieldKind.Flag, "Debe estar vigente", "Must be valid"),
        ]),
        new("academicRank", "Rendimiento académico", "Academic rank",
        [
            new("level", CriterionFieldKind.Choice, "Nivel", "Level", ["basic", "higher"]),
            new("atLeast", CriterionFieldKind.Choice, "Al menos", "At least", Ranks),
            new("coarCounts", CriterionFieldKind.Flag, "Un COAR también cumple", "A COAR school also passes"),
        ]),
        new("gradeAverage", "Promedio de notas", "Grade average", [new("atLeast", CriterionFieldKind.Number, "Promedio mínimo (0–20)", "Minimum average (0–20)")]),
        new("basicEducation", "Secundaria", "Secondary school",
        [
            new("modalities", CriterionFieldKind.Set, "Modalidades", "Modalities", ["ebr", "eba", "ebe"]),
            new("statuses", CriterionFieldKind.Set, "Situación", "Status", ["inLastGrade", "graduated", "notCompleted"]),
        ]),
        new("graduationYear", "Año de egreso", "Graduation year",
        [
            new("atLeast", CriterionFieldKind.Number, "Desde", "From"),
            new("atMost", CriterionFieldKind.Number, "Hasta", "To"),
        ]),
        new("schoolManagement", "Gestión del colegio", "School management", [new("in", CriterionFieldKind.Set, "Gestión", "Management", ["public", "private"])]),
        new("schoolZone", "Ámbito del colegio", "School area", [new("in", CriterionFieldKind.Set, "Ámbitos", "Areas", ["vraem", "huallaga"])]),
        new("ubigeo", "Lugar (ubigeo)", "Place (ubigeo)",
        [
            new("fact", CriterionFieldKind.Choice, "De", "Of", ["residence", "school"]),
            new("in", CriterionFieldKind.Words, "Códigos INEI (2, 4 o 6 dígitos)", "INEI codes (2, 4 or 6 digits)"),
        ]),
        new("higherEducationStatus", "Estudios superiores", "Higher education status", [new("in", CriterionFieldKind.Set, "Situación", "Status", ["none", "admitted", "enrolled", "graduated"])]),
        new("institutionType", "Tipo de institución", "Institution type", [new("in", CriterionFieldKind.Set, "Tipos", "Types", ["university", "institute", "pedagogicalSchool", "technologicalSchool", "cetpro"])]),
        new("institutionManagement", "Gestión de la institución", "Institution management", [new("in", CriterionFieldKind.Set, "Gestión", "Management", ["public", "private"])]),
        new("currentCycle", "Ciclo actual", "Current cycle",
        [
            new("atLeast", CriterionFieldKind.Number, "Desde el ciclo", "From cycle"),
            new("atMost", CriterionFieldKind.Number, "Hasta el ciclo", "To cycle"),
        ]),
        new("degree", "Grado", "Degree", [new("in", CriterionFieldKind.Set, "Grados", "Degrees", ["none", "technician", "bachelor", "professionalTitle", "master", "doctorate"])]),
        new("workExperience", "Experiencia laboral", "Work experience", [new("atLeastMonths", CriterionFieldKind.Number, "Meses como mínimo", "At least months")]),
        new("income", "Ingreso por persona", "Income per person", [new("atMost", CriterionFieldKind.Number, "Máximo (S/ al mes)", "At most (PEN a month)")]),
        new("militaryService", "Servicio militar", "Military service", [new("atLeastMonths", CriterionFieldKind.Number, "Meses como mínimo", "At least months")]),
        new("condition", "Condición acreditada", "Accredited condition",
        [
            new("condition", CriterionFieldKind.Choice, "Condición", "Condition",
                ["disability", "amazonianNativeCommunity", "afroPeruvian", "familyProtection", "violenceVictimRegistry", "firefighter", "volunteer", "orphanhoodLaw31405", "heavyMetalsExposure", "communityHealthAgent", "teacherParentCpm"]),
        ]),
        new("nativeLanguage", "Lengua originaria", "Indigenous language", [new("in", CriterionFieldKind.Words, "Lenguas (vacío: cualquiera)", "Languages (empty: any)")]),
        new("gender", "Género", "Gender", [new("in", CriterionFieldKind.Set, "Géneros", "Genders", ["female", "male", "other"])]),
        new("noPreviousHigherStudies", "Sin estudios superiores previos", "No previous higher studies", []),
        new("noCurrentScholarship", "Sin otra beca", "No other scholarship", []),
    ];

    /// <summary>The criteria, in order.</summary>
    public List<CriterionRow> Rows { get; } = [];

    /// <summary>The definition of a type, if the editor knows it.</summary>
    public static CriterionType? Find(string type) => Types.FirstOrDefault(t => string.Equals(t.Type, type, StringComparison.Ordinal));

    /// <summary>Reads a <c>criteria</c> array.</summary>
    public static CriteriaEditorModel FromJson(JsonArray? criteria)
    {
        var model = new CriteriaEditorModel();
        foreach (var node in criteria ?? [])
        {
            if (node is not JsonObject obj)
            {
                continue;
            }

            var type = obj["type"]?.GetValue<string>() ?? "";
            var row = new CriterionRow(type) { Id = obj["id"]?.GetValue<string>() };
            if (Find(type) is not { } definition)
            {
                row.Kept = (JsonObject)obj.DeepClone();
                model.Rows.Add(row);
                continue;
            }

            foreach (var field in definition.Fields)
            {
                var value = obj[field.Name];
                switch (field.Kind)
                {
                    case CriterionFieldKind.Number:
                        row.Numbers[field.Name] = value?.GetValue<double>();
                        break;
                    case CriterionFieldKind.Flag:
                        row.Flags[field.Name] = value?.GetValue<bool>() ?? DefaultFlag(type, field.Name);
                        break;
                    case CriterionFieldKind.Choice:
                        row.Lists[field.Name] = value is null ? [] : [value.GetValue<string>()];
                        break;
                    default:
                        row.Lists[field.Name] = value is JsonArray items ? items.Select(i => i!.GetValue<string>()).ToList() : [];
                        break;
                }
            }

            // Fields the editor does not show (note, source) survive the round trip.
            var extra = new JsonObject();
            foreach (var (name, value) in obj)
            {
                if (name is not ("type" or "id") && definition.Fields.All(f => f.Name != name))
                {
                    extra[name] = value?.DeepClone();
                }
            }

            row.Kept = extra.Count > 0 ? extra : null;
            model.Rows.Add(row);
        }

        return model;
    }

    /// <summary>Adds a criterion of a known type with its defaults.</summary>
    public CriterionRow Add(string type)
    {
        var definition = Find(type) ?? throw new ArgumentException($"Unknown criterion type '{type}'.", nameof(type));
        var row = new CriterionRow(type);
        foreach (var field in definition.Fields)
        {
            switch (field.Kind)
            {
                case CriterionFieldKind.Number:
                    row.Numbers[field.Name] = null;
                    break;
                case CriterionFieldKind.Flag:
                    row.Flags[field.Name] = DefaultFlag(type, field.Name);
                    break;
                default:
                    row.Lists[field.Name] = [];
                    break;
            }
        }

        Rows.Add(row);
        return row;
    }

    /// <summary>Removes a criterion.</summary>
    public void Remove(CriterionRow row) => Rows.Remove(row);

    /// <summary>Moves a criterion one place up.</summary>
    public void MoveUp(CriterionRow row)
    {
        var i = Rows.IndexOf(row);
        if (i > 0)
        {
            (Rows[i - 1], Rows[i]) = (Rows[i], Rows[i - 1]);
        }
    }

    /// <summary>The <c>criteria</c> array.</summary>
    public JsonArray ToJson()
    {
        var array = new JsonArray();
        foreach (var row in Rows)
        {
            array.Add(ToJson(row));
        }

        return array;
    }

    /// <summary>Mistakes the editor can name before the catalog's validation runs, as (row index, message) pairs.</summary>
    public IReadOnlyList<(int Row, string Message)> Validate(bool english)
    {
        var problems = new List<(int, string)>();
        var keys = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < Rows.Count; i++)
        {
            var row = Rows[i];
            var key = string.IsNullOrWhiteSpace(row.Id) ? row.Type : row.Id;
            if (!keys.Add(key))
            {
                problems.Add((i, english ? $"Two criteria have the key '{key}'; give one an id." : $"Dos requisitos tienen la clave '{key}'; dé un id a uno."));
            }

            if (row.Definition is not { } definition || (row.Kept is not null && row.Kept.ContainsKey("criteria")))
            {
                continue;
            }

            var numbers = definition.Fields.Where(f => f.Kind == CriterionFieldKind.Number).ToList();
            if (numbers.Count > 0 && numbers.All(f => row.Numbers.GetValueOrDefault(f.Name) is null) && row.Type != "nativeLanguage")
            {
                problems.Add((i, english ? $"{definition.En}: give at least one bound." : $"{definition.Es}: indique al menos un límite."));
            }

            foreach (var field in definition.Fields.Where(f => f.Kind is CriterionFieldKind.Set or CriterionFieldKind.Choice))
            {
                if (row.Lists.GetValueOrDefault(field.Name) is not { Count: > 0 } && !(row.Type == "basicEducation" && row.Lists.Values.Any(l => l.Count > 0)))
                {
                    problems.Add((i, english ? $"{definition.En}: choose {field.En.ToLowerInvariant()}." : $"{definition.Es}: elija {field.Es.ToLowerInvariant()}."));
                }
            }

            if (row.Type == "age" && row.Numbers.GetValueOrDefault("atMost") is not null && row.Numbers.GetValueOrDefault("lessThan") is not null)
            {
                problems.Add((i, english ? "Age: give either a maximum age or \"younger than\", not both." : "Edad: indique edad máxima o \"menor de\", no ambas."));
            }

            foreach (var field in numbers)
            {
                if (row.Numbers.GetValueOrDefault(field.Name) is < 0)
                {
                    problems.Add((i, english ? $"{definition.En}: {field.En} cannot be negative." : $"{definition.Es}: {field.Es} no puede ser negativo."));
                }
            }
        }

        return problems;
    }

    private static JsonObject ToJson(CriterionRow row)
    {
        if (row.Definition is not { } definition)
        {
            return (JsonObject)row.Kept!.DeepClone();
        }

        var obj = new JsonObject { ["type"] = row.Type };
        if (!string.IsNullOrWhiteSpace(row.Id))
        {
            obj["id"] = row.Id.Trim();
        }

        foreach (var field in definition.Fields)
        {
            switch (field.Kind)
            {
                case CriterionFieldKind.Number when row.Numbers.GetValueOrDefault(field.Name) is { } number:
                    obj[field.Name] = IsWhole(field.Name, row.Type) ? JsonValue.Create((int)Math.Round(number)) : JsonValue.Create(number);
                    break;
                case CriterionFieldKind.Flag:
                    var flag = row.Flags.GetValueOrDefault(field.Name, DefaultFlag(row.Type, field.Name));
                    if (flag != DefaultFlag(row.Type, field.Name))
                    {
                        obj[field.Name] = flag;
                    }

                    break;
                case CriterionFieldKind.Choice when row.Lists.GetValueOrDefault(field.Name) is { Count: > 0 } choice:
                    obj[field.Name] = choice[0];
                    break;
                case CriterionFieldKind.Set or CriterionFieldKind.Words when row.Lists.GetValueOrDefault(field.Name) is { Count: > 0 } list:
                    obj[field.Name] = new JsonArray(list.Distinct(StringComparer.Ordinal).Select(v => (JsonNode)JsonValue.Create(v)!).ToArray());
                    break;
            }
        }

        foreach (var (name, value) in row.Kept ?? [])
        {
            obj[name] = value?.DeepClone();
        }

        return obj;
    }

    private static bool IsWhole(string field, string type) => type is not ("gradeAverage" or "income");

    private static bool DefaultFlag(string type, string field) => type == "sisfoh" && field == "requireValid";

    /// <summary>A kept criterion in words, for the row's summary.</summary>
    public static string Describe(CriterionRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return row.Kept is null ? row.Type : row.Kept.ToJsonString().Length > 160
            ? string.Create(CultureInfo.InvariantCulture, $"{row.Type} ({row.Kept["criteria"]?.AsArray().Count ?? 1} …)")
            : row.Kept.ToJsonString();
    }
}
