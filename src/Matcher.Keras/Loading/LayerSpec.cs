using System.Text.Json;

namespace Matcher.Keras.Loading;

/// <summary>One layer of the neutral representation both config encodings (Keras 2 lists, Keras 3 args/kwargs) are read into.</summary>
internal sealed record LayerSpec(string ClassName, string? Module, string? RegisteredName, string Name, JsonElement Config, IReadOnlyList<string> Inbound)
{
    /// <summary>Problems found while reading this layer's graph entry (shared layer, constant tensor, ...).</summary>
    public List<string> Problems { get; } = [];
}

/// <summary>A model config read into layers, inputs and outputs.</summary>
internal sealed record ModelGraph(string ModelClass, string? Name, IReadOnlyList<LayerSpec> Layers, IReadOnlyList<string> InputNames, IReadOnlyList<string> OutputNames, bool IsSequential);
