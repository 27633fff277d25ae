using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Matcher.Geography;
using Matcher.Students;

namespace Matcher.Serialization;

/// <summary>
/// Reads and writes <see cref="StudentProfile"/> in the JSON form of CONTRACT §1. Reading is strict: an unknown field,
/// a value of the wrong type, an invalid value (a grade of 25, a UBIGEO that does not exist, an impossible date, an
/// unknown enum value) is an error naming its JSON path, and every error in the document is reported at once. An
/// absent field (or <c>null</c>) is unknown. Thread-safe.
/// </summary>
public static class StudentProfileJson
{
    private static readonly string[] RootFields =
    [
        "id", "nationality", "birthDate", "gender", "residenceUbigeo", "sisfoh", "monthlyPerCapitaIncome", "basicEducation",
        "higherEducation", "conditions", "militaryServiceMonths", "nativeLanguages", "previousHigherStudies",
        "holdsScholarship", "interests", "aspirations", "extensions",
    ];

    private static readonly string[] SisfohFields = ["classification", "validUntil"];

    private static readonly string[] BasicFields =
        ["modality", "status", "graduationYear", "schoolUbigeo", "schoolManagement", "schoolZone", "coar", "academicRank", "gradeAverage"];

    private static readonly string[] HigherFields =
        ["status", "institutionType", "management", "currentCycle", "academicRank", "degree", "workExperienceMonths"];

    private static readonly string[] ConditionFields = EnumText.All<PriorityCondition>().ToArray();

    private static readonly JsonWriterOptions CompactWriter = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Longest accepted <c>id</c>.</summary>
    public const int MaxIdLength = 128;

    /// <summary>Longest accepted free text (<c>aspirations</c>).</summary>
    public const int MaxTextLength = 4000;

    /// <summary>Parses one profile.</summary>
    /// <param name="json">The JSON text.</param>
    /// <param name="source">Name of the file it came from, used in error messages.</param>
    /// <returns>The profile.</returns>
    /// <exception cref="MatcherInputException">The document is not a valid profile; every problem is listed.</exception>
    public static StudentProfile Parse(string json, string? source = null)
    {
        ArgumentNullException.ThrowIfNull(json);
        return TryParse(Encoding.UTF8.GetBytes(json), out var profile, out var errors, source)
            ? profile
            : throw new MatcherInputException(errors);
    }

