namespace Matcher.Keras.Loading;

/// <summary>One weight array as stored, float32, row-major.</summary>
internal sealed record Variable(string Name, int[] Shape, float[] Data);

/// <summary>Everything read from a model file, with every file handle already closed.</summary>
internal sealed class RawModel
{
    public required KerasFileFormat Format { get; init; }

    public required string Source { get; init; }

    public required string KerasVersion { get; init; }

    public string? Backend { get; init; }

    public required string ConfigJson { get; init; }

    /// <summary>Keras 3 weights: <c>layers/&lt;snake_case&gt;[_N]</c> → variables <c>vars/0..n-1</c>.</summary>
    public Dictionary<string, List<Variable>>? ByPath { get; init; }

    /// <summary>The <c>vars@name</c> attribute of each Keras 3 weight group, when present.</summary>
    public Dictionary<string, string>? PathLayerNames { get; init; }

    /// <summary>Legacy weights: layer name → variables in <c>weight_names</c> order.</summary>
    public Dictionary<string, List<Variable>>? ByLayerName { get; init; }

    /// <summary>Test vectors carried by the file (JSON), when any.</summary>
    public string? TestsJson { get; init; }

    public int KerasMajor => int.TryParse(KerasVersion.Split('.')[0], out var major) ? major : 3;
}
