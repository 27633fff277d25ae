namespace Matcher.Keras;

/// <summary>One layer as read from the model file.</summary>
/// <param name="Name">Layer name.</param>
/// <param name="ClassName">Keras class (<c>Dense</c>, <c>LSTM</c>, ...).</param>
/// <param name="Module">The config's <c>module</c> (Keras 3), when present.</param>
/// <param name="OutputShape">Output shape without the batch dimension; <see langword="null"/> when it cannot be inferred.</param>
/// <param name="ParameterCount">Number of weights the file holds for it.</param>
/// <param name="IsSupported">Whether this runtime can execute it.</param>
/// <param name="Detail">Why it is not supported, or its activation.</param>
public sealed record KerasLayerInfo(string Name, string ClassName, string? Module, IReadOnlyList<int>? OutputShape, long ParameterCount, bool IsSupported, string? Detail);