    /// <summary>Parses one profile from UTF-8 bytes without throwing on bad data.</summary>
    /// <param name="utf8">The JSON document.</param>
    /// <param name="profile">The profile when valid.</param>
    /// <param name="errors">Every problem found; empty when valid.</param>
    /// <param name="source">Name of the file, used in errors.</param>
    /// <param name="line">Line of the file (JSON Lines), used in errors.</param>
    /// <returns><see langword="true"/> when the profile is valid.</returns>
    public static bool TryParse(
        ReadOnlyMemory<byte> utf8,
        [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out StudentProfile? profile,
        out IReadOnlyList<InputError> errors,
        string? source = null,
        int? line = null)
    {
        var input = new JsonInput(source, line);
        using var doc = JsonInput.Parse(utf8, input);
        profile = doc is null ? null : Read(doc.RootElement, input);
        errors = input.Errors;
        if (input.HasErrors)
        {
            profile = null;
            return false;
        }

        return profile is not null;
    }

    /// <summary>Reads one profile from a parsed element.</summary>
    /// <param name="element">The element.</param>
    /// <param name="profile">The profile when valid.</param>
    /// <param name="errors">Every problem found.</param>
    /// <param name="source">Name of the source, used in errors.</param>
    /// <param name="line">Line of the source, used in errors.</param>
    /// <returns><see langword="true"/> when valid.</returns>
    public static bool TryRead(
        JsonElement element,
        [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out StudentProfile? profile,
        out IReadOnlyList<InputError> errors,
        string? source = null,
        int? line = null)
    {
        var input = new JsonInput(source, line);
        if (JsonInput.UnreadableText(element, "$") is { } unreadable)
        {
            input.Error(unreadable, "input.invalid-text");
            profile = null;
            errors = input.Errors;
            return false;
        }

        profile = Read(element, input);
        errors = input.Errors;
        if (input.HasErrors)
        {
            profile = null;
        }

        return profile is not null;
    }

    internal static StudentProfile? Read(JsonElement root, JsonInput input)
    {
        const string P = "$";
        if (!input.Object(root, P, RootFields))
        {
            return null;
        }

        var directory = UbigeoDirectory.Default;
        var id = input.String(root, "id", P, required: true);
        if (id is { Length: > MaxIdLength })
        {
            input.Error("$.id", "input.too-long", ("max", MaxIdLength));
        }

        var nationality = input.String(root, "nationality", P);
        if (nationality is not null && !CountryCodes.IsValid(nationality))
        {
            input.Error("$.nationality", "input.invalid-country", ("value", nationality));
            nationality = null;
        }

        var aspirations = input.String(root, "aspirations", P);
        if (aspirations is { Length: > MaxTextLength })
        {
            input.Error("$.aspirations", "input.too-long", ("max", MaxTextLength));
        }

        var profile = new StudentProfile
        {
            Id = id ?? string.Empty,
            Nationality = nationality,
            BirthDate = input.Date(root, "birthDate", P),
            Gender = input.Enum<Gender>(root, "gender", P),
            ResidenceUbigeo = input.UbigeoValue(root, "residenceUbigeo", P, directory),
            Sisfoh = JsonInput.TryGet(root, "sisfoh", out var s) ? NullIfEmpty(ReadSisfoh(s, "$.sisfoh", input), new SisfohRecord()) : null,
            MonthlyPerCapitaIncome = input.Decimal(root, "monthlyPerCapitaIncome", P, 0m, 1_000_000m),
            BasicEducation = JsonInput.TryGet(root, "basicEducation", out var b) ? NullIfEmpty(ReadBasic(b, "$.basicEducation", input, directory), new BasicEducation()) : null,
            HigherEducation = JsonInput.TryGet(root, "higherEducation", out var h) ? NullIfEmpty(ReadHigher(h, "$.higherEducation", input), new HigherEducation()) : null,
            Conditions = JsonInput.TryGet(root, "conditions", out var c) ? NullIfEmpty(ReadConditions(c, "$.conditions", input), new ConditionSet()) : null,
            MilitaryServiceMonths = input.Int(root, "militaryServiceMonths", P, 0, 600),
            NativeLanguages = Normalize(input.StringArray(root, "nativeLanguages", P)),
            PreviousHigherStudies = input.Bool(root, "previousHigherStudies", P),
            HoldsScholarship = input.Bool(root, "holdsScholarship", P),
            Interests = input.StringArray(root, "interests", P),
            Aspirations = aspirations,
            Extensions = ReadExtensions(root, input),
        };
        return input.HasErrors ? null : profile;
    }

    /// <summary>An object with no known fact says nothing: it is read as absent, so every form of "unknown" is the same value.</summary>
    private static T? NullIfEmpty<T>(T? value, T empty)
        where T : class => value is null || value.Equals(empty) ? null : value;

    private static string[]? Normalize(List<string>? languages) =>
        languages?.Select(l => l.Trim().ToLowerInvariant()).Distinct(StringComparer.Ordinal).ToArray();

    private static Dictionary<string, JsonElement>? ReadExtensions(JsonElement root, JsonInput input)
    {
        if (!JsonInput.TryGet(root, "extensions", out var e))
        {
            return null;
        }

        if (e.ValueKind != JsonValueKind.Object)
        {
            input.Error("$.extensions", "input.expected-type", ("expected", "object"), ("actual", JsonInput.Kind(e)));
            return null;
        }

        var result = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var p in e.EnumerateObject())
        {
            result[p.Name] = p.Value.Clone();
        }

        return result;
    }

    private static SisfohRecord? ReadSisfoh(JsonElement e, string p, JsonInput input) =>
        input.Object(e, p, SisfohFields)
            ? new SisfohRecord
            {
                Classification = input.Enum<SisfohLevel>(e, "classification", p),
                ValidUntil = input.Date(e, "validUntil", p),
            }
            : null;

    private static BasicEducation? ReadBasic(JsonElement e, string p, JsonInput input, UbigeoDirectory directory) =>
        input.Object(e, p, BasicFields)
            ? new BasicEducation
            {
                Modality = input.Enum<EducationModality>(e, "modality", p),
                Status = input.Enum<BasicEducationStatus>(e, "status", p),
                GraduationYear = input.Int(e, "graduationYear", p, 1950, 2100),
                SchoolUbigeo = input.UbigeoValue(e, "schoolUbigeo", p, directory),
                SchoolManagement = input.Enum<Management>(e, "schoolManagement", p),
                SchoolZone = input.Enum<SchoolZone>(e, "schoolZone", p),
                Coar = input.Bool(e, "coar", p),
                AcademicRank = input.Enum<Grades.AcademicRank>(e, "academicRank", p),
                GradeAverage = input.Decimal(e, "gradeAverage", p, 0m, 20m),
            }
            : null;

    private static HigherEducation? ReadHigher(JsonElement e, string p, JsonInput input) =>
        input.Object(e, p, HigherFields)
            ? new HigherEducation
            {
                Status = input.Enum<HigherEducationStatus>(e, "status", p),
                InstitutionType = input.Enum<InstitutionType>(e, "institutionType", p),
                Management = input.Enum<Management>(e, "management", p),
                CurrentCycle = input.Int(e, "currentCycle", p, 1, 20),
                AcademicRank = input.Enum<Grades.AcademicRank>(e, "academicRank", p),
                Degree = input.Enum<Degree>(e, "degree", p),
                WorkExperienceMonths = input.Int(e, "workExperienceMonths", p, 0, 720),
            }
            : null;

    private static ConditionSet? ReadConditions(JsonElement e, string p, JsonInput input)
    {
        if (!input.Object(e, p, ConditionFields))
        {
            return null;
        }

        var set = new ConditionSet();
        foreach (var condition in Enum.GetValues<PriorityCondition>())
        {
            set = set.With(condition, input.Bool(e, EnumText.Of(condition), p));
        }

        return set;
    }

    /// <summary>Writes a profile as compact JSON, omitting unknown facts.</summary>
    /// <param name="profile">The profile.</param>
    /// <param name="indented">Whether to indent.</param>
    /// <returns>The JSON text.</returns>
    public static string Serialize(StudentProfile profile, bool indented = false)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var writer = new Utf8JsonWriter(buffer, CompactWriter with { Indented = indented }))
        {
            Write(writer, profile);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>Writes a profile, omitting unknown facts.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="profile">The profile.</param>
    public static void Write(Utf8JsonWriter writer, StudentProfile profile)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(profile);
        writer.WriteStartObject();
        writer.WriteString("id", profile.Id);
        WriteIf(writer, "nationality", profile.Nationality);
        WriteIf(writer, "birthDate", profile.BirthDate);
        WriteEnum(writer, "gender", profile.Gender);
        WriteIf(writer, "residenceUbigeo", profile.ResidenceUbigeo?.ToString());
        if (profile.Sisfoh is { } s && s != new SisfohRecord())
        {
            writer.WriteStartObject("sisfoh");
            WriteEnum(writer, "classification", s.Classification);
            WriteIf(writer, "validUntil", s.ValidUntil);
            writer.WriteEndObject();
        }

        if (profile.MonthlyPerCapitaIncome is { } income)
        {
            writer.WriteNumber("monthlyPerCapitaIncome", income);
        }

        if (profile.BasicEducation is { } b && b != new BasicEducation())
        {
            writer.WriteStartObject("basicEducation");
            WriteEnum(writer, "modality", b.Modality);
            WriteEnum(writer, "status", b.Status);
            WriteIf(writer, "graduationYear", b.GraduationYear);
            WriteIf(writer, "schoolUbigeo", b.SchoolUbigeo?.ToString());
            WriteEnum(writer, "schoolManagement", b.SchoolManagement);
            WriteEnum(writer, "schoolZone", b.SchoolZone);
            WriteIf(writer, "coar", b.Coar);
            WriteEnum(writer, "academicRank", b.AcademicRank);
            if (b.GradeAverage is { } g)
            {
                writer.WriteNumber("gradeAverage", g);
            }

            writer.WriteEndObject();
        }

        if (profile.HigherEducation is { } h && h != new HigherEducation())
        {
            writer.WriteStartObject("higherEducation");
            WriteEnum(writer, "status", h.Status);
            WriteEnum(writer, "institutionType", h.InstitutionType);
            WriteEnum(writer, "management", h.Management);
            WriteIf(writer, "currentCycle", h.CurrentCycle);
            WriteEnum(writer, "academicRank", h.AcademicRank);
            WriteEnum(writer, "degree", h.Degree);
            WriteIf(writer, "workExperienceMonths", h.WorkExperienceMonths);
            writer.WriteEndObject();
        }

        if (profile.Conditions is { } c && c != new ConditionSet())
        {
            writer.WriteStartObject("conditions");
            foreach (var condition in Enum.GetValues<PriorityCondition>())
            {
                WriteIf(writer, EnumText.Of(condition), c.Get(condition));
            }

            writer.WriteEndObject();
        }

        WriteIf(writer, "militaryServiceMonths", profile.MilitaryServiceMonths);
        WriteList(writer, "nativeLanguages", profile.NativeLanguages);
        WriteIf(writer, "previousHigherStudies", profile.PreviousHigherStudies);
        WriteIf(writer, "holdsScholarship", profile.HoldsScholarship);
        WriteList(writer, "interests", profile.Interests);
        WriteIf(writer, "aspirations", profile.Aspirations);
        if (profile.Extensions is { } ext)
        {
            writer.WriteStartObject("extensions");
            foreach (var (name, value) in ext)
            {
                writer.WritePropertyName(name);
                value.WriteTo(writer);
            }

            writer.WriteEndObject();
        }

        writer.WriteEndObject();
    }

    private static void WriteIf(Utf8JsonWriter w, string name, string? value)
    {
        if (value is not null)
        {
            w.WriteString(name, value);
        }
    }

    private static void WriteIf(Utf8JsonWriter w, string name, DateOnly? value)
    {
        if (value is { } d)
        {
            w.WriteString(name, d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }
    }

    private static void WriteIf(Utf8JsonWriter w, string name, int? value)
    {
        if (value is { } i)
        {
            w.WriteNumber(name, i);
        }
    }

    private static void WriteIf(Utf8JsonWriter w, string name, bool? value)
    {
        if (value is { } b)
        {
            w.WriteBoolean(name, b);
        }
    }

    private static void WriteEnum<T>(Utf8JsonWriter w, string name, T? value)
        where T : struct, Enum
    {
        if (value is { } v)
        {
            w.WriteString(name, EnumText.Of(v));
        }
    }

    private static void WriteList(Utf8JsonWriter w, string name, IReadOnlyList<string>? values)
    {
        if (values is null)
        {
            return;
        }

        w.WriteStartArray(name);
        foreach (var v in values)
        {
            w.WriteStringValue(v);
        }

        w.WriteEndArray();
    }
}
