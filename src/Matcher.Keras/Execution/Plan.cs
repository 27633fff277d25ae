namespace Matcher.Keras.Execution;

/// <summary>A compiled model: ops in execution order over numbered tensors of fixed per-row width.</summary>
internal sealed record Plan(Op[] Ops, int[] Widths, int[] InputTensors, int[] OutputTensors, int ScratchWidth)
{
    public int TotalWidth { get; } = Widths.Sum();

    public int[] Offsets { get; } = Prefix(Widths);

    private static int[] Prefix(int[] widths)
    {
        var offsets = new int[widths.Length];
        for (var i = 1; i < widths.Length; i++)
        {
            offsets[i] = offsets[i - 1] + widths[i - 1];
        }

        return offsets;
    }
}
