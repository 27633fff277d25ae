using System.IO.Compression;
using System.Text;
using PureHDF;

namespace Matcher.Keras.Loading;

/// <summary>Reads a model file into a <see cref="RawModel"/>: sniffs the format by its magic bytes, guards zips, reads HDF5 with PureHDF.</summary>
internal static class KerasFileReader
{
    internal const string TestsEntry = "matcher/tests.json";
    internal const string TestsAttribute = "matcher_tests";

    private static readonly byte[] ZipMagic = [0x50, 0x4B, 0x03, 0x04];
    private static readonly byte[] Hdf5Magic = [0x89, 0x48, 0x44, 0x46, 0x0D, 0x0A, 0x1A, 0x0A];

    public static RawModel ReadPath(string path, KerasLoadOptions options)
    {
        var info = new FileInfo(path);
        if (!info.Exists)
        {
            throw new FileNotFoundException($"{path}: file not found.", path);
        }

        if (info.Length > options.MaxFileBytes)
        {
            throw new KerasModelException($"{path}: the file is {info.Length:N0} bytes; the limit is {options.MaxFileBytes:N0} (KerasLoadOptions.MaxFileBytes).");
        }

        var bytes = File.ReadAllBytes(path);
        if (IsJson(bytes))
        {
            var weights = FindWeightsFile(path);
            if (new FileInfo(weights).Length > options.MaxFileBytes)
            {
                throw new KerasModelException($"{weights}: the weights file is larger than {options.MaxFileBytes:N0} bytes (KerasLoadOptions.MaxFileBytes).");
            }

            return ReadJsonWithWeights(Encoding.UTF8.GetString(bytes), File.ReadAllBytes(weights), path, options);
        }

        var raw = Read(bytes, path, options);
        var sidecar = path + ".tests.json";
        return raw.TestsJson is null && File.Exists(sidecar) ? Clone(raw, File.ReadAllText(sidecar)) : raw;
    }

    public static RawModel Read(byte[] bytes, string source, KerasLoadOptions options)
    {
        if (bytes.Length > options.MaxFileBytes)
        {
            throw new KerasModelException($"{source}: the file is {bytes.Length:N0} bytes; the limit is {options.MaxFileBytes:N0} (KerasLoadOptions.MaxFileBytes).");
        }

        if (StartsWith(bytes, ZipMagic))
        {
            return ReadZip(bytes, source, options);
        }

        if (StartsWith(bytes, Hdf5Magic))
        {
            return ReadLegacy(bytes, source);
        }

        var head = Convert.ToHexString(bytes.AsSpan(0, Math.Min(8, bytes.Length)));
        throw new KerasModelException(
            $"{source}: not a Keras model file (first bytes {head}); expected a .keras zip (50 4B 03 04) or an HDF5 file (89 48 44 46 0D 0A 1A 0A), whatever the file name says.");
    }

    public static RawModel ReadJsonWithWeights(string configJson, byte[] weights, string source, KerasLoadOptions options)
    {
        if (!StartsWith(weights, Hdf5Magic))
        {
            throw new KerasModelException($"{source}: the weights file is not HDF5.");
        }

        if (weights.Length > options.MaxFileBytes)
        {
            throw new KerasModelException($"{source}: the weights file is {weights.Length:N0} bytes; the limit is {options.MaxFileBytes:N0}.");
        }

        using var root = System.Text.Json.JsonDocument.Parse(configJson);
        var version = root.RootElement.TryGetProperty("keras_version", out var v) ? v.GetString() : null;
        var backend = root.RootElement.TryGetProperty("backend", out var b) ? b.GetString() : null;
        using var stream = new MemoryStream(weights, writable: false);
        using var file = H5File.Open(stream, leaveOpen: true);
        version ??= StringAttribute(file, "keras_version");
        return new RawModel
        {
            Format = KerasFileFormat.JsonWithWeights,
            Source = source,
            KerasVersion = version ?? "unknown",
            Backend = backend ?? StringAttribute(file, "backend"),
            ConfigJson = configJson,
            ByLayerName = ReadLegacyWeights(file, source),
            TestsJson = StringAttribute(file, TestsAttribute),
        };
    }

