namespace Matcher.Keras;

/// <summary>One input or output of a model.</summary>
/// <param name="Name">Layer name (the InputLayer's name, or the output layer's name).</param>
/// <param name="Shape">Shape without the batch dimension.</param>
/// <param name="IsInteger">Whether the tensor holds integers (an <c>int32</c>/<c>int64</c> input, such as embedding indices).</param>
public sealed record KerasTensorInfo(string Name, IReadOnlyList<int> Shape, bool IsInteger)
{
    /// <summary>Number of floats per row (product of <see cref="Shape"/>).</summary>
    public int Width => Shape.Aggregate(1, static (a, b) => a * b);
}
