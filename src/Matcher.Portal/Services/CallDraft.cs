using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Matcher.Portal.Services;

/// <summary>
/// A call being edited: the catalog JSON of the entry with the fields the form shows (names, year, window, criteria)
/// read and written in place; every other field is kept as it was.
/// </summary>
public sealed partial class CallDraft
{
    private readonly JsonObject _json;

    private CallDraft(JsonObject json)
    {
        _json = json;
        Criteria = CriteriaEditorModel.FromJson(json["criteria"] as JsonArray);
    }

    /// <summary>The criteria.</summary>
    public CriteriaEditorModel Criteria { get; }

    /// <summary>The call's id.</summary>
    public string Id { get => Get("id"); set => _json["id"] = value?.Trim(); }

    /// <summary>Name in Spanish.</summary>
    public string NameEs { get => GetIn("name", "es"); set => SetIn("name", "es", value); }

    /// <summary>Name in English.</summary>
    public string NameEn { get => GetIn("name", "en"); set => SetIn("name", "en", value); }

    /// <summary>The call's year.</summary>
    public int Convocatoria { get => _json["convocatoria"]?.GetValue<int>() ?? 0; set => _json["convocatoria"] = value; }

    /// <summary>First day to apply.</summary>
    public DateTime? Opens { get => Date("opens"); set => SetDate("opens", value); }

    /// <summary>Last day to apply.</summary>
    public DateTime? Closes { get => Date("closes"); set => SetDate("closes", value); }

    /// <summary>Reads an entry.</summary>
    public static CallDraft Parse(string json) => new(JsonNode.Parse(json) as JsonObject ?? throw new JsonException("A call is a JSON object."));

    /// <summary>A new call of a provider with the required fields filled with placeholders to edit.</summary>
    public static CallDraft New(string provider, int year) => new(new JsonObject
    {
        ["id"] = $"nueva-beca-{year}",
        ["program"] = "nueva-beca",
        ["provider"] = provider,
        ["name"] = new JsonObject { ["es"] = "Nueva beca", ["en"] = "New scholarship" },
        ["level"] = "undergraduate",
        ["studyCountries"] = new JsonArray("PE"),
        ["convocatoria"] = year,
        ["sourceUrl"] = "https://www.example.org/bases",
        ["sourceYear"] = year,
        ["coverage"] = new JsonObject { ["type"] = "partial", ["items"] = new JsonArray("tuition") },
        ["criteria"] = new JsonArray(),
    });

    /// <summary>The same call for the next year: new id, year + 1, no dates (they are not known yet).</summary>
    public CallDraft Renew()
    {
        var copy = (JsonObject)ToJsonObject().DeepClone();
        var year = Convocatoria;
        var id = Id;
        var yearText = year.ToString(CultureInfo.InvariantCulture);
        copy["id"] = id.Contains(yearText, StringComparison.Ordinal) ? id.Replace(yearText, (year + 1).ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal) : $"{id}-{year + 1}";
        copy["convocatoria"] = year + 1;
        copy.Remove("call");
        copy.Remove("vacancies");
        return new CallDraft(copy);
    }

    /// <summary>The entry's JSON with the edits.</summary>
    public string ToJson() => ToJsonObject().ToJsonString(new JsonSerializerOptions { WriteIndented = true });

    private JsonObject ToJsonObject()
    {
        _json["criteria"] = Criteria.ToJson();
        return _json;
    }

    private string Get(string name) => _json[name]?.GetValue<string>() ?? "";

    private string GetIn(string parent, string name) => _json[parent]?[name]?.GetValue<string>() ?? "";

    private void SetIn(string parent, string name, string? value)
    {
        if (_json[parent] is not JsonObject obj)
        {
            obj = [];
            _json[parent] = obj;
        }

        obj[name] = value;
    }

    private DateTime? Date(string name) =>
        _json["call"]?[name]?.GetValue<string>() is { } text && DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? d.ToDateTime(TimeOnly.MinValue)
            : null;

    private void SetDate(string name, DateTime? value)
    {
        if (_json["call"] is not JsonObject call)
        {
            call = [];
            _json["call"] = call;
        }

        if (value is { } v)
        {
            call[name] = DateOnly.FromDateTime(v).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        }
        else
        {
            call.Remove(name);
        }
    }
}
