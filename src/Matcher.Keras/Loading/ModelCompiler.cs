using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Matcher.Keras.Execution;

namespace Matcher.Keras.Loading;

/// <summary>
/// Turns a <see cref="ModelGraph"/> and its weights into a <see cref="Plan"/>: infers shapes, binds and checks every
/// weight, folds normalisations, and collects every unsupported layer so one error can name them all.
/// </summary>
internal sealed partial class ModelCompiler
{
    internal static readonly HashSet<string> SupportedClasses = new(StringComparer.Ordinal)
    {
        "InputLayer", "Dense", "Activation", "ReLU", "LeakyReLU", "ELU", "Softmax", "PReLU", "Dropout", "AlphaDropout", "GaussianDropout",
        "GaussianNoise", "SpatialDropout1D", "SpatialDropout2D", "SpatialDropout3D", "ActivityRegularization", "Flatten", "BatchNormalization",
        "Normalization", "LayerNormalization", "Embedding", "Concatenate", "Add", "Multiply",
    };

    private readonly RawModel _raw;
    private readonly ModelGraph _graph;
    private readonly List<Op> _ops = [];
    private readonly List<int> _widths = [];
    private readonly Dictionary<string, (int Tensor, int[] Shape, bool IsInteger)> _tensors = new(StringComparer.Ordinal);
    private readonly List<KerasLayerInfo> _infos = [];
    private readonly Dictionary<string, string> _paths;
    private int _scratch;

    public ModelCompiler(RawModel raw, ModelGraph graph)
    {
        _raw = raw;
        _graph = graph;
        _paths = Keras3Paths(graph);
    }

    public IReadOnlyList<KerasLayerInfo> Layers => _infos;

    /// <summary>Compiles; returns the plan, or <see langword="null"/> when some layer is unsupported (see <see cref="Layers"/>).</summary>
    public Plan? Compile(out List<KerasTensorInfo> inputs, out List<KerasTensorInfo> outputs)
    {
        inputs = [];
        outputs = [];
        var byName = _graph.Layers.ToDictionary(l => l.Name, StringComparer.Ordinal);
        var infos = new Dictionary<string, KerasLayerInfo>(StringComparer.Ordinal);
        var pending = _graph.Layers.ToList();
        var failed = new HashSet<string>(StringComparer.Ordinal);
        while (pending.Count > 0)
        {
            var progress = false;
            foreach (var layer in pending.ToArray())
            {
                if (layer.Inbound.Any(i => !_tensors.ContainsKey(i) && !failed.Contains(i) && byName.ContainsKey(i)))
                {
                    continue;
                }

                pending.Remove(layer);
                progress = true;
                infos[layer.Name] = CompileLayer(layer, failed);
            }

            if (!progress)
            {
                foreach (var layer in pending)
                {
                    failed.Add(layer.Name);
                    infos[layer.Name] = Unsupported(layer, "its inputs form a cycle or are missing");
                }

                break;
            }
        }

        _infos.AddRange(_graph.Layers.Select(l => infos[l.Name]));
        var ok = failed.Count == 0;
        foreach (var name in _graph.InputNames)
        {
            if (_tensors.TryGetValue(name, out var t))
            {
                inputs.Add(new KerasTensorInfo(name, t.Shape, t.IsInteger));
            }
            else
            {
                ok = false;
            }
        }

        foreach (var name in _graph.OutputNames)
        {
            if (_tensors.TryGetValue(name, out var t))
            {
                outputs.Add(new KerasTensorInfo(name, t.Shape, t.IsInteger));
            }
            else
            {
                ok = false;
            }
        }

        if (!ok)
        {
            return null;
        }

        var inputTensors = _graph.InputNames.Select(n => _tensors[n].Tensor).ToArray();
        if (inputTensors.Distinct().Count() != inputTensors.Length)
        {
            throw new KerasModelException($"{_raw.Source}: an input is listed twice.");
        }

        return new Plan([.. _ops], [.. _widths], inputTensors, _graph.OutputNames.Select(n => _tensors[n].Tensor).ToArray(), _scratch);
    }

