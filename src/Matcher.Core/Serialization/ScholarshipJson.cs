using System.Text;
using System.Text.Json;
using Matcher.Catalog;
using Matcher.Eligibility;
using Matcher.Geography;
using Matcher.Scholarships;

namespace Matcher.Serialization;

/// <summary>Reads catalog entries (docs/catalog.md) strictly, reporting every problem with its JSON path.</summary>
public static class ScholarshipJson
{
    private static readonly string[] Fields =
    [
        "id", "program", "provider", "name", "summary", "level", "studyCountries", "convocatoria", "sourceUrl", "sourceYear",
        "sources", "call", "vacancies", "coverage", "criteria", "priorityPoints", "fields", "documents", "otherRequirements", "notes",
    ];

    private static readonly string[] SourceFields = ["url", "publisher", "date", "about"];
    private static readonly string[] CallFields = ["opens", "closes", "ageReferenceDate"];
    private static readonly string[] CoverageFields = ["type", "items", "notes"];
    private static readonly string[] TextFields = ["es", "en"];
    private static readonly string[] RubricFields = ["thirdPartyReconstruction", "source", "cap", "groups"];
    private static readonly string[] GroupFields = ["id", "label", "cap", "items"];
    private static readonly string[] ItemFields = ["when", "points", "label"];

    /// <summary>Parses one entry.</summary>
    /// <param name="json">The JSON text.</param>
    /// <param name="source">File name, used in errors.</param>
    /// <returns>The entry.</returns>
    /// <exception cref="MatcherInputException">The entry is invalid; every problem is listed.</exception>
    public static Scholarship Parse(string json, string? source = null)
    {
        ArgumentNullException.ThrowIfNull(json);
        var input = new JsonInput(source);
        using var doc = JsonInput.Parse(Encoding.UTF8.GetBytes(json), input);
        var s = doc is null ? null : Read(doc.RootElement, input);
        return input.HasErrors || s is null ? throw new MatcherInputException(input.Errors) : s;
    }

    internal static Scholarship? Read(JsonElement e, JsonInput input)
    {
        const string P = "$";
        if (!input.Object(e, P, Fields))
        {
            return null;
        }

        var id = input.String(e, "id", P, required: true);
        if (id is not null && !CatalogIds.IsKebabCase(id))
        {
            input.Error("$.id", "catalog.invalid-id", ("value", id));
        }

        var program = input.String(e, "program", P, required: true);
        if (program is not null && !CatalogIds.IsKebabCase(program))
        {
            input.Error("$.program", "catalog.invalid-id", ("value", program));
        }

        var provider = input.String(e, "provider", P, required: true);
        var name = Text(e, "name", P, input, required: true);
        var summary = Text(e, "summary", P, input);
        var level = input.Enum<ScholarshipLevel>(e, "level", P, required: true);
        var countries = input.StringArray(e, "studyCountries", P, required: true, nonEmpty: true);
        for (var i = 0; countries is not null && i < countries.Count; i++)
        {
            if (!CountryCodes.IsValid(countries[i]))
            {
                input.Error(JsonInput.Item("$.studyCountries", i), "input.invalid-country", ("value", countries[i]));
            }
        }

        var convocatoria = input.Int(e, "convocatoria", P, 2000, 2100, required: true);
        var sourceUrl = Url(input.String(e, "sourceUrl", P, required: true), "$.sourceUrl", input);
        var sourceYear = input.Int(e, "sourceYear", P, 1990, 2100, required: true);
        var sources = input.Array(e, "sources", P, (x, p) => ReadSource(x, p, input)) ?? [];
        var call = JsonInput.TryGet(e, "call", out var c) ? ReadCall(c, "$.call", input) : CallWindow.Unknown;
        var vacancies = input.Int(e, "vacancies", P, 0, 10_000_000);
        var coverage = input.Required(e, "coverage", P) is { } cov ? ReadCoverage(cov, "$.coverage", input) : null;
        List<Criterion>? criteria = null;
        if (input.Required(e, "criteria", P) is { } crit)
        {
            criteria = crit.ValueKind == JsonValueKind.Array && crit.GetArrayLength() == 0 ? [] : CriterionJson.ReadList(e, "criteria", P, input, uniqueKeys: true);
        }
        var rubric = JsonInput.TryGet(e, "priorityPoints", out var pp) ? ReadRubric(pp, "$.priorityPoints", input) : null;
        var fields = input.StringArray(e, "fields", P) ?? [];
        var documents = input.Array(e, "documents", P, (x, p) => ReadText(x, p, input)) ?? [];
        var others = input.Array(e, "otherRequirements", P, (x, p) => ReadText(x, p, input)) ?? [];
        var notes = input.StringArray(e, "notes", P) ?? [];

        if (input.HasErrors)
        {
            return null;
        }

        return new Scholarship
        {
            Id = id!,
            Program = program!,
            Provider = provider!,
            Name = name!,
            Summary = summary,
            Level = level!.Value,
            StudyCountries = countries!,
            Convocatoria = convocatoria!.Value,
            SourceUrl = sourceUrl!,
            SourceYear = sourceYear!.Value,
            Sources = sources!,
            Call = call ?? CallWindow.Unknown,
            Vacancies = vacancies,
            Coverage = coverage!,
            Criteria = criteria!,
            PriorityPoints = rubric,
            Fields = fields,
            Documents = documents!,
            OtherRequirements = others!,
            Notes = notes,
        };
    }

