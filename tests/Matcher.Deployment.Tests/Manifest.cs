using System.Globalization;
using System.Text.Json.Nodes;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Matcher.Deployment;

/// <summary>Rendered manifests as JSON nodes, with the lookups the invariant tests need.</summary>
internal static class Manifest
{
    /// <summary>Parses a multi-document YAML stream; plain scalars become numbers, booleans or null as YAML 1.2 core says.</summary>
    public static IReadOnlyList<JsonObject> Parse(string yaml)
    {
        var stream = new YamlStream();
        using (var reader = new StringReader(yaml))
        {
            stream.Load(reader);
        }

        return stream.Documents
            .Select(d => ToJson(d.RootNode))
            .Select((node, i) => node as JsonObject ?? throw new InvalidDataException($"document {i + 1} is not a mapping"))
            .ToArray();
    }

    public static string Kind(this JsonObject o) => (string)o["kind"]!;

    public static string Name(this JsonObject o) => (string)o["metadata"]!["name"]!;

    public static IEnumerable<JsonObject> OfKind(this IEnumerable<JsonObject> objects, string kind) =>
        objects.Where(o => o.Kind() == kind);

    public static JsonObject Single(this IEnumerable<JsonObject> objects, string kind, string name) =>
        objects.OfKind(kind).Single(o => o.Name() == name);

    /// <summary>The pod specs of Deployments, Jobs and bare Pods, each with the name of its owner.</summary>
    public static IEnumerable<(string Owner, JsonObject Spec)> PodSpecs(this IEnumerable<JsonObject> objects)
    {
        foreach (var o in objects)
        {
            var spec = o.Kind() switch
            {
                "Deployment" or "StatefulSet" or "DaemonSet" or "Job" => o["spec"]!["template"]!["spec"],
                "CronJob" => o["spec"]!["jobTemplate"]!["spec"]!["template"]!["spec"],
                "Pod" => o["spec"],
                _ => null,
            };
            if (spec is JsonObject podSpec)
            {
                yield return ($"{o.Kind()}/{o.Name()}", podSpec);
            }
        }
    }

    /// <summary>The pod spec of one workload object.</summary>
    public static JsonObject PodSpec(this JsonObject workload) => new[] { workload }.PodSpecs().Single().Spec;

    /// <summary>Init and regular containers of a pod spec.</summary>
    public static IEnumerable<JsonObject> Containers(this JsonObject podSpec) =>
        new[] { podSpec["initContainers"], podSpec["containers"] }
            .OfType<JsonArray>()
            .SelectMany(a => a)
            .Cast<JsonObject>();

    /// <summary>The container's environment variable, or null.</summary>
    public static JsonObject? Env(this JsonObject container, string name) =>
        (container["env"] as JsonArray)?.Cast<JsonObject>().SingleOrDefault(e => (string?)e["name"] == name);

    /// <summary>True when every label of <paramref name="selector"/> is on <paramref name="labels"/> with the same value.</summary>
    public static bool Selects(JsonObject selector, JsonObject labels) =>
        selector.Count > 0 && selector.All(kv => labels[kv.Key] is JsonNode v && (string?)v == (string?)kv.Value);

    private static JsonNode? ToJson(YamlNode node) => node switch
    {
        YamlMappingNode map => new JsonObject(map.Children.Select(kv =>
            KeyValuePair.Create(((YamlScalarNode)kv.Key).Value ?? string.Empty, ToJson(kv.Value)))),
        YamlSequenceNode sequence => new JsonArray(sequence.Children.Select(ToJson).ToArray()),
        YamlScalarNode scalar => Scalar(scalar),
        _ => throw new InvalidDataException($"unsupported YAML node {node.NodeType} at {node.Start}"),
    };

    private static JsonValue? Scalar(YamlScalarNode scalar)
    {
        var value = scalar.Value ?? string.Empty;
        if (scalar.Style != ScalarStyle.Plain)
        {
            return JsonValue.Create(value);
        }

        return value switch
        {
            "" or "~" or "null" => null,
            "true" => JsonValue.Create(true),
            "false" => JsonValue.Create(false),
            _ when long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number) => JsonValue.Create(number),
            _ when double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var real) => JsonValue.Create(real),
            _ => JsonValue.Create(value),
        };
    }
}