    private KerasLayerInfo CompileLayer(LayerSpec layer, HashSet<string> failed)
    {
        if (layer.Inbound.Any(failed.Contains))
        {
            failed.Add(layer.Name);
            if (!SupportedClasses.Contains(layer.ClassName))
            {
                return Unsupported(layer, "layer class not supported");
            }

            return new KerasLayerInfo(layer.Name, layer.ClassName, layer.Module, null, CountParams(layer), IsSupported: true, "after an unsupported layer");
        }

        if (layer.Problems.Count > 0)
        {
            failed.Add(layer.Name);
            return Unsupported(layer, string.Join("; ", layer.Problems));
        }

        if (layer.Inbound.FirstOrDefault(i => !_tensors.ContainsKey(i)) is { } missing)
        {
            failed.Add(layer.Name);
            return Unsupported(layer, $"reads '{missing}', which is not a layer of this model");
        }

        try
        {
            var (shape, detail) = Build(layer);
            return new KerasLayerInfo(layer.Name, layer.ClassName, layer.Module, shape, CountParams(layer), IsSupported: true, detail);
        }
        catch (UnsupportedException ex)
        {
            failed.Add(layer.Name);
            return Unsupported(layer, ex.Message);
        }
    }

    private KerasLayerInfo Unsupported(LayerSpec layer, string reason) =>
        new(layer.Name, layer.ClassName, layer.Module, null, CountParams(layer), IsSupported: false, reason);

    private long CountParams(LayerSpec layer) => Weights(layer).Sum(v => (long)v.Data.Length);

