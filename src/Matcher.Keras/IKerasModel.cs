namespace Matcher.Keras;

/// <summary>
/// A loaded Keras model, ready to run. Immutable and thread-safe: any number of threads may call
/// <see cref="Predict"/> at once.
/// </summary>
/// <remarks>
/// A row of input is every model input flattened and joined in <see cref="Inputs"/> order (an integer input holds
/// whole numbers); a row of output is every output flattened and joined in <see cref="Outputs"/> order. The batch is
/// the only free dimension.
/// </remarks>
public interface IKerasModel
{
    /// <summary>What was loaded: format, Keras version, layers and shapes.</summary>
    KerasModelInfo Info { get; }

    /// <summary>The model's inputs, in order.</summary>
    IReadOnlyList<KerasTensorInfo> Inputs { get; }

    /// <summary>The model's outputs, in order.</summary>
    IReadOnlyList<KerasTensorInfo> Outputs { get; }

    /// <summary>Number of floats in one input row (all inputs flattened).</summary>
    int InputWidth { get; }

    /// <summary>Number of floats in one output row (all outputs flattened).</summary>
    int OutputWidth { get; }

    /// <summary>Runs a batch. Allocation-free once warm (scratch space is pooled).</summary>
    /// <param name="inputs"><paramref name="batch"/> rows of <see cref="InputWidth"/> floats.</param>
    /// <param name="outputs">Receives <paramref name="batch"/> rows of <see cref="OutputWidth"/> floats.</param>
    /// <param name="batch">Number of rows.</param>
    /// <exception cref="ArgumentException">The spans do not hold <paramref name="batch"/> rows, or an integer input
    /// (an embedding index) is not a whole number within the embedding's range.</exception>
    void Predict(ReadOnlySpan<float> inputs, Span<float> outputs, int batch);
}
