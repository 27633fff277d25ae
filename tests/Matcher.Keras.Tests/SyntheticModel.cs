using System.IO.Compression;
using System.Text.Json;
using System.Text.Json.Nodes;
using PureHDF;

namespace Matcher.Keras;

/// <summary>One layer of a synthetic model: what both file writers and the reference forward pass read.</summary>
internal sealed record TLayer(string Class, string Name, JsonObject Config, IReadOnlyList<(string Name, int[] Shape, float[] Data)> Weights, params string[] Inbound);

/// <summary>
/// Writes synthetic models exactly as Keras lays them out (FORMAT-NOTES §2): a Keras 3 <c>.keras</c> zip
/// (config.json, metadata.json, model.weights.h5 with <c>layers/&lt;snake&gt;[_N]/vars/i</c>) and a Keras 2 legacy
/// <c>.h5</c> (<c>model_config</c>, <c>model_weights/&lt;layer&gt;/&lt;layer&gt;/&lt;var&gt;:0</c>, <c>layer_names</c>,
/// <c>weight_names</c>), written with PureHDF and ZipArchive.
/// </summary>
internal sealed class SyntheticModel(IReadOnlyList<TLayer> layers, IReadOnlyList<string> inputs, IReadOnlyList<string> outputs)
{
    public IReadOnlyList<TLayer> Layers { get; } = layers;

    public IReadOnlyList<string> Inputs { get; } = inputs;

    public IReadOnlyList<string> Outputs { get; } = outputs;

    public static (string, int[], float[]) W(string name, Random random, params int[] shape)
    {
        var data = new float[shape.Aggregate(1, (a, b) => a * b)];
        for (var i = 0; i < data.Length; i++)
        {
            data[i] = (float)((random.NextDouble() * 2) - 1);
        }

        return (name, shape, data);
    }

    public static JsonObject Cfg(params (string Key, JsonNode? Value)[] entries)
    {
        var o = new JsonObject();
        foreach (var (k, v) in entries)
        {
            o[k] = v;
        }

        return o;
    }

    public byte[] WriteKeras3Zip(string? testsJson = null)
    {
        var layerNodes = new JsonArray();
        foreach (var l in Layers)
        {
            var config = (JsonObject)l.Config.DeepClone();
            config["name"] = l.Name;
            config["dtype"] = l.Class == "InputLayer" ? config["dtype"]?.DeepClone() ?? "float32"
                : new JsonObject { ["module"] = "keras", ["class_name"] = "DTypePolicy", ["config"] = new JsonObject { ["name"] = "float32" }, ["registered_name"] = null };
            if (l.Class == "InputLayer" && config["batch_input_shape"] is { } bis)
            {
                config.Remove("batch_input_shape");
                config["batch_shape"] = bis.DeepClone();
            }

            if (l.Class == "LeakyReLU" && config["alpha"] is { } alpha)
            {
                config.Remove("alpha");
                config["negative_slope"] = alpha.DeepClone();
            }

            var nodes = new JsonArray();
            if (l.Inbound.Length > 0)
            {
                var tensors = l.Inbound.Select(i => (JsonNode)new JsonObject
                {
                    ["class_name"] = "__keras_tensor__",
                    ["config"] = new JsonObject { ["shape"] = new JsonArray(), ["dtype"] = "float32", ["keras_history"] = new JsonArray(i, 0, 0) },
                }).ToArray();
                JsonNode args = l.Inbound.Length > 1 ? new JsonArray(new JsonArray(tensors)) : new JsonArray(tensors);
                nodes.Add(new JsonObject { ["args"] = args, ["kwargs"] = new JsonObject() });
            }

            layerNodes.Add(new JsonObject
            {
                ["module"] = "keras.layers",
                ["class_name"] = l.Class,
                ["config"] = config,
                ["registered_name"] = null,
                ["name"] = l.Name,
                ["inbound_nodes"] = nodes,
            });
        }

        var root = new JsonObject
        {
            ["module"] = "keras.src.models.functional",
            ["class_name"] = "Functional",
            ["config"] = new JsonObject
            {
                ["name"] = "synthetic",
                ["trainable"] = true,
                ["layers"] = layerNodes,
                ["input_layers"] = new JsonArray(Inputs.Select(i => (JsonNode)new JsonArray(i, 0, 0)).ToArray()),
                ["output_layers"] = new JsonArray(Outputs.Select(i => (JsonNode)new JsonArray(i, 0, 0)).ToArray()),
            },
        };

        var layersGroup = new H5Group();
        var counters = new Dictionary<string, int>();
        foreach (var l in Layers)
        {
            var snake = Loading.ModelCompiler.ToSnakeCase(l.Class);
            var n = counters.GetValueOrDefault(snake);
            counters[snake] = n + 1;
            var vars = new H5Group { Attributes = new() { ["name"] = l.Name } };
            for (var i = 0; i < l.Weights.Count; i++)
            {
                vars[i.ToString(System.Globalization.CultureInfo.InvariantCulture)] = Dataset(l.Weights[i]);
            }

            layersGroup[n == 0 ? snake : $"{snake}_{n}"] = new H5Group { ["vars"] = vars };
        }

        var h5 = new H5File { ["layers"] = layersGroup, ["vars"] = new H5Group() };
        using var weights = new MemoryStream();
        h5.Write(weights);

        using var zipStream = new MemoryStream();
        using (var zip = new ZipArchive(zipStream, ZipArchiveMode.Create, leaveOpen: true))
        {
            Add(zip, "metadata.json", """{"keras_version": "3.16.0", "date_saved": "2026-11-25@14:36:02"}"""u8.ToArray());
            Add(zip, "config.json", System.Text.Encoding.UTF8.GetBytes(root.ToJsonString()));
            Add(zip, "model.weights.h5", weights.ToArray());
            if (testsJson is not null)
            {
                Add(zip, "matcher/tests.json", System.Text.Encoding.UTF8.GetBytes(testsJson));
            }
        }

        return zipStream.ToArray();
    }