    private (int[] Shape, string? Detail) Build(LayerSpec layer)
    {
        var c = layer.Config;
        CheckEnvelope(layer);
        var inputs = layer.Inbound.Select(i => _tensors[i]).ToArray();
        switch (layer.ClassName)
        {
            case "InputLayer":
                return Input(layer);
            case "Dense":
                {
                    var x = Single(inputs, layer);
                    if (Has(c, "lora_rank") && c.GetProperty("lora_rank").ValueKind == JsonValueKind.Number && c.GetProperty("lora_rank").GetInt32() > 0)
                    {
                        throw new UnsupportedException("LoRA-adapted Dense is not supported");
                    }

                    if (Has(c, "quantization_config") && c.GetProperty("quantization_config").ValueKind != JsonValueKind.Null)
                    {
                        throw new UnsupportedException("quantized Dense is not supported");
                    }

                    var units = Int(c, "units");
                    var useBias = Bool(c, "use_bias", true);
                    var activation = ActivationOf(c, "activation");
                    var inDim = x.Shape[^1];
                    var w = Weights(layer);
                    Expect(layer, w, useBias ? [[inDim, units], [units]] : [[inDim, units]]);
                    var shape = x.Shape[..^1].Append(units).ToArray();
                    var output = NewTensor(layer.Name, shape);
                    _scratch = Math.Max(_scratch, 4 * Kernels.Padded(units));
                    _ops.Add(new DenseOp(layer.Name, x.Tensor, output, inDim, units, w[0].Data, useBias ? w[1].Data : new float[units], activation));
                    return (shape, activation.Describe());
                }

            case "Activation":
                {
                    var x = Single(inputs, layer);
                    var activation = ActivationOf(c, "activation");
                    return (Elementwise(layer, x, activation), activation.Describe());
                }

            case "ReLU":
                {
                    var x = Single(inputs, layer);
                    var max = Has(c, "max_value") && c.GetProperty("max_value").ValueKind == JsonValueKind.Number ? (float)c.GetProperty("max_value").GetDouble() : float.NaN;
                    var activation = new Activation(ActivationKind.ReluFull, max, (float)Double(c, "negative_slope", 0), (float)Double(c, "threshold", 0));
                    return (Elementwise(layer, x, activation), activation.Describe());
                }

            case "LeakyReLU":
                {
                    var x = Single(inputs, layer);
                    var slope = Has(c, "negative_slope") ? Double(c, "negative_slope", 0.3) : Double(c, "alpha", 0.3);
                    var activation = new Activation(ActivationKind.LeakyRelu, (float)slope);
                    return (Elementwise(layer, x, activation), activation.Describe());
                }

            case "ELU":
                {
                    var x = Single(inputs, layer);
                    var activation = new Activation(ActivationKind.Elu, (float)Double(c, "alpha", 1.0));
                    return (Elementwise(layer, x, activation), activation.Describe());
                }

            case "Softmax":
                {
                    var x = Single(inputs, layer);
                    CheckLastAxis(c, "axis", x.Shape.Length, layer);
                    return (Elementwise(layer, x, new Activation(ActivationKind.Softmax)), "softmax");
                }

            case "PReLU":
                {
                    var x = Single(inputs, layer);
                    var w = Weights(layer);
                    if (w.Count != 1)
                    {
                        throw new UnsupportedException($"expected 1 weight (alpha), the file has {w.Count}");
                    }

                    var alpha = Broadcast(w[0], x.Shape, layer);
                    var output = NewTensor(layer.Name, x.Shape);
                    _ops.Add(new PReluOp(layer.Name, x.Tensor, output, alpha));
                    return (x.Shape, null);
                }

            case "Dropout" or "AlphaDropout" or "GaussianDropout" or "GaussianNoise" or "SpatialDropout1D" or "SpatialDropout2D" or "SpatialDropout3D" or "ActivityRegularization":
                {
                    var x = Single(inputs, layer);
                    _tensors[layer.Name] = x;
                    return (x.Shape, "identity at inference");
                }

            case "Flatten":
                {
                    var x = Single(inputs, layer);
                    int[] shape = [x.Shape.Aggregate(1, static (a, b) => a * b)];
                    _tensors[layer.Name] = (x.Tensor, shape, x.IsInteger);
                    return (shape, null);
                }

            case "BatchNormalization":
                {
                    var x = Single(inputs, layer);
                    CheckLastAxis(c, "axis", x.Shape.Length, layer);
                    if (Bool(c, "renorm", false))
                    {
                        throw new UnsupportedException("renorm is not supported");
                    }

                    var ch = x.Shape[^1];
                    var center = Bool(c, "center", true);
                    var scale = Bool(c, "scale", true);
                    var eps = Double(c, "epsilon", 1e-3);
                    var w = Weights(layer);
                    var expected = new List<int[]>();
                    if (scale)
                    {
                        expected.Add([ch]);
                    }

                    if (center)
                    {
                        expected.Add([ch]);
                    }

                    expected.Add([ch]);
                    expected.Add([ch]);
                    Expect(layer, w, expected);
                    var k = 0;
                    var gamma = scale ? w[k++].Data : null;
                    var beta = center ? w[k++].Data : null;
                    var mean = w[k++].Data;
                    var variance = w[k].Data;
                    var s = new float[ch];
                    var t = new float[ch];
                    for (var i = 0; i < ch; i++)
                    {
                        var inv = (gamma?[i] ?? 1.0) / Math.Sqrt(variance[i] + eps);
                        s[i] = (float)inv;
                        t[i] = (float)((beta?[i] ?? 0.0) - (mean[i] * inv));
                    }

                    return (Affine(layer, x, s, t), $"epsilon {eps.ToString(CultureInfo.InvariantCulture)}");
                }

            case "Normalization":
                {
                    var x = Single(inputs, layer);
                    CheckLastAxis(c, "axis", x.Shape.Length, layer);
                    var ch = x.Shape[^1];
                    float[] mean, variance;
                    if (Has(c, "mean") && c.GetProperty("mean").ValueKind != JsonValueKind.Null)
                    {
                        mean = Numbers(c.GetProperty("mean"));
                        variance = Numbers(c.GetProperty("variance"));
                    }
                    else
                    {
                        var w = Weights(layer);
                        if (w.Count < 2)
                        {
                            throw new UnsupportedException("has neither mean/variance in its config nor adapted weights");
                        }

                        mean = w[0].Data;
                        variance = w[1].Data;
                    }

                    if ((mean.Length != 1 && mean.Length != ch) || variance.Length != mean.Length)
                    {
                        throw new UnsupportedException($"mean/variance have {mean.Length}/{variance.Length} values for {ch} channels");
                    }

                    var invert = Bool(c, "invert", false);
                    var s = new float[ch];
                    var t = new float[ch];
                    for (var i = 0; i < ch; i++)
                    {
                        double m = mean[mean.Length == 1 ? 0 : i];
                        var sd = Math.Max(Math.Sqrt(variance[variance.Length == 1 ? 0 : i]), 1e-7);
                        s[i] = (float)(invert ? sd : 1 / sd);
                        t[i] = (float)(invert ? m : -m / sd);
                    }

                    return (Affine(layer, x, s, t), invert ? "invert" : null);
                }

            case "LayerNormalization":
                {
                    var x = Single(inputs, layer);
                    CheckLastAxis(c, "axis", x.Shape.Length, layer);
                    var ch = x.Shape[^1];
                    var rms = Bool(c, "rms_scaling", false);
                    var scale = Bool(c, "scale", true) || rms;
                    var center = Bool(c, "center", true) && !rms;
                    var eps = Double(c, "epsilon", 1e-3);
                    var w = Weights(layer);
                    var expected = new List<int[]>();
                    if (scale)
                    {
                        expected.Add([ch]);
                    }

                    if (center)
                    {
                        expected.Add([ch]);
                    }

                    Expect(layer, w, expected);
                    var output = NewTensor(layer.Name, x.Shape);
                    _ops.Add(new LayerNormOp(layer.Name, x.Tensor, output, ch, (float)eps, scale ? w[0].Data : null, center ? w[scale ? 1 : 0].Data : null, rms));
                    return (x.Shape, $"epsilon {eps.ToString(CultureInfo.InvariantCulture)}");
                }

            case "Embedding":
                {
                    var x = Single(inputs, layer);
                    if (Bool(c, "mask_zero", false))
                    {
                        throw new UnsupportedException("mask_zero is not supported (masks are not propagated)");
                    }

                    var inputDim = Int(c, "input_dim");
                    var outputDim = Int(c, "output_dim");
                    var w = Weights(layer);
                    Expect(layer, w, [[inputDim, outputDim]]);
                    var shape = x.Shape.Append(outputDim).ToArray();
                    var output = NewTensor(layer.Name, shape);
                    _ops.Add(new EmbeddingOp(layer.Name, x.Tensor, output, inputDim, outputDim, w[0].Data));
                    return (shape, null);
                }

            case "Concatenate":
                {
                    if (inputs.Length < 2)
                    {
                        throw new UnsupportedException("needs at least two inputs");
                    }

                    var rank = inputs[0].Shape.Length;
                    CheckLastAxis(c, "axis", rank, layer);
                    if (inputs.Any(i => i.Shape.Length != rank || !i.Shape.AsSpan(0, rank - 1).SequenceEqual(inputs[0].Shape.AsSpan(0, rank - 1))))
                    {
                        throw new UnsupportedException("inputs differ in shape outside the last axis");
                    }

                    var dims = inputs.Select(i => i.Shape[^1]).ToArray();
                    var shape = inputs[0].Shape[..^1].Append(dims.Sum()).ToArray();
                    var output = NewTensor(layer.Name, shape);
                    _ops.Add(new ConcatOp(layer.Name, inputs.Select(i => i.Tensor).ToArray(), output, dims));
                    return (shape, null);
                }

            case "Add" or "Multiply":
                {
                    if (layer.Module is { } module && module.StartsWith("keras.src.ops", StringComparison.Ordinal))
                    {
                        throw new UnsupportedException($"is an operation ({module}), not a layer; use keras.layers.{layer.ClassName}");
                    }

                    if (inputs.Length < 2 || inputs.Any(i => !i.Shape.SequenceEqual(inputs[0].Shape)))
                    {
                        throw new UnsupportedException("needs two or more inputs of the same shape (no broadcasting)");
                    }

                    var output = NewTensor(layer.Name, inputs[0].Shape);
                    _ops.Add(new MergeOp(layer.Name, inputs.Select(i => i.Tensor).ToArray(), output, layer.ClassName == "Multiply"));
                    return (inputs[0].Shape, null);
                }

            default:
                throw new UnsupportedException(layer.RegisteredName is { } r && r.Contains('>', StringComparison.Ordinal)
                    ? $"custom layer '{r}'"
                    : "layer class not supported");
        }
    }

