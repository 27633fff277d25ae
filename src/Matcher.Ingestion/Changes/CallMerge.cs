using System.Globalization;
using System.Text.Json.Nodes;
using Matcher.Ingestion.Feeds;

namespace Matcher.Ingestion.Changes;

/// <summary>
/// Puts what a source states onto the published call, giving the draft a person reviews: the window's dates, the
/// vacancies and the requirements the parser found (each replaces the published requirement of the same type and
/// level; a new type is added). Nothing the source does not state is touched, so a parser that misses a requirement
/// never removes it; the reviewer removes requirements by hand.
/// </summary>
public static class CallMerge
{
    /// <summary>Merges a parsed draft (the <c>draft</c> object of <c>ParseResultJson</c>) onto the published call.</summary>
    /// <param name="published">The published call.</param>
    /// <param name="parsed">The parser's draft.</param>
    /// <param name="takeCriteria">Whether to take the parsed requirements.</param>
    /// <param name="takeWindow">Whether to take the parsed dates and vacancies.</param>
    /// <returns>A new object; the inputs are not changed.</returns>
    public static JsonObject Merge(JsonObject published, JsonObject parsed, bool takeCriteria = true, bool takeWindow = true)
    {
        ArgumentNullException.ThrowIfNull(published);
        ArgumentNullException.ThrowIfNull(parsed);
        var draft = (JsonObject)published.DeepClone();
        if (takeWindow)
        {
            if (parsed["call"] is JsonObject window)
            {
                var call = draft["call"] as JsonObject ?? [];
                draft["call"] = call;
                foreach (var (key, value) in window)
                {
                    if (value is not null)
                    {
                        call[key] = value.DeepClone();
                    }
                }
            }

            if (parsed["vacancies"] is JsonValue vacancies)
            {
                draft["vacancies"] = vacancies.DeepClone();
            }
        }

        if (takeCriteria && parsed["criteria"] is JsonArray { Count: > 0 } found)
        {
            var criteria = draft["criteria"] as JsonArray ?? [];
            draft["criteria"] = criteria;
            foreach (var criterion in found)
            {
                var key = CallDiff.CriterionKey(criterion);
                var index = criteria.Select((c, i) => (c, i)).Where(x => CallDiff.CriterionKey(x.c) == key).Select(x => x.i).DefaultIfEmpty(-1).First();
                var copy = criterion!.DeepClone();
                if (index >= 0)
                {
                    // Keep the curated note and source of the published requirement when the parser states the same one.
                    if (copy is JsonObject c && criteria[index] is JsonObject old)
                    {
                        foreach (var extra in new[] { "note", "source" })
                        {
                            if (c[extra] is null && old[extra] is { } kept)
                            {
                                c[extra] = kept.DeepClone();
                            }
                        }
                    }

                    criteria[index] = copy;
                }
                else
                {
                    criteria.Add(copy);
                }
            }
        }

        return draft;
    }

    /// <summary>Applies a feed row onto the published call: deadline, vacancies, name, URL, then the requirements parsed from its text.</summary>
    /// <param name="published">The published call.</param>
    /// <param name="entry">The row.</param>
    /// <param name="parsedRequirements">The parser's draft of <see cref="FeedEntry.RequirementsText"/>, when it has one.</param>
    /// <returns>A new object; the inputs are not changed.</returns>
    public static JsonObject Apply(JsonObject published, FeedEntry entry, JsonObject? parsedRequirements)
    {
        ArgumentNullException.ThrowIfNull(published);
        ArgumentNullException.ThrowIfNull(entry);
        var draft = (JsonObject)published.DeepClone();
        if (entry.Deadline is { } deadline)
        {
            var call = draft["call"] as JsonObject ?? [];
            draft["call"] = call;
            call["closes"] = deadline.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        }

        if (entry.Vacancies is { } vacancies)
        {
            draft["vacancies"] = vacancies;
        }

        if (entry.Name is { } name)
        {
            var names = draft["name"] as JsonObject ?? [];
            draft["name"] = names;
            names["es"] = name;
        }

        if (entry.Url is { } url)
        {
            draft["sourceUrl"] = url.ToString();
        }

        return parsedRequirements is null ? draft : Merge(draft, parsedRequirements, takeCriteria: true, takeWindow: false);
    }
}