    private static string? Url(string? url, string path, JsonInput input)
    {
        if (url is not null && !CatalogIds.IsHttpUrl(url))
        {
            input.Error(path, "catalog.invalid-url", ("value", url));
            return null;
        }

        return url;
    }

    private static LocalizedText? Text(JsonElement e, string name, string p, JsonInput input, bool required = false)
    {
        if (!JsonInput.TryGet(e, name, out var t))
        {
            if (required)
            {
                input.Error(JsonInput.Child(p, name), "input.required", ("field", name));
            }

            return null;
        }

        return ReadText(t, JsonInput.Child(p, name), input);
    }

    private static LocalizedText? ReadText(JsonElement t, string p, JsonInput input)
    {
        if (!input.Object(t, p, TextFields))
        {
            return null;
        }

        var es = input.String(t, "es", p, required: true);
        var en = input.String(t, "en", p, required: true);
        return es is null || en is null ? null : new LocalizedText(es, en);
    }

    private static SourceReference? ReadSource(JsonElement x, string p, JsonInput input)
    {
        if (!input.Object(x, p, SourceFields))
        {
            return null;
        }

        var url = Url(input.String(x, "url", p, required: true), JsonInput.Child(p, "url"), input);
        var publisher = input.String(x, "publisher", p);
        var date = input.Date(x, "date", p);
        var about = input.String(x, "about", p);
        return url is null ? null : new SourceReference(url, publisher, date, about);
    }

    private static CallWindow? ReadCall(JsonElement c, string p, JsonInput input)
    {
        if (!input.Object(c, p, CallFields))
        {
            return null;
        }

        var opens = input.Date(c, "opens", p);
        var closes = input.Date(c, "closes", p);
        var reference = input.Date(c, "ageReferenceDate", p);
        if (opens > closes)
        {
            input.Error(JsonInput.Child(p, "closes"), "catalog.closes-before-opens", ("opens", opens), ("closes", closes));
        }

        return new CallWindow(opens, closes, reference);
    }

    private static Coverage? ReadCoverage(JsonElement c, string p, JsonInput input)
    {
        if (!input.Object(c, p, CoverageFields))
        {
            return null;
        }

        var type = input.Enum<CoverageType>(c, "type", p, required: true);
        var items = input.EnumArray<CoverageItem>(c, "items", p, required: true, nonEmpty: false);
        var notes = Text(c, "notes", p, input);
        return type is null || items is null ? null : new Coverage(type.Value, items, notes);
    }

    private static PriorityRubric? ReadRubric(JsonElement r, string p, JsonInput input)
    {
        if (!input.Object(r, p, RubricFields))
        {
            return null;
        }

        var third = input.Bool(r, "thirdPartyReconstruction", p) ?? false;
        var source = Url(input.String(r, "source", p), JsonInput.Child(p, "source"), input);
        var cap = input.Int(r, "cap", p, 0, 10_000);
        var groups = input.Array(r, "groups", p, (x, gp) => ReadGroup(x, gp, input), required: true, nonEmpty: true);
        if (groups is not null)
        {
            foreach (var duplicate in groups.GroupBy(g => g!.Id, StringComparer.Ordinal).Where(g => g.Count() > 1))
            {
                input.Error(JsonInput.Child(p, "groups"), "catalog.duplicate-group-id", ("value", duplicate.Key));
            }
        }

        return groups is null ? null : new PriorityRubric(third, source, groups!, cap);
    }

    private static PriorityGroup? ReadGroup(JsonElement g, string p, JsonInput input)
    {
        if (!input.Object(g, p, GroupFields))
        {
            return null;
        }

        var id = input.String(g, "id", p, required: true);
        if (id is not null && !CatalogIds.IsKebabCase(id))
        {
            input.Error(JsonInput.Child(p, "id"), "catalog.invalid-id", ("value", id));
        }

        var label = Text(g, "label", p, input, required: true);
        var cap = input.Int(g, "cap", p, 0, 1000);
        var items = input.Array(g, "items", p, (x, ip) => ReadItem(x, ip, input), required: true, nonEmpty: true);
        return id is null || label is null || items is null ? null : new PriorityGroup(id, label, cap, items!);
    }

    private static PriorityItem? ReadItem(JsonElement x, string p, JsonInput input)
    {
        if (!input.Object(x, p, ItemFields))
        {
            return null;
        }

        Criterion? when = input.Required(x, "when", p) is { } w ? CriterionJson.Read(w, JsonInput.Child(p, "when"), input) : null;
        var points = input.Int(x, "points", p, 1, 1000, required: true);
        var label = Text(x, "label", p, input, required: true);
        return when is null || points is null || label is null ? null : new PriorityItem(when, points.Value, label);
    }
}
