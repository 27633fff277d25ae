using System.Globalization;
using System.Text.Json.Nodes;
using Matcher.Parsing;

namespace Matcher.Portal.Services;

/// <summary>
/// The "import from text" reader on top of the core's configured call parser (the offline Spanish rules, or GPT when a
/// key is set): its draft becomes an editable catalog entry, and every issue it raised (with the quoted text it is
/// about) is listed for the provider to check. Fields the text cannot give (id, program, source URL) keep placeholders
/// that the editor asks for.
/// </summary>
internal sealed class CoreCallTextParser(IScholarshipCallParser parser, IMatcherClock clock) : IScholarshipCallTextParser
{
    private static readonly string[] Copied = ["level", "convocatoria", "studyCountries", "call", "vacancies", "coverage", "criteria", "fields"];

    public async Task<ParsedCall> ParseAsync(string text, string provider, bool english, CancellationToken cancellationToken)
    {
        var culture = english ? CultureInfo.GetCultureInfo("en") : CultureInfo.GetCultureInfo("es-PE");
        var result = await parser.ParseAsync(text, cancellationToken).ConfigureAwait(false);
        var parsed = JsonNode.Parse(ParseResultJson.Serialize(result, culture, indented: false))!;
        var draft = parsed["draft"] as JsonObject ?? [];
        var year = draft["convocatoria"]?.GetValue<int>() ?? clock.Today().Year;
        var entry = JsonNode.Parse(CallDraft.New(provider, year).ToJson())!.AsObject();
        if (draft["name"]?.GetValue<string>() is { Length: > 0 } name)
        {
            entry["name"] = new JsonObject { ["es"] = name, ["en"] = name };
            if (Slug(name) is { Length: >= 3 } slug)
            {
                entry["id"] = slug.EndsWith(year.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal) ? slug : $"{slug}-{year}";
            }
        }

        foreach (var key in Copied)
        {
            if (draft[key] is not { } value
                || (value is JsonArray { Count: 0 } && key == "studyCountries")
                || (key == "coverage" && (value["type"] is null || value["items"] is not JsonArray { Count: > 0 })))
            {
                continue;
            }

            entry[key] = value.DeepClone();
        }

        var issues = new List<string>();
        if (parsed["issues"] is JsonArray list)
        {
            foreach (var issue in list.OfType<JsonObject>())
            {
                var path = issue["path"]?.GetValue<string>();
                var message = issue["message"]?.GetValue<string>();
                issues.Add(path is null ? message ?? "" : $"{path}: {message}");
            }
        }

        issues.Add(english
            ? "Give the call's id, program and the URL of its official bases before publishing."
            : "Indique el id de la convocatoria, el programa y la URL de las bases oficiales antes de publicar.");
        return new ParsedCall(CallDraft.Parse(entry.ToJsonString()), issues);
    }

    /// <summary>A kebab-case id from a name: lower case, accents dropped, anything else a hyphen.</summary>
    private static string Slug(string name)
    {
        var plain = new System.Text.StringBuilder(name.Length);
        foreach (var c in name.Normalize(System.Text.NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            plain.Append(char.IsAsciiLetterOrDigit(c) ? char.ToLowerInvariant(c) : '-');
        }

        var slug = System.Text.RegularExpressions.Regex.Replace(plain.ToString(), "-{2,}", "-").Trim('-');
        return slug.Length > 100 ? slug[..100].TrimEnd('-') : slug;
    }
}