    private (int[] Shape, string? Detail) Input(LayerSpec layer)
    {
        var c = layer.Config;
        if (Bool(c, "sparse", false) || Bool(c, "ragged", false))
        {
            throw new UnsupportedException("sparse or ragged inputs are not supported");
        }

        var shapeElement = Has(c, "batch_shape") ? c.GetProperty("batch_shape") : Has(c, "batch_input_shape") ? c.GetProperty("batch_input_shape") : default;
        if (shapeElement.ValueKind != JsonValueKind.Array || shapeElement.GetArrayLength() < 2)
        {
            throw new UnsupportedException("input shape must be [batch, d1, ...] with at least one fixed dimension");
        }

        var dims = shapeElement.EnumerateArray().Skip(1).Select(d => d.ValueKind == JsonValueKind.Number ? d.GetInt32() : -1).ToArray();
        if (dims.Any(d => d <= 0))
        {
            throw new UnsupportedException("variable dimensions other than the batch are not supported");
        }

        var dtype = DType(c) ?? "float32";
        var isInteger = dtype.StartsWith("int", StringComparison.Ordinal) || dtype.StartsWith("uint", StringComparison.Ordinal);
        if (!isInteger && dtype != "float32")
        {
            throw new UnsupportedException($"input dtype {dtype} is not supported (float32 or integers)");
        }

        var id = _widths.Count;
        _widths.Add(dims.Aggregate(1, static (a, b) => a * b));
        _tensors[layer.Name] = (id, dims, isInteger);
        return (dims, dtype);
    }

