using System.Buffers;
using System.Text;
using System.Text.Json;
using Matcher.Eligibility;
using Matcher.Eligibility.Criteria;
using Matcher.Geography;
using Matcher.Grades;
using Matcher.Students;

namespace Matcher.Serialization;

/// <summary>
/// Reads and writes <see cref="Criterion"/> objects in the catalog's JSON form (docs/catalog.md). Reading is strict:
/// unknown types and fields, wrong values and impossible bounds are errors with their JSON path.
/// </summary>
public static class CriterionJson
{
    private static readonly string[] Common = ["type", "id", "note", "source"];

    private static readonly Dictionary<string, string[]> FieldsByType = new(StringComparer.Ordinal)
    {
        ["nationality"] = ["in"],
        ["age"] = ["atLeast", "atMost", "lessThan", "exemptIfDisability"],
        ["sisfoh"] = ["in", "requireValid"],
        ["academicRank"] = ["level", "atLeast", "coarCounts"],
        ["gradeAverage"] = ["atLeast"],
        ["basicEducation"] = ["modalities", "statuses"],
        ["graduationYear"] = ["atLeast", "atMost"],
        ["schoolManagement"] = ["in"],
        ["schoolZone"] = ["in"],
        ["ubigeo"] = ["fact", "in"],
        ["higherEducationStatus"] = ["in"],
        ["institutionType"] = ["in"],
        ["institutionManagement"] = ["in"],
        ["currentCycle"] = ["atLeast", "atMost"],
        ["degree"] = ["in"],
        ["workExperience"] = ["atLeastMonths"],
        ["income"] = ["atMost"],
        ["militaryService"] = ["atLeastMonths"],
        ["condition"] = ["condition"],
        ["nativeLanguage"] = ["in"],
        ["gender"] = ["in"],
        ["noPreviousHigherStudies"] = [],
        ["noCurrentScholarship"] = [],
        ["allOf"] = ["criteria"],
        ["anyOf"] = ["criteria"],
        ["not"] = ["criterion"],
    };

    /// <summary>Every criterion type, as spelled in JSON.</summary>
    public static IReadOnlyCollection<string> Types => FieldsByType.Keys;

