using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Matcher.Keras.Execution;
using Matcher.Keras.Loading;

namespace Matcher.Keras;

/// <summary>
/// Loads Keras models: Keras 3 <c>.keras</c> zips, legacy Keras 2 <c>.h5</c> full-model files (also when written by
/// Keras 3), and <c>model.to_json()</c> configs with their <c>model.save_weights()</c> file. The format is read from
/// the file's first bytes, never from its name.
/// </summary>
public static class KerasModelLoader
{
    /// <summary>Loads a model file (or a JSON config with its weights file beside it: <c>NAME_weights.h5</c>, <c>NAME.weights.h5</c> or <c>NAME.h5</c>).</summary>
    /// <param name="path">The file.</param>
    /// <param name="options">Limits and checks; the defaults when <see langword="null"/>.</param>
    /// <returns>The model, ready to run.</returns>
    /// <exception cref="KerasModelException">The file cannot be loaded; the message says why, naming every unsupported layer and the Keras version.</exception>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    public static IKerasModel Load(string path, KerasLoadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        options ??= new KerasLoadOptions();
        return Build(KerasFileReader.ReadPath(path, options), options);
    }

    /// <summary>Loads a model from a stream holding a <c>.keras</c> zip or a legacy <c>.h5</c> file.</summary>
    /// <param name="stream">The stream; read to its end, not disposed.</param>
    /// <param name="source">A name for the model in errors.</param>
    /// <param name="options">Limits and checks.</param>
    /// <returns>The model.</returns>
    /// <exception cref="KerasModelException">The model cannot be loaded.</exception>
    public static IKerasModel Load(Stream stream, string source, KerasLoadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        options ??= new KerasLoadOptions();
        return Build(KerasFileReader.Read(ReadAll(stream, options, source), source, options), options);
    }

    /// <summary>Loads a <c>model.to_json()</c> config with the HDF5 file written by <c>model.save_weights()</c>.</summary>
    /// <param name="configJson">The config JSON.</param>
    /// <param name="weights">The weights file's content; read to its end, not disposed.</param>
    /// <param name="source">A name for the model in errors.</param>
    /// <param name="options">Limits and checks.</param>
    /// <returns>The model.</returns>
    /// <exception cref="KerasModelException">The model cannot be loaded.</exception>
    public static IKerasModel Load(string configJson, Stream weights, string source, KerasLoadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(configJson);
        ArgumentNullException.ThrowIfNull(weights);
        options ??= new KerasLoadOptions();
        return Build(KerasFileReader.ReadJsonWithWeights(configJson, ReadAll(weights, options, source), source, options), options);
    }

    /// <summary>Describes a model file without requiring that it can run: unsupported layers are listed, not thrown.</summary>
    /// <param name="path">The file.</param>
    /// <param name="options">Limits.</param>
    /// <returns>Format, Keras version, layers and shapes.</returns>
    /// <exception cref="KerasModelException">The file cannot be read at all (not Keras, unsafe, subclassed model).</exception>
    public static KerasModelInfo Inspect(string path, KerasLoadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        options ??= new KerasLoadOptions();
        var raw = KerasFileReader.ReadPath(path, options);
        return Compile(raw, out _).Info;
    }

    internal static KerasExecutor Build(RawModel raw, KerasLoadOptions options)
    {
        var (info, plan) = Compile(raw, out var graph);
        if (plan is null)
        {
            var bad = info.Layers.Where(l => !l.IsSupported).ToArray();
            var list = string.Join("; ", bad.Select(l => $"'{l.Name}' ({l.ClassName}{(l.Module is null ? string.Empty : ", " + l.Module)}): {l.Detail}"));
            throw new KerasModelException(
                $"{raw.Source}: {bad.Length} unsupported layer{(bad.Length == 1 ? string.Empty : "s")} in this {graph.ModelClass} model saved by Keras {raw.KerasVersion}: {list}. "
                + "Supported: InputLayer, Dense, Activation, ReLU, LeakyReLU, ELU, Softmax, PReLU, Dropout, BatchNormalization, LayerNormalization, Normalization, Embedding, Flatten, Concatenate, Add, Multiply. "
                + "Rebuild the model without Lambda, recurrent or custom layers.")
            {
                KerasVersion = raw.KerasVersion,
                UnsupportedLayers = bad.Select(l => $"{l.Name} ({l.ClassName})").ToArray(),
            };
        }

        var executor = new KerasExecutor(plan, info, options.ChunkRows, Kernels.Best);
        if (options.VerifyTestVectors && raw.TestsJson is not null)
        {
            Verify(executor, raw, options);
        }

        return executor;
    }

    private static (KerasModelInfo Info, Plan? Plan) Compile(RawModel raw, out ModelGraph graph)
    {
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(raw.ConfigJson);
        }
        catch (JsonException ex)
        {
            throw new KerasModelException($"{raw.Source}: the model config is not valid JSON ({ex.Message}).", ex) { KerasVersion = raw.KerasVersion };
        }

        using (doc)
        {
            var root = doc.RootElement;

            // A to_json() document wraps the model; the config attribute of an .h5 and config.json are the model itself.
            graph = ConfigParser.Parse(root, raw.Source, raw.KerasVersion);
            var compiler = new ModelCompiler(raw, graph);
            var plan = compiler.Compile(out var inputs, out var outputs);
            var info = new KerasModelInfo
            {
                Format = raw.Format,
                KerasVersion = raw.KerasVersion,
                Backend = raw.Backend,
                ModelClass = graph.ModelClass,
                Name = graph.Name,
                Inputs = inputs,
                Outputs = outputs,
                Layers = compiler.Layers,
                TestVectorCount = CountTests(raw.TestsJson),
                ModelHash = Hash(raw),
            };
            return (info, plan);
        }
    }

    private static byte[] ReadAll(Stream stream, KerasLoadOptions options, string source)
    {
        using var memory = new MemoryStream();
        var buffer = new byte[81920];
        int n;
        while ((n = stream.Read(buffer, 0, buffer.Length)) > 0)
        {
            memory.Write(buffer, 0, n);
            if (memory.Length > options.MaxFileBytes)
            {
                throw new KerasModelException($"{source}: the model is larger than {options.MaxFileBytes:N0} bytes (KerasLoadOptions.MaxFileBytes).");
            }
        }

        return memory.ToArray();
    }

    private static string Hash(RawModel raw)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        sha.AppendData(Encoding.UTF8.GetBytes(raw.ConfigJson));
        var groups = (raw.ByPath ?? raw.ByLayerName ?? []).OrderBy(g => g.Key, StringComparer.Ordinal);
        foreach (var (name, vars) in groups)
        {
            sha.AppendData(Encoding.UTF8.GetBytes(name));
            foreach (var v in vars)
            {
                sha.AppendData(System.Runtime.InteropServices.MemoryMarshal.AsBytes(v.Data.AsSpan()));
            }
        }

        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }

    private static int CountTests(string? json)
    {
        if (json is null)
        {
            return 0;
        }

        try
        {
            using var doc = JsonDocument.Parse(json);
            var inputs = doc.RootElement.GetProperty("inputs");
            return inputs.ValueKind == JsonValueKind.Object ? inputs.EnumerateObject().First().Value.GetArrayLength() : inputs.GetArrayLength();
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            return 0;
        }
    }

    /// <summary>Runs the file's test vectors (frugally-deep's practice): every output within atol + rtol·|expected|.</summary>
    private static void Verify(KerasExecutor model, RawModel raw, KerasLoadOptions options)
    {
        TestVectors tests;
        try
        {
            tests = TestVectors.Parse(raw.TestsJson!, model.Info.Inputs, model.Info.Outputs);
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            throw new KerasModelException($"{raw.Source}: the test vectors cannot be read ({ex.Message}).", ex) { KerasVersion = raw.KerasVersion };
        }

        var atol = tests.AbsoluteTolerance ?? options.AbsoluteTolerance;
        var rtol = tests.RelativeTolerance ?? options.RelativeTolerance;
        var actual = new float[tests.Rows * model.OutputWidth];
        model.Predict(tests.Inputs, actual, tests.Rows);
        for (var i = 0; i < actual.Length; i++)
        {
            var expected = tests.Outputs[i];
            var ok = (float.IsNaN(expected) && float.IsNaN(actual[i])) || Math.Abs(actual[i] - expected) <= atol + (rtol * Math.Abs(expected));
            if (!ok)
            {
                throw new KerasModelException(string.Format(
                    CultureInfo.InvariantCulture,
                    "{0}: test vector failed at row {1}, output value {2}: got {3:R}, the file expects {4:R} (tolerance {5:G3} + {6:G3}·|expected|; Keras {7}). The weights or the runtime disagree with Keras.",
                    raw.Source,
                    (i / model.OutputWidth) + 1,
                    (i % model.OutputWidth) + 1,
                    actual[i],
                    expected,
                    atol,
                    rtol,
                    raw.KerasVersion))
                { KerasVersion = raw.KerasVersion };
            }
        }
    }
}