    private int[] Elementwise(LayerSpec layer, (int Tensor, int[] Shape, bool IsInteger) x, Activation activation)
    {
        var output = NewTensor(layer.Name, x.Shape);
        _ops.Add(new ActivationOp(layer.Name, x.Tensor, output, activation, x.Shape[^1]));
        return x.Shape;
    }

    private int[] Affine(LayerSpec layer, (int Tensor, int[] Shape, bool IsInteger) x, float[] scale, float[] shift)
    {
        var output = NewTensor(layer.Name, x.Shape);
        _ops.Add(new AffineOp(layer.Name, x.Tensor, output, scale, shift));
        return x.Shape;
    }

    private int NewTensor(string name, int[] shape)
    {
        var id = _widths.Count;
        _widths.Add(shape.Aggregate(1, static (a, b) => a * b));
        _tensors[name] = (id, shape, false);
        return id;
    }

    private static void CheckEnvelope(LayerSpec layer)
    {
        if (layer.RegisteredName is { } r && r.Contains('>', StringComparison.Ordinal))
        {
            throw new UnsupportedException($"custom layer '{r}'");
        }

        if (layer.ClassName != "InputLayer" && DType(layer.Config) is { } dtype && dtype != "float32")
        {
            throw new UnsupportedException($"dtype policy {dtype} is not supported (float32 only)");
        }
    }

