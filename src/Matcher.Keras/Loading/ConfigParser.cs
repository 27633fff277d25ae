using System.Text.Json;

namespace Matcher.Keras.Loading;

/// <summary>
/// Reads <c>config.json</c> / <c>model_config</c> into a <see cref="ModelGraph"/>, normalising the differences between
/// Keras 2 and Keras 3 (FORMAT-NOTES §2c): Sequential as a bare list or <c>{"layers"}</c>, implicit inputs from
/// <c>batch_input_shape</c>, list-style and <c>{"args","kwargs"}</c> nodes, flat or nested <c>input_layers</c>.
/// </summary>
internal static class ConfigParser
{
    public static ModelGraph Parse(JsonElement root, string source, string kerasVersion)
    {
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("class_name", out var cls) || cls.ValueKind != JsonValueKind.String)
        {
            throw new KerasModelException($"{source}: the model config has no 'class_name' (Keras {kerasVersion}).") { KerasVersion = kerasVersion };
        }

        var className = cls.GetString()!;
        var config = root.TryGetProperty("config", out var c) ? c : default;
        return className switch
        {
            "Sequential" => Sequential(config, source),
            "Functional" or "Model" when config.ValueKind == JsonValueKind.Object && config.TryGetProperty("layers", out _) => Functional(className, config),
            _ => throw Subclassed(root, className, source, kerasVersion),
        };
    }

    private static KerasModelException Subclassed(JsonElement root, string className, string source, string kerasVersion)
    {
        var registered = root.TryGetProperty("registered_name", out var r) && r.ValueKind == JsonValueKind.String ? r.GetString() : null;
        var what = registered is null ? $"'{className}'" : $"'{className}' (registered as '{registered}')";
        return new KerasModelException(
            $"{source}: the model is a custom or subclassed model {what}, saved by Keras {kerasVersion}; its config has no layer graph, "
            + "so it cannot run outside Python. Rebuild it with the Sequential or Functional API and save it again.")
        {
            KerasVersion = kerasVersion,
            UnsupportedLayers = [$"{className} (subclassed model)"],
        };
    }

    private static ModelGraph Sequential(JsonElement config, string source)
    {
        JsonElement layers;
        string? name = null;
        JsonElement buildShape = default;
        if (config.ValueKind == JsonValueKind.Array)
        {
            layers = config;
        }
        else if (config.ValueKind == JsonValueKind.Object && config.TryGetProperty("layers", out layers) && layers.ValueKind == JsonValueKind.Array)
        {
            name = config.TryGetProperty("name", out var n) ? n.GetString() : null;
            config.TryGetProperty("build_input_shape", out buildShape);
        }
        else
        {
            throw new KerasModelException($"{source}: Sequential config has no 'layers' list.");
        }

        var specs = new List<LayerSpec>();
        string? previous = null;
        foreach (var layer in layers.EnumerateArray())
        {
            var (cls, module, registered, layerConfig) = Envelope(layer);
            var layerName = LayerName(layer, layerConfig, specs.Count);
            if (previous is null && cls != "InputLayer")
            {
                // Keras 2 without an InputLayer entry: the first layer carries the batch shape (FORMAT-NOTES §2c).
                var shape = layerConfig.TryGetProperty("batch_input_shape", out var bis) ? bis
                    : layerConfig.TryGetProperty("batch_shape", out var bs) ? bs
                    : buildShape;
                if (shape.ValueKind != JsonValueKind.Array)
                {
                    throw new KerasModelException($"{source}: the first layer '{layerName}' has no input shape (batch_input_shape).");
                }

                var dtype = layerConfig.TryGetProperty("dtype", out var dt) && dt.ValueKind == JsonValueKind.String ? dt.GetString() : "float32";
                var inputName = layerName + "_input";
                using var doc = JsonDocument.Parse(JsonSerializer.Serialize(new Dictionary<string, object?> { ["batch_shape"] = shape, ["dtype"] = dtype, ["name"] = inputName }));
                specs.Add(new LayerSpec("InputLayer", null, null, inputName, doc.RootElement.Clone(), []));
                previous = inputName;
            }

            specs.Add(new LayerSpec(cls, module, registered, layerName, layerConfig, previous is null ? [] : [previous]));
            previous = layerName;
        }

        if (specs.Count == 0)
        {
            throw new KerasModelException($"{source}: Sequential model has no layers.");
        }

        return new ModelGraph("Sequential", name, specs, [specs[0].Name], [specs[^1].Name], IsSequential: true);
    }

    private static ModelGraph Functional(string className, JsonElement config)
    {
        var name = config.TryGetProperty("name", out var n) ? n.GetString() : null;
        var specs = new List<LayerSpec>();
        foreach (var layer in config.GetProperty("layers").EnumerateArray())
        {
            var (cls, module, registered, layerConfig) = Envelope(layer);
            var layerName = LayerName(layer, layerConfig, specs.Count);
            var problems = new List<string>();
            var inbound = Inbound(layer, problems);
            var spec = new LayerSpec(cls, module, registered, layerName, layerConfig, inbound);
            spec.Problems.AddRange(problems);
            specs.Add(spec);
        }

        return new ModelGraph(className, name, specs, Endpoints(config, "input_layers"), Endpoints(config, "output_layers"), IsSequential: false);
    }

    private static (string ClassName, string? Module, string? Registered, JsonElement Config) Envelope(JsonElement layer)
    {
        var cls = layer.TryGetProperty("class_name", out var c) && c.ValueKind == JsonValueKind.String ? c.GetString()! : "?";
        var module = layer.TryGetProperty("module", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString() : null;
        var registered = layer.TryGetProperty("registered_name", out var r) && r.ValueKind == JsonValueKind.String ? r.GetString() : null;
        var config = layer.TryGetProperty("config", out var cf) ? cf : default;
        return (cls, module, registered, config);
    }

    private static string LayerName(JsonElement layer, JsonElement config, int index) =>
        layer.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString()!
        : config.ValueKind == JsonValueKind.Object && config.TryGetProperty("name", out var cn) && cn.ValueKind == JsonValueKind.String ? cn.GetString()!
        : $"layer_{index}";

    /// <summary>The layers feeding a layer's only call; Keras 2 <c>[[["in",0,0,{}]]]</c> or Keras 3 <c>[{"args":[...]}]</c>.</summary>
    private static List<string> Inbound(JsonElement layer, List<string> problems)
    {
        var result = new List<string>();
        if (!layer.TryGetProperty("inbound_nodes", out var nodes) || nodes.ValueKind != JsonValueKind.Array)
        {
            return result;
        }

        var count = nodes.GetArrayLength();
        if (count == 0)
        {
            return result;
        }

        if (count > 1)
        {
            problems.Add($"called {count} times (shared layers are not supported)");
        }

        var node = nodes[0];
        if (node.ValueKind == JsonValueKind.Array)
        {
            foreach (var entry in node.EnumerateArray())
            {
                AddHistory(entry, result, problems);
            }
        }
        else if (node.ValueKind == JsonValueKind.Object && node.TryGetProperty("args", out var args))
        {
            foreach (var arg in args.EnumerateArray())
            {
                if (arg.ValueKind == JsonValueKind.Array)
                {
                    foreach (var inner in arg.EnumerateArray())
                    {
                        AddTensor(inner, result, problems);
                    }
                }
                else
                {
                    AddTensor(arg, result, problems);
                }
            }

            if (node.TryGetProperty("kwargs", out var kwargs) && kwargs.ValueKind == JsonValueKind.Object)
            {
                foreach (var kw in kwargs.EnumerateObject())
                {
                    if (kw.Value.ValueKind is not (JsonValueKind.Null or JsonValueKind.False) && kw.Name is not "training")
                    {
                        problems.Add($"call argument '{kw.Name}' is not supported");
                    }
                }
            }
        }

        return result;
    }

    private static void AddTensor(JsonElement tensor, List<string> result, List<string> problems)
    {
        if (tensor.ValueKind == JsonValueKind.Object && tensor.TryGetProperty("config", out var c) && c.TryGetProperty("keras_history", out var history))
        {
            AddHistory(history, result, problems);
        }
        else
        {
            problems.Add("takes a constant value as input (only layer outputs are supported)");
        }
    }

    private static void AddHistory(JsonElement history, List<string> result, List<string> problems)
    {
        if (history.ValueKind != JsonValueKind.Array || history.GetArrayLength() < 3 || history[0].ValueKind != JsonValueKind.String)
        {
            problems.Add("has an inbound node that cannot be read");
            return;
        }

        if (history[1].GetInt32() != 0 || history[2].GetInt32() != 0)
        {
            problems.Add($"reads output {history[2].GetInt32()} of call {history[1].GetInt32()} of '{history[0].GetString()}' (shared or multi-output layers are not supported)");
        }

        result.Add(history[0].GetString()!);
    }

    private static List<string> Endpoints(JsonElement config, string property)
    {
        var result = new List<string>();
        if (!config.TryGetProperty(property, out var list) || list.ValueKind != JsonValueKind.Array)
        {
            return result;
        }

        // A single endpoint may be written flat (["in", 0, 0]) instead of [["in", 0, 0]].
        if (list.GetArrayLength() > 0 && list[0].ValueKind == JsonValueKind.String)
        {
            result.Add(list[0].GetString()!);
            return result;
        }

        foreach (var item in list.EnumerateArray())
        {
            if (item.ValueKind == JsonValueKind.Array && item.GetArrayLength() > 0 && item[0].ValueKind == JsonValueKind.String)
            {
                result.Add(item[0].GetString()!);
            }
        }

        return result;
    }
}
