using System.Buffers;

namespace Matcher.Keras.Execution;

/// <summary>Runs a <see cref="Plan"/> over a batch in chunks of rows; immutable, so re-entrant.</summary>
internal sealed class KerasExecutor : IKerasModel
{
    private readonly Plan _plan;
    private readonly int _chunkRows;
    private readonly int[] _inputWidths;
    private readonly int[] _outputWidths;

    public KerasExecutor(Plan plan, KerasModelInfo info, int chunkRows, KernelWidth width)
    {
        _plan = plan;
        Info = info;
        _chunkRows = Math.Max(1, chunkRows);
        Width = width;
        _inputWidths = plan.InputTensors.Select(t => plan.Widths[t]).ToArray();
        _outputWidths = plan.OutputTensors.Select(t => plan.Widths[t]).ToArray();
        InputWidth = _inputWidths.Sum();
        OutputWidth = _outputWidths.Sum();
    }

    public KerasModelInfo Info { get; }

    public IReadOnlyList<KerasTensorInfo> Inputs => Info.Inputs;

    public IReadOnlyList<KerasTensorInfo> Outputs => Info.Outputs;

    public int InputWidth { get; }

    public int OutputWidth { get; }

    internal KernelWidth Width { get; }

    internal KerasExecutor WithWidth(KernelWidth width) => new(_plan, Info, _chunkRows, width);

    public void Predict(ReadOnlySpan<float> inputs, Span<float> outputs, int batch)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(batch);
        if (inputs.Length != batch * InputWidth)
        {
            throw new ArgumentException($"Expected {batch} rows of {InputWidth} inputs ({batch * InputWidth} values), got {inputs.Length}.", nameof(inputs));
        }

        if (outputs.Length != batch * OutputWidth)
        {
            throw new ArgumentException($"Expected room for {batch} rows of {OutputWidth} outputs ({batch * OutputWidth} values), got {outputs.Length}.", nameof(outputs));
        }

        if (batch == 0)
        {
            return;
        }

        var chunk = Math.Min(_chunkRows, batch);
        var buffer = ArrayPool<float>.Shared.Rent((chunk * _plan.TotalWidth) + _plan.ScratchWidth);
        try
        {
            for (var start = 0; start < batch; start += chunk)
            {
                var rows = Math.Min(chunk, batch - start);
                var scratch = buffer.AsSpan(rows * _plan.TotalWidth, _plan.ScratchWidth);
                var frame = new Frame(buffer, _plan.Offsets, _plan.Widths, rows, scratch, Width, start);
                Scatter(inputs.Slice(start * InputWidth, rows * InputWidth), frame, rows);
                foreach (var op in _plan.Ops)
                {
                    op.Run(frame);
                }

                Gather(frame, outputs.Slice(start * OutputWidth, rows * OutputWidth), rows);
            }
        }
        finally
        {
            ArrayPool<float>.Shared.Return(buffer);
        }
    }

    private void Scatter(ReadOnlySpan<float> rowsIn, Frame frame, int rows)
    {
        if (_inputWidths.Length == 1)
        {
            rowsIn.CopyTo(frame.Tensor(_plan.InputTensors[0]));
            return;
        }

        var offset = 0;
        for (var k = 0; k < _inputWidths.Length; k++)
        {
            var w = _inputWidths[k];
            var target = frame.Tensor(_plan.InputTensors[k]);
            for (var r = 0; r < rows; r++)
            {
                rowsIn.Slice((r * InputWidth) + offset, w).CopyTo(target.Slice(r * w, w));
            }

            offset += w;
        }
    }

    private void Gather(Frame frame, Span<float> rowsOut, int rows)
    {
        if (_outputWidths.Length == 1)
        {
            frame.Tensor(_plan.OutputTensors[0]).CopyTo(rowsOut);
            return;
        }

        var offset = 0;
        for (var k = 0; k < _outputWidths.Length; k++)
        {
            var w = _outputWidths[k];
            var source = frame.Tensor(_plan.OutputTensors[k]);
            for (var r = 0; r < rows; r++)
            {
                source.Slice(r * w, w).CopyTo(rowsOut.Slice((r * OutputWidth) + offset, w));
            }

            offset += w;
        }
    }
}