    private static (int Tensor, int[] Shape, bool IsInteger) Single((int Tensor, int[] Shape, bool IsInteger)[] inputs, LayerSpec layer) =>
        inputs.Length == 1 ? inputs[0] : throw new UnsupportedException($"expects one input, has {inputs.Length}");

    private Activation ActivationOf(JsonElement c, string property)
    {
        if (!Has(c, property) || c.GetProperty(property).ValueKind == JsonValueKind.Null)
        {
            return Activation.Linear;
        }

        var a = c.GetProperty(property);
        if (a.ValueKind != JsonValueKind.String)
        {
            throw new UnsupportedException("custom activation (not a built-in name)");
        }

        return Activation.FromName(a.GetString()!, _raw.KerasMajor) ?? throw new UnsupportedException($"activation '{a.GetString()}' is not supported");
    }

    private static void CheckLastAxis(JsonElement c, string property, int rank, LayerSpec layer)
    {
        if (!Has(c, property) || c.GetProperty(property).ValueKind == JsonValueKind.Null)
        {
            return;
        }

        var axis = c.GetProperty(property);
        var values = axis.ValueKind == JsonValueKind.Array ? axis.EnumerateArray().Select(a => a.GetInt32()).ToArray() : [axis.GetInt32()];
        if (values.Length != 1 || (values[0] != -1 && values[0] != rank))
        {
            throw new UnsupportedException($"{property} {axis.GetRawText()} is not supported (only the last axis)");
        }
    }

    private static float[] Broadcast(Variable alpha, int[] shape, LayerSpec layer)
    {
        var width = shape.Aggregate(1, static (a, b) => a * b);
        if (alpha.Data.Length == width)
        {
            return alpha.Data;
        }

        if (alpha.Shape.Length != shape.Length || alpha.Shape.Where((d, i) => d != 1 && d != shape[i]).Any())
        {
            throw new UnsupportedException($"alpha shape [{string.Join(',', alpha.Shape)}] does not broadcast to [{string.Join(',', shape)}]");
        }

        var result = new float[width];
        var index = new int[shape.Length];
        for (var flat = 0; flat < width; flat++)
        {
            var rem = flat;
            var source = 0;
            for (var d = shape.Length - 1; d >= 0; d--)
            {
                index[d] = rem % shape[d];
                rem /= shape[d];
            }

            for (var d = 0; d < shape.Length; d++)
            {
                source = (source * alpha.Shape[d]) + (alpha.Shape[d] == 1 ? 0 : index[d]);
            }

            result[flat] = alpha.Data[source];
        }

        return result;
    }

    private List<Variable> Weights(LayerSpec layer)
    {
        if (_raw.ByLayerName is { } byName)
        {
            return byName.TryGetValue(layer.Name, out var list) ? list : [];
        }

        if (_raw.ByPath is { } byPath && _paths.TryGetValue(layer.Name, out var path) && byPath.TryGetValue(path, out var vars))
        {
            if (_raw.PathLayerNames is { } names && names.TryGetValue(path, out var stored) && stored != layer.Name)
            {
                throw new KerasModelException($"{_raw.Source}: weight group 'layers/{path}' belongs to layer '{stored}', but the config puts '{layer.Name}' there; the file is inconsistent (Keras {_raw.KerasVersion}).");
            }

            return vars;
        }

        return [];
    }

