namespace Matcher.Keras;

/// <summary>What a Keras file holds, as reported by <c>matcher model inspect</c>.</summary>
public sealed record KerasModelInfo
{
    /// <summary>How it was stored.</summary>
    public required KerasFileFormat Format { get; init; }

    /// <summary>The Keras version that saved it (<c>metadata.json</c> or the <c>keras_version</c> attribute); "unknown" when absent.</summary>
    public required string KerasVersion { get; init; }

    /// <summary>The backend recorded in the file, when any.</summary>
    public string? Backend { get; init; }

    /// <summary>The model class: <c>Sequential</c>, <c>Functional</c> (or <c>Model</c> in tf.keras 2).</summary>
    public required string ModelClass { get; init; }

    /// <summary>The model's name.</summary>
    public string? Name { get; init; }

    /// <summary>Inputs in order.</summary>
    public required IReadOnlyList<KerasTensorInfo> Inputs { get; init; }

    /// <summary>Outputs in order.</summary>
    public required IReadOnlyList<KerasTensorInfo> Outputs { get; init; }

    /// <summary>Every layer, in the file's order.</summary>
    public required IReadOnlyList<KerasLayerInfo> Layers { get; init; }

    /// <summary>Number of test vectors the file carries (checked at load).</summary>
    public int TestVectorCount { get; init; }

    /// <summary>SHA-256 (hex) over the config and every weight: a stable key for caches and logs.</summary>
    public required string ModelHash { get; init; }

    /// <summary>Total number of weights.</summary>
    public long ParameterCount => Layers.Sum(l => l.ParameterCount);

    /// <summary>The layers this runtime cannot execute.</summary>
    public IReadOnlyList<KerasLayerInfo> UnsupportedLayers => Layers.Where(l => !l.IsSupported).ToArray();
}