    /// <summary>Parses one criterion.</summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>The criterion.</returns>
    /// <exception cref="MatcherInputException">The text is not a valid criterion.</exception>
    public static Criterion Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        var input = new JsonInput();
        using var doc = JsonInput.Parse(Encoding.UTF8.GetBytes(json), input);
        var criterion = doc is null ? null : Read(doc.RootElement, "$", input);
        return input.HasErrors || criterion is null ? throw new MatcherInputException(input.Errors) : criterion;
    }

    /// <summary>Writes one criterion as compact JSON.</summary>
    /// <param name="criterion">The criterion.</param>
    /// <returns>The JSON text.</returns>
    public static string Serialize(Criterion criterion)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            Write(writer, criterion);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>Writes one criterion.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="criterion">The criterion.</param>
    public static void Write(Utf8JsonWriter writer, Criterion criterion)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(criterion);
        writer.WriteStartObject();
        writer.WriteString("type", criterion.Type);
        if (criterion.Id is { } id)
        {
            writer.WriteString("id", id);
        }

        criterion.WriteFields(writer);
        if (criterion.Note is { } note)
        {
            writer.WriteString("note", note);
        }

        if (criterion.Source is { } source)
        {
            writer.WriteString("source", source);
        }

        writer.WriteEndObject();
    }

    internal static Criterion? Read(JsonElement e, string p, JsonInput input)
    {
        if (e.ValueKind != JsonValueKind.Object)
        {
            input.Error(p, "input.expected-type", ("expected", "object"), ("actual", JsonInput.Kind(e)));
            return null;
        }

        var type = input.String(e, "type", p, required: true);
        if (type is null)
        {
            return null;
        }

        if (!FieldsByType.TryGetValue(type, out var fields))
        {
            input.Error(JsonInput.Child(p, "type"), "catalog.unknown-criterion-type", ("value", type), ("allowed", string.Join(", ", FieldsByType.Keys)));
            return null;
        }

        var before = input.Errors.Count;
        input.Object(e, p, [.. Common, .. fields]);
        var id = input.String(e, "id", p);
        if (id is not null && !Catalog.CatalogIds.IsKebabCase(id))
        {
            input.Error(JsonInput.Child(p, "id"), "catalog.invalid-id", ("value", id));
        }

        var source = input.String(e, "source", p);
        if (source is not null && !Catalog.CatalogIds.IsHttpUrl(source))
        {
            input.Error(JsonInput.Child(p, "source"), "catalog.invalid-url", ("value", source));
        }

        Criterion? criterion;
        try
        {
            criterion = ReadTyped(type, e, p, input);
        }
        catch (ArgumentException ex)
        {
            input.Error(p, "catalog.invalid-criterion", ("detail", ex.Message));
            criterion = null;
        }

        if (criterion is null || input.Errors.Count > before)
        {
            return null;
        }

        return criterion with { Id = id, Note = input.String(e, "note", p), Source = source };
    }

    private static Criterion? ReadTyped(string type, JsonElement e, string p, JsonInput input)
    {
        switch (type)
        {
            case "nationality":
                var countries = input.StringArray(e, "in", p, required: true, nonEmpty: true);
                if (countries is not null)
                {
                    for (var i = 0; i < countries.Count; i++)
                    {
                        if (!CountryCodes.IsValid(countries[i]))
                        {
                            input.Error(JsonInput.Item(JsonInput.Child(p, "in"), i), "input.invalid-country", ("value", countries[i]));
                        }
                    }
                }

                return countries is null ? null : new NationalityCriterion(countries);
            case "age":
                var atLeast = input.Int(e, "atLeast", p, 0, 120);
                var atMost = input.Int(e, "atMost", p, 0, 120);
                var lessThan = input.Int(e, "lessThan", p, 1, 121);
                return new AgeCriterion(atLeast, atMost, lessThan, input.Bool(e, "exemptIfDisability", p) ?? false);
            case "sisfoh":
                var levels = input.EnumArray<SisfohLevel>(e, "in", p, required: true);
                return levels is null ? null : new SisfohCriterion(levels, input.Bool(e, "requireValid", p) ?? true);
            case "academicRank":
                var level = input.Enum<EducationLevel>(e, "level", p, required: true);
                var rank = input.Enum<AcademicRank>(e, "atLeast", p, required: true);
                return level is null || rank is null ? null : new AcademicRankCriterion(level.Value, rank.Value, input.Bool(e, "coarCounts", p) ?? false);
            case "gradeAverage":
                var grade = input.Decimal(e, "atLeast", p, 0m, 20m, required: true);
                return grade is null ? null : new GradeAverageCriterion(grade.Value);
            case "basicEducation":
                return new BasicEducationCriterion(
                    input.EnumArray<EducationModality>(e, "modalities", p),
                    input.EnumArray<BasicEducationStatus>(e, "statuses", p));
            case "graduationYear":
                return new GraduationYearCriterion(input.Int(e, "atLeast", p, 1950, 2100), input.Int(e, "atMost", p, 1950, 2100));
            case "schoolManagement":
                return Set<Management>(e, p, input, v => new SchoolManagementCriterion(v));
            case "schoolZone":
                return Set<SchoolZone>(e, p, input, v => new SchoolZoneCriterion(v));
            case "ubigeo":
                var fact = input.Enum<UbigeoFact>(e, "fact", p, required: true);
                var areas = input.Array(e, "in", p, (x, ip) => Area(x, ip, input), required: true, nonEmpty: true);
                return fact is null || areas is null ? null : new UbigeoCriterion(fact.Value, areas.Select(a => a!.Value).ToArray());
            case "higherEducationStatus":
                return Set<HigherEducationStatus>(e, p, input, v => new HigherEducationStatusCriterion(v));
            case "institutionType":
                return Set<InstitutionType>(e, p, input, v => new InstitutionTypeCriterion(v));
            case "institutionManagement":
                return Set<Management>(e, p, input, v => new InstitutionManagementCriterion(v));
            case "currentCycle":
                return new CurrentCycleCriterion(input.Int(e, "atLeast", p, 1, 20), input.Int(e, "atMost", p, 1, 20));
            case "degree":
                return Set<Degree>(e, p, input, v => new DegreeCriterion(v));
            case "workExperience":
                var work = input.Int(e, "atLeastMonths", p, 0, 720, required: true);
                return work is null ? null : new WorkExperienceCriterion(work.Value);
            case "income":
                var income = input.Decimal(e, "atMost", p, 0m, 1_000_000m, required: true);
                return income is null ? null : new IncomeCriterion(income.Value);
            case "militaryService":
                var months = input.Int(e, "atLeastMonths", p, 0, 600, required: true);
                return months is null ? null : new MilitaryServiceCriterion(months.Value);
            case "condition":
                var condition = input.Enum<PriorityCondition>(e, "condition", p, required: true);
                return condition is null ? null : new ConditionCriterion(condition.Value);
            case "nativeLanguage":
                var languages = input.StringArray(e, "in", p, nonEmpty: true);
                if (languages?.Any(l => !string.Equals(l, l.ToLowerInvariant(), StringComparison.Ordinal)) == true)
                {
                    input.Error(JsonInput.Child(p, "in"), "catalog.lowercase-required");
                }

                return new NativeLanguageCriterion(languages);
            case "gender":
                return Set<Gender>(e, p, input, v => new GenderCriterion(v));
            case "noPreviousHigherStudies":
                return new NoPreviousHigherStudiesCriterion();
            case "noCurrentScholarship":
                return new NoCurrentScholarshipCriterion();
            case "allOf":
            case "anyOf":
                var nested = ReadList(e, "criteria", p, input);
                return nested is null ? null : type == "allOf" ? new AllOfCriterion(nested) : new AnyOfCriterion(nested);
            case "not":
                var inner = input.Required(e, "criterion", p) is { } ie ? Read(ie, JsonInput.Child(p, "criterion"), input) : null;
                return inner is null ? null : new NotCriterion(inner);
            default:
                return null;
        }
    }

    /// <summary>Reads an array of criteria, checking that ids are unique within it.</summary>
    internal static List<Criterion>? ReadList(JsonElement e, string name, string p, JsonInput input, bool required = true, bool uniqueKeys = false)
    {
        var list = input.Array(e, name, p, (x, ip) => Read(x, ip, input), required, nonEmpty: true);
        if (list is null)
        {
            return null;
        }

        // Reasons name top-level criteria by key (id, else type), so keys must be unique there; nested ones only need unique explicit ids.
        var keys = uniqueKeys ? list.Select(c => c.Key) : list.Where(c => c.Id is not null).Select(c => c.Id!);
        foreach (var duplicate in keys.GroupBy(k => k, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            input.Error(JsonInput.Child(p, name), "catalog.duplicate-criterion-id", ("value", duplicate.Key));
        }

        return list;
    }

    private static SetCriterion<T>? Set<T>(JsonElement e, string p, JsonInput input, Func<IReadOnlyList<T>, SetCriterion<T>> create)
        where T : struct, Enum
    {
        var values = input.EnumArray<T>(e, "in", p, required: true);
        return values is null ? null : create(values);
    }

    private static UbigeoArea? Area(JsonElement x, string ip, JsonInput input)
    {
        var s = input.StringValue(x, ip);
        if (s is null)
        {
            return null;
        }

        if (!UbigeoArea.TryParse(s, out var area))
        {
            input.Error(ip, "input.invalid-ubigeo-area", ("value", s));
            return null;
        }

        if (!UbigeoDirectory.Default.Contains(area))
        {
            input.Error(ip, "input.unknown-ubigeo", ("value", s));
            return null;
        }

        return area;
    }
}