    private static RawModel Clone(RawModel raw, string tests) => new()
    {
        Format = raw.Format,
        Source = raw.Source,
        KerasVersion = raw.KerasVersion,
        Backend = raw.Backend,
        ConfigJson = raw.ConfigJson,
        ByPath = raw.ByPath,
        PathLayerNames = raw.PathLayerNames,
        ByLayerName = raw.ByLayerName,
        TestsJson = tests,
    };

    private static string FindWeightsFile(string jsonPath)
    {
        var dir = Path.GetDirectoryName(Path.GetFullPath(jsonPath))!;
        var stem = Path.GetFileNameWithoutExtension(jsonPath);
        string[] candidates = [stem + "_weights.h5", stem + ".weights.h5", stem + ".h5"];
        foreach (var c in candidates)
        {
            var p = Path.Combine(dir, c);
            if (File.Exists(p))
            {
                return p;
            }
        }

        throw new KerasModelException($"{jsonPath}: a model config (model.to_json()) needs its weights file (model.save_weights()); none of {string.Join(", ", candidates)} was found next to it.");
    }

    private static bool IsJson(byte[] bytes)
    {
        foreach (var b in bytes)
        {
            if (b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n' or 0xEF or 0xBB or 0xBF)
            {
                continue;
            }

            return b == (byte)'{';
        }

        return false;
    }

    private static bool StartsWith(byte[] bytes, byte[] magic) => bytes.AsSpan().StartsWith(magic);

    private static RawModel ReadZip(byte[] bytes, string source, KerasLoadOptions options)
    {
        using var archive = new ZipArchive(new MemoryStream(bytes, writable: false), ZipArchiveMode.Read);
        long total = 0;
        foreach (var entry in archive.Entries)
        {
            total += entry.Length;
            var ratio = entry.CompressedLength == 0 ? (entry.Length == 0 ? 0 : double.PositiveInfinity) : (double)entry.Length / entry.CompressedLength;
            if (entry.Length > 1024 && ratio > options.MaxCompressionRatio)
            {
                throw new KerasModelException($"{source}: zip entry '{entry.FullName}' expands {ratio:F0}× (limit {options.MaxCompressionRatio}×); refusing a possible zip bomb.");
            }

            if (total > options.MaxUncompressedBytes)
            {
                throw new KerasModelException($"{source}: the zip expands to more than {options.MaxUncompressedBytes:N0} bytes (KerasLoadOptions.MaxUncompressedBytes); refusing a possible zip bomb.");
            }

            if (entry.FullName.StartsWith("assets/", StringComparison.Ordinal) && entry.Length > 0)
            {
                throw new KerasModelException($"{source}: the model carries assets ('{entry.FullName}'), which only preprocessing layers such as StringLookup use; they are not supported.");
            }
        }

        var metadata = Entry(archive, "metadata.json", source, options);
        var config = Entry(archive, "config.json", source, options)
            ?? throw new KerasModelException($"{source}: the .keras zip has no config.json.");
        string version = "unknown";
        if (metadata is not null)
        {
            using var meta = System.Text.Json.JsonDocument.Parse(metadata);
            version = meta.RootElement.TryGetProperty("keras_version", out var v) ? v.GetString() ?? version : version;
        }

        if (archive.GetEntry("model.weights.npz") is not null)
        {
            throw new KerasModelException($"{source}: weights saved as model.weights.npz (weights_format=\"npz\") are not supported; save with the default HDF5 weights (Keras {version}).") { KerasVersion = version };
        }

        var weightsEntry = archive.GetEntry("model.weights.h5");
        if (weightsEntry is null)
        {
            var sharded = archive.Entries.Any(e => e.FullName.EndsWith(".weights.json", StringComparison.Ordinal));
            throw new KerasModelException(sharded
                ? $"{source}: sharded weights are not supported; save without max_shard_size (Keras {version})."
                : $"{source}: the .keras zip has no model.weights.h5 (Keras {version}).") { KerasVersion = version };
        }

        var weights = ReadBounded(weightsEntry, source, options);
        using var stream = new MemoryStream(weights, writable: false);
        using var file = H5File.Open(stream, leaveOpen: true);
        var (byPath, names) = ReadKeras3Weights(file);
        return new RawModel
        {
            Format = KerasFileFormat.KerasZip,
            Source = source,
            KerasVersion = version,
            ConfigJson = config,
            ByPath = byPath,
            PathLayerNames = names,
            TestsJson = Entry(archive, TestsEntry, source, options),
        };
    }

    private static string? Entry(ZipArchive archive, string name, string source, KerasLoadOptions options)
    {
        var entry = archive.GetEntry(name);
        return entry is null ? null : Encoding.UTF8.GetString(ReadBounded(entry, source, options));
    }

    /// <summary>Decompresses an entry without trusting its declared size.</summary>
    private static byte[] ReadBounded(ZipArchiveEntry entry, string source, KerasLoadOptions options)
    {
        var limit = Math.Min(entry.Length, options.MaxUncompressedBytes);
        using var input = entry.Open();
        using var output = new MemoryStream((int)Math.Min(limit, 1 << 20));
        var buffer = new byte[81920];
        long read = 0;
        int n;
        while ((n = input.Read(buffer, 0, buffer.Length)) > 0)
        {
            read += n;
            if (read > limit)
            {
                throw new KerasModelException($"{source}: zip entry '{entry.FullName}' is larger than it declares; refusing a possible zip bomb.");
            }

            output.Write(buffer, 0, n);
        }

        return output.ToArray();
    }

    private static RawModel ReadLegacy(byte[] bytes, string source)
    {
        using var stream = new MemoryStream(bytes, writable: false);
        using var file = H5File.Open(stream, leaveOpen: true);
        var config = StringAttribute(file, "model_config");
        var version = StringAttribute(file, "keras_version")
            ?? (file.LinkExists("model_weights") ? StringAttribute(file.Group("model_weights"), "keras_version") : null)
            ?? "unknown";
        if (config is null)
        {
            throw new KerasModelException(
                $"{source}: this HDF5 file has no 'model_config' attribute: it holds weights only (model.save_weights()). Load it together with its model.to_json() config (Keras {version}).")
            { KerasVersion = version };
        }

        return new RawModel
        {
            Format = KerasFileFormat.LegacyHdf5,
            Source = source,
            KerasVersion = version,
            Backend = StringAttribute(file, "backend"),
            ConfigJson = config,
            ByLayerName = ReadLegacyWeights(file, source),
            TestsJson = StringAttribute(file, TestsAttribute),
        };
    }

    private static Dictionary<string, List<Variable>> ReadLegacyWeights(PureHDF.VOL.Native.NativeFile file, string source)
    {
        var group = file.LinkExists("model_weights") ? file.Group("model_weights") : file;
        var result = new Dictionary<string, List<Variable>>(StringComparer.Ordinal);
        foreach (var layer in StringList(group, "layer_names"))
        {
            var variables = new List<Variable>();
            if (group.LinkExists(layer))
            {
                var layerGroup = group.Group(layer);
                foreach (var weightName in StringList(layerGroup, "weight_names"))
                {
                    var dataset = Resolve(layerGroup, weightName)
                        ?? throw new KerasModelException($"{source}: weight '{weightName}' of layer '{layer}' is listed but missing.");
                    variables.Add(ReadVariable(dataset, weightName, source));
                }
            }

            result[layer] = variables;
        }

        return result;
    }

    private static (Dictionary<string, List<Variable>>, Dictionary<string, string>) ReadKeras3Weights(PureHDF.VOL.Native.NativeFile file)
    {
        var byPath = new Dictionary<string, List<Variable>>(StringComparer.Ordinal);
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        var container = file.LinkExists("layers") ? "layers" : file.LinkExists("_layer_checkpoint_dependencies") ? "_layer_checkpoint_dependencies" : null;
        if (container is null)
        {
            return (byPath, names);
        }

        foreach (var child in file.Group(container).Children())
        {
            if (child is not IH5Group layerGroup || !layerGroup.LinkExists("vars"))
            {
                continue;
            }

            var vars = layerGroup.Group("vars");
            var list = new List<(int Index, Variable Var)>();
            foreach (var v in vars.Children())
            {
                if (v is IH5Dataset ds && int.TryParse(v.Name, out var index))
                {
                    list.Add((index, ReadVariable(ds, child.Name + "/vars/" + v.Name, container)));
                }
            }

            byPath[child.Name] = list.OrderBy(x => x.Index).Select(x => x.Var).ToList();
            if (StringAttribute(vars, "name") is { } layerName)
            {
                names[child.Name] = layerName;
            }
        }

        return (byPath, names);
    }

    private static IH5Dataset? Resolve(IH5Group group, string path)
    {
        var parts = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var current = group;
        for (var i = 0; i < parts.Length - 1; i++)
        {
            if (!current.LinkExists(parts[i]))
            {
                return null;
            }

            current = current.Group(parts[i]);
        }

        return parts.Length > 0 && current.LinkExists(parts[^1]) ? current.Dataset(parts[^1]) : null;
    }

    private static Variable ReadVariable(IH5Dataset dataset, string name, string source)
    {
        if (dataset.AttributeExists("dtype") && StringAttribute(dataset, "dtype") is { } dtype && dtype != "float32")
        {
            throw new KerasModelException($"{source}: weight '{name}' is stored as {dtype}; only float32 models are supported.");
        }

        var type = dataset.Type;
        var shape = dataset.Space.Dimensions.Select(d => checked((int)d)).ToArray();
        float[] data;
        if (type.Class == H5DataTypeClass.FloatingPoint && type.Size == 4)
        {
            data = dataset.Read<float[]>();
        }
        else if (type.Class == H5DataTypeClass.FloatingPoint && type.Size == 8)
        {
            data = dataset.Read<double[]>().Select(d => (float)d).ToArray();
        }
        else if (type.Class == H5DataTypeClass.FixedPoint)
        {
            // Normalization's adapted "count" is an integer; it is not used at inference.
            data = dataset.Read<long[]>().Select(d => (float)d).ToArray();
        }
        else
        {
            throw new KerasModelException($"{source}: weight '{name}' has HDF5 type {type.Class} ({type.Size} bytes); only float32 weights are supported (quantized or bfloat16 models are not).");
        }

        return new Variable(name, shape, data);
    }

    internal static string? StringAttribute(IH5Object obj, string name)
    {
        if (!obj.AttributeExists(name))
        {
            return null;
        }

        var attribute = obj.Attribute(name);
        // Fixed-length strings have class String; variable-length ones (what h5py and PureHDF write) VariableLength.
        if (attribute.Type.Class is not (H5DataTypeClass.String or H5DataTypeClass.VariableLength))
        {
            return null;
        }

        var dims = attribute.Space.Dimensions;
        var text = dims.Length == 0 ? attribute.Read<string>() : attribute.Read<string[]>().FirstOrDefault();
        return text?.TrimEnd('\0');
    }

    /// <summary>A string-list attribute, also when Keras split it into <c>name0</c>, <c>name1</c>, ... (over 64 KB).</summary>
    private static List<string> StringList(IH5Object obj, string name)
    {
        var result = new List<string>();
        if (obj.AttributeExists(name))
        {
            result.AddRange(ReadStrings(obj.Attribute(name)));
            return result;
        }

        for (var chunk = 0; obj.AttributeExists(name + chunk.ToString(System.Globalization.CultureInfo.InvariantCulture)); chunk++)
        {
            result.AddRange(ReadStrings(obj.Attribute(name + chunk.ToString(System.Globalization.CultureInfo.InvariantCulture))));
        }

        return result;
    }

    private static IEnumerable<string> ReadStrings(IH5Attribute attribute)
    {
        if (attribute.Space.Dimensions.Length == 0 || attribute.Space.Dimensions.Aggregate(1UL, (a, b) => a * b) == 0)
        {
            return attribute.Space.Dimensions.Length == 0 ? [attribute.Read<string>().TrimEnd('\0')] : [];
        }

        return attribute.Read<string[]>().Select(s => s.TrimEnd('\0')).Where(s => s.Length > 0);
    }
}