    private void Expect(LayerSpec layer, List<Variable> actual, List<int[]> expected)
    {
        string Shape(int[] s) => "[" + string.Join(",", s) + "]";
        if (actual.Count != expected.Count)
        {
            throw new KerasModelException(
                $"{_raw.Source}: layer '{layer.Name}' ({layer.ClassName}) expects {expected.Count} weights {string.Join(" ", expected.Select(Shape))}, the file has {actual.Count} (Keras {_raw.KerasVersion}).")
            { KerasVersion = _raw.KerasVersion };
        }

        for (var i = 0; i < expected.Count; i++)
        {
            if (!actual[i].Shape.SequenceEqual(expected[i]))
            {
                throw new KerasModelException(
                    $"{_raw.Source}: layer '{layer.Name}' ({layer.ClassName}): weight {i} ('{actual[i].Name}') should be {Shape(expected[i])}, the file has {Shape(actual[i].Shape)} (Keras {_raw.KerasVersion}).")
                { KerasVersion = _raw.KerasVersion };
            }
        }
    }

    /// <summary>
    /// Keras 3 names weight groups by class, not layer name: <c>layers/&lt;snake_case(Class)&gt;[_N]</c>, numbered in
    /// <c>model.layers</c> order (Sequential leaves out its InputLayer). FORMAT-NOTES §2a.
    /// </summary>
    private static Dictionary<string, string> Keras3Paths(ModelGraph graph)
    {
        var counters = new Dictionary<string, int>(StringComparer.Ordinal);
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var layer in graph.Layers)
        {
            if (graph.IsSequential && layer.ClassName == "InputLayer")
            {
                continue;
            }

            var snake = ToSnakeCase(layer.ClassName);
            var n = counters.GetValueOrDefault(snake);
            counters[snake] = n + 1;
            result[layer.Name] = n == 0 ? snake : snake + "_" + n.ToString(CultureInfo.InvariantCulture);
        }

        return result;
    }

    /// <summary>keras/src/utils/naming.py <c>to_snake_case</c>: BatchNormalization → batch_normalization, PReLU → p_re_lu.</summary>
    internal static string ToSnakeCase(string name)
    {
        name = NonWord().Replace(name, string.Empty);
        name = WordStart().Replace(name, "$1_$2");
        return LowerUpper().Replace(name, "$1_$2").ToLowerInvariant();
    }

    private static string? DType(JsonElement c)
    {
        if (!Has(c, "dtype"))
        {
            return null;
        }

        var d = c.GetProperty("dtype");
        return d.ValueKind switch
        {
            JsonValueKind.String => d.GetString(),
            JsonValueKind.Object when d.TryGetProperty("config", out var cfg) && cfg.TryGetProperty("name", out var n) => n.GetString(),
            _ => null,
        };
    }

    private static bool Has(JsonElement c, string name) => c.ValueKind == JsonValueKind.Object && c.TryGetProperty(name, out _);

    private static int Int(JsonElement c, string name) =>
        Has(c, name) && c.GetProperty(name).ValueKind == JsonValueKind.Number ? c.GetProperty(name).GetInt32() : throw new UnsupportedException($"config has no '{name}'");

    private static bool Bool(JsonElement c, string name, bool fallback) =>
        Has(c, name) && c.GetProperty(name).ValueKind is JsonValueKind.True or JsonValueKind.False ? c.GetProperty(name).GetBoolean() : fallback;

    private static double Double(JsonElement c, string name, double fallback) =>
        Has(c, name) && c.GetProperty(name).ValueKind == JsonValueKind.Number ? c.GetProperty(name).GetDouble() : fallback;

    private static float[] Numbers(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.Number => [(float)e.GetDouble()],
        JsonValueKind.Array => e.EnumerateArray().SelectMany(Numbers).ToArray(),
        JsonValueKind.Object when e.TryGetProperty("config", out var cfg) && cfg.TryGetProperty("value", out var v) => Numbers(v),
        _ => throw new UnsupportedException("mean/variance must be numbers"),
    };

    [GeneratedRegex(@"\W+")]
    private static partial Regex NonWord();

    [GeneratedRegex("(.)([A-Z][a-z]+)")]
    private static partial Regex WordStart();

    [GeneratedRegex("([a-z])([A-Z])")]
    private static partial Regex LowerUpper();

    private sealed class UnsupportedException(string message) : Exception(message);
}
