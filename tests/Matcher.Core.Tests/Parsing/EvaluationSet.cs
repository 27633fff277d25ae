using System.Text.Json;
using System.Text.Json.Nodes;

namespace Matcher.Parsing;

/// <summary>The call texts of data/parsing-eval with their expected extractions, and field-level scoring.</summary>
internal static class EvaluationSet
{
    public static string Directory { get; } = Locate();

    /// <summary>The texts of one part: <c>calls</c> (the development set the rules were written against) or <c>held-out</c>.</summary>
    public static IEnumerable<(string Name, string Text, JsonObject Expected)> Calls(string part = "calls")
    {
        foreach (var file in System.IO.Directory.EnumerateFiles(Path.Combine(Directory, part), "*.expected.json").Order(StringComparer.Ordinal))
        {
            var root = JsonNode.Parse(File.ReadAllText(file))!.AsObject();
            var text = File.ReadAllText(Path.Combine(Directory, part, root["text"]!.GetValue<string>()));
            yield return (Path.GetFileName(file), text, root["expected"]!.AsObject());
        }
    }

    /// <summary>The facts of a draft as comparable tokens: one per scalar field, per list element, per criterion.</summary>
    public static HashSet<string> Facts(JsonObject draft)
    {
        var facts = new HashSet<string>(StringComparer.Ordinal);
        Flatten(draft, string.Empty, facts);
        return facts;
    }

    /// <summary>The field a token belongs to, for per-field figures: <c>criteria:age</c>, <c>call.closes</c>, <c>documents</c>.</summary>
    public static string FieldOf(string token)
    {
        var eq = token.IndexOf('=', StringComparison.Ordinal);
        var path = token[..eq];
        if (path == "criteria[]")
        {
            var type = JsonNode.Parse(token[(eq + 1)..])!["type"]!.GetValue<string>();
            return "criteria:" + type;
        }

        return path.TrimEnd(']').TrimEnd('[');
    }

    private static void Flatten(JsonNode? node, string path, HashSet<string> facts)
    {
        switch (node)
        {
            case JsonObject obj when path is "criteria[]" or "amounts[]":
                facts.Add(path + "=" + Canonical(obj));
                break;
            case JsonObject obj:
                foreach (var (key, value) in obj)
                {
                    if (key == "links")
                    {
                        continue;
                    }

                    Flatten(value, path.Length == 0 ? key : path + "." + key, facts);
                }

                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    Flatten(item, path + "[]", facts);
                }

                break;
            case JsonValue value:
                facts.Add(path + "=" + value.ToJsonString());
                break;
        }
    }

    private static string Canonical(JsonNode node) => node switch
    {
        JsonObject obj => "{" + string.Join(",", obj.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => JsonSerializer.Serialize(p.Key) + ":" + Canonical(p.Value!))) + "}",
        JsonArray arr => "[" + string.Join(",", arr.Select(x => Canonical(x!)).Order(StringComparer.Ordinal)) + "]",
        _ => node.ToJsonString(),
    };

    private static string Locate()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !System.IO.Directory.Exists(Path.Combine(dir.FullName, "data", "parsing-eval")))
        {
            dir = dir.Parent;
        }

        return dir is null
            ? throw new DirectoryNotFoundException("data/parsing-eval not found above " + AppContext.BaseDirectory)
            : Path.Combine(dir.FullName, "data", "parsing-eval");
    }
}