    public byte[] WriteKeras2H5(string kerasVersion = "2.15.0", string? testsJson = null)
    {
        var layerNodes = new JsonArray();
        foreach (var l in Layers)
        {
            var config = (JsonObject)l.Config.DeepClone();
            config["name"] = l.Name;
            config["dtype"] ??= "float32";
            var nodes = new JsonArray();
            if (l.Inbound.Length > 0)
            {
                nodes.Add(new JsonArray(l.Inbound.Select(i => (JsonNode)new JsonArray(i, 0, 0, new JsonObject())).ToArray()));
            }

            layerNodes.Add(new JsonObject { ["class_name"] = l.Class, ["config"] = config, ["name"] = l.Name, ["inbound_nodes"] = nodes });
        }

        var root = new JsonObject
        {
            ["class_name"] = "Functional",
            ["config"] = new JsonObject
            {
                ["name"] = "synthetic",
                ["layers"] = layerNodes,
                ["input_layers"] = new JsonArray(Inputs.Select(i => (JsonNode)new JsonArray(i, 0, 0)).ToArray()),
                ["output_layers"] = new JsonArray(Outputs.Select(i => (JsonNode)new JsonArray(i, 0, 0)).ToArray()),
            },
            ["keras_version"] = kerasVersion,
            ["backend"] = "tensorflow",
        };

        var modelWeights = new H5Group { Attributes = new() { ["layer_names"] = Layers.Select(l => l.Name).ToArray(), ["keras_version"] = kerasVersion, ["backend"] = "tensorflow" } };
        foreach (var l in Layers.Where(l => l.Weights.Count > 0))
        {
            var inner = new H5Group();
            foreach (var w in l.Weights)
            {
                inner[w.Name + ":0"] = Dataset(w);
            }

            modelWeights[l.Name] = new H5Group
            {
                [l.Name] = inner,
                Attributes = new() { ["weight_names"] = l.Weights.Select(w => $"{l.Name}/{w.Name}:0").ToArray() },
            };
        }

        var attributes = new Dictionary<string, object>
        {
            ["keras_version"] = kerasVersion,
            ["backend"] = "tensorflow",
            ["model_config"] = root.ToJsonString(),
        };
        if (testsJson is not null)
        {
            attributes[Loading.KerasFileReader.TestsAttribute] = testsJson;
        }

        var file = new H5File { ["model_weights"] = modelWeights, Attributes = attributes };
        using var stream = new MemoryStream();
        file.Write(stream);
        return stream.ToArray();
    }

    private static H5Dataset Dataset((string Name, int[] Shape, float[] Data) w) =>
        new(w.Data, fileDims: w.Shape.Select(d => (ulong)d).ToArray());

    private static void Add(ZipArchive zip, string name, byte[] content)
    {
        var entry = zip.CreateEntry(name, CompressionLevel.Optimal);
        using var s = entry.Open();
        s.Write(content);
    }
}
