using System.Text.Json.Nodes;

namespace Matcher.Ingestion.Changes;

/// <summary>
/// The field-by-field difference between two versions of a call in catalog JSON (docs/catalog.md): the window's dates
/// one by one (a moved deadline is <c>$.call.closes</c>), localized texts by language, requirements by their type (and
/// level) so that an added, removed or changed requirement is one entry, and every other field as a whole.
/// </summary>
public static class CallDiff
{
    /// <summary>Compares two versions.</summary>
    /// <param name="before">The published version.</param>
    /// <param name="after">The draft.</param>
    /// <returns>The differences, in field order; empty when the two are equal.</returns>
    public static IReadOnlyList<FieldChange> Compare(JsonObject before, JsonObject after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var changes = new List<FieldChange>();
        var keys = before.Select(p => p.Key).Concat(after.Select(p => p.Key)).Distinct(StringComparer.Ordinal);
        foreach (var key in keys)
        {
            var a = before[key];
            var b = after[key];
            switch (key)
            {
                case "criteria":
                    CompareCriteria(a as JsonArray, b as JsonArray, changes);
                    break;
                case "call" or "name" or "summary" when (a is null or JsonObject) && (b is null or JsonObject):
                    CompareMembers($"$.{key}", a as JsonObject, b as JsonObject, changes);
                    break;
                default:
                    Compare($"$.{key}", a, b, changes);
                    break;
            }
        }

        return changes;
    }

    /// <summary>The key a requirement is matched by: its type, plus its level or field when it has one.</summary>
    /// <param name="criterion">The requirement's JSON.</param>
    /// <returns>The key, e.g. <c>age</c> or <c>academicRank/higher</c>.</returns>
    public static string CriterionKey(JsonNode? criterion)
    {
        var type = criterion?["type"]?.ToString() ?? "?";
        var qualifier = criterion?["level"]?.ToString() ?? criterion?["field"]?.ToString();
        return qualifier is null ? type : $"{type}/{qualifier}";
    }

    private static void CompareMembers(string path, JsonObject? a, JsonObject? b, List<FieldChange> changes)
    {
        var keys = (a?.Select(p => p.Key) ?? []).Concat(b?.Select(p => p.Key) ?? []).Distinct(StringComparer.Ordinal);
        foreach (var key in keys)
        {
            Compare($"{path}.{key}", a?[key], b?[key], changes);
        }
    }

    private static void CompareCriteria(JsonArray? a, JsonArray? b, List<FieldChange> changes)
    {
        var before = Group(a);
        var after = Group(b);
        foreach (var key in before.Keys.Concat(after.Keys).Distinct(StringComparer.Ordinal))
        {
            var x = before.GetValueOrDefault(key) ?? [];
            var y = after.GetValueOrDefault(key) ?? [];
            for (var i = 0; i < Math.Max(x.Count, y.Count); i++)
            {
                var path = Math.Max(x.Count, y.Count) > 1 ? $"$.criteria[{key}#{i + 1}]" : $"$.criteria[{key}]";
                Compare(path, i < x.Count ? x[i] : null, i < y.Count ? y[i] : null, changes);
            }
        }
    }

    private static Dictionary<string, List<JsonNode?>> Group(JsonArray? criteria)
    {
        var groups = new Dictionary<string, List<JsonNode?>>(StringComparer.Ordinal);
        foreach (var criterion in criteria ?? [])
        {
            var key = CriterionKey(criterion);
            if (!groups.TryGetValue(key, out var list))
            {
                groups[key] = list = [];
            }

            list.Add(criterion);
        }

        return groups;
    }

    private static void Compare(string path, JsonNode? a, JsonNode? b, List<FieldChange> changes)
    {
        if (a is null && b is null)
        {
            return;
        }

        if (a is null)
        {
            changes.Add(new FieldChange(path, FieldChangeKind.Added, null, b!.ToJsonString()));
        }
        else if (b is null)
        {
            changes.Add(new FieldChange(path, FieldChangeKind.Removed, a.ToJsonString(), null));
        }
        else if (!JsonNode.DeepEquals(a, b))
        {
            changes.Add(new FieldChange(path, FieldChangeKind.Changed, a.ToJsonString(), b.ToJsonString()));
        }
    }
}
