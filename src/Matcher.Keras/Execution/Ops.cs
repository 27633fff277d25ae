using System.Globalization;
using System.Numerics.Tensors;

namespace Matcher.Keras.Execution;

/// <summary>One step of a compiled model: reads tensors, writes one tensor. Holds only immutable weights.</summary>
internal abstract class Op(string layer, int[] inputs, int output)
{
    public string Layer { get; } = layer;

    public int[] Inputs { get; } = inputs;

    public int Output { get; } = output;

    public abstract void Run(Frame frame);
}

/// <summary>The scratch of one chunk of rows: every tensor's region in one rented buffer.</summary>
internal readonly ref struct Frame(float[] buffer, int[] offsets, int[] widths, int rows, Span<float> scratch, KernelWidth width, int firstRow)
{
    private readonly float[] _buffer = buffer;
    private readonly int[] _offsets = offsets;
    private readonly int[] _widths = widths;

    public int Rows { get; } = rows;

    public Span<float> Scratch { get; } = scratch;

    public KernelWidth Width { get; } = width;

    public int FirstRow { get; } = firstRow;

    public Span<float> Tensor(int id) => _buffer.AsSpan(_offsets[id] * Rows, _widths[id] * Rows);
}

internal sealed class DenseOp(string layer, int input, int output, int inDim, int units, float[] kernel, float[] bias, Activation activation) : Op(layer, [input], output)
{
    private readonly int _padded = Kernels.Padded(units);
    private readonly float[] _kernel = PadKernel(kernel, inDim, units);
    private readonly float[] _bias = PadBias(bias, units);

    public int InDim { get; } = inDim;

    public int Units { get; } = units;

    public Activation Activation { get; } = activation;

    public override void Run(Frame frame)
    {
        var x = frame.Tensor(Inputs[0]);
        var y = frame.Tensor(Output);
        var rows = x.Length / InDim;
        Kernels.Dense(x, rows, InDim, _kernel, _bias, Units, _padded, y, frame.Scratch, frame.Width);
        Activation.Apply(y, Units);
    }

    private static float[] PadKernel(float[] kernel, int inDim, int units)
    {
        var padded = Kernels.Padded(units);
        var result = new float[inDim * padded];
        for (var i = 0; i < inDim; i++)
        {
            kernel.AsSpan(i * units, units).CopyTo(result.AsSpan(i * padded));
        }

        return result;
    }

    private static float[] PadBias(float[] bias, int units)
    {
        var result = new float[Kernels.Padded(units)];
        bias.AsSpan(0, Math.Min(bias.Length, units)).CopyTo(result);
        return result;
    }
}

internal sealed class ActivationOp(string layer, int input, int output, Activation activation, int lastDim) : Op(layer, [input], output)
{
    public override void Run(Frame frame)
    {
        var y = frame.Tensor(Output);
        frame.Tensor(Inputs[0]).CopyTo(y);
        activation.Apply(y, lastDim);
    }
}

/// <summary>BatchNormalization and Normalization folded at load into a per-channel scale and shift.</summary>
internal sealed class AffineOp(string layer, int input, int output, float[] scale, float[] shift) : Op(layer, [input], output)
{
    public override void Run(Frame frame) => Kernels.Affine(frame.Tensor(Inputs[0]), scale, shift, frame.Tensor(Output));
}

internal sealed class LayerNormOp(string layer, int input, int output, int channels, float epsilon, float[]? gamma, float[]? beta, bool rms) : Op(layer, [input], output)
{
    public override void Run(Frame frame)
    {
        var x = frame.Tensor(Inputs[0]);
        var y = frame.Tensor(Output);
        for (var start = 0; start < x.Length; start += channels)
        {
            var xr = x.Slice(start, channels);
            var yr = y.Slice(start, channels);
            if (rms)
            {
                var ms = TensorPrimitives.SumOfSquares(xr) / channels;
                TensorPrimitives.Multiply(xr, 1f / MathF.Sqrt(ms + epsilon), yr);
            }
            else
            {
                var mean = TensorPrimitives.Sum(xr) / channels;
                TensorPrimitives.Subtract(xr, mean, yr);
                var variance = TensorPrimitives.SumOfSquares(yr) / channels;
                TensorPrimitives.Multiply(yr, 1f / MathF.Sqrt(variance + epsilon), yr);
            }

            if (gamma is not null)
            {
                TensorPrimitives.Multiply(yr, gamma, yr);
            }

            if (beta is not null)
            {
                TensorPrimitives.Add(yr, beta, yr);
            }
        }
    }
}

internal sealed class EmbeddingOp(string layer, int input, int output, int inputDim, int outputDim, float[] table) : Op(layer, [input], output)
{
    public override void Run(Frame frame)
    {
        var x = frame.Tensor(Inputs[0]);
        var y = frame.Tensor(Output);
        var perRow = x.Length / frame.Rows;
        for (var i = 0; i < x.Length; i++)
        {
            var v = x[i];
            if (!(v >= 0 && v < inputDim && MathF.Round(v) == v))
            {
                throw new ArgumentException(string.Format(
                    CultureInfo.InvariantCulture,
                    "Row {0}: input {1} of embedding '{2}' is {3}; it must be a whole number from 0 to {4}.",
                    frame.FirstRow + (i / perRow) + 1,
                    (i % perRow) + 1,
                    Layer,
                    v,
                    inputDim - 1));
            }

            table.AsSpan((int)v * outputDim, outputDim).CopyTo(y.Slice(i * outputDim, outputDim));
        }
    }
}

internal sealed class ConcatOp(string layer, int[] inputs, int output, int[] lastDims) : Op(layer, inputs, output)
{
    public override void Run(Frame frame)
    {
        var y = frame.Tensor(Output);
        var total = lastDims.Sum();
        var groups = y.Length / total;
        var offset = 0;
        for (var k = 0; k < Inputs.Length; k++)
        {
            var x = frame.Tensor(Inputs[k]);
            var d = lastDims[k];
            for (var g = 0; g < groups; g++)
            {
                x.Slice(g * d, d).CopyTo(y.Slice((g * total) + offset, d));
            }

            offset += d;
        }
    }
}

internal sealed class MergeOp(string layer, int[] inputs, int output, bool multiply) : Op(layer, inputs, output)
{
    public override void Run(Frame frame)
    {
        var y = frame.Tensor(Output);
        frame.Tensor(Inputs[0]).CopyTo(y);
        for (var k = 1; k < Inputs.Length; k++)
        {
            if (multiply)
            {
                TensorPrimitives.Multiply(y, frame.Tensor(Inputs[k]), y);
            }
            else
            {
                TensorPrimitives.Add(y, frame.Tensor(Inputs[k]), y);
            }
        }
    }
}

/// <summary>PReLU with its alpha broadcast to the whole per-row shape at load.</summary>
internal sealed class PReluOp(string layer, int input, int output, float[] alpha) : Op(layer, [input], output)
{
    public override void Run(Frame frame)
    {
        var x = frame.Tensor(Inputs[0]);
        var y = frame.Tensor(Output);
        var w = alpha.Length;
        for (var i = 0; i < x.Length; i++)
        {
            var v = x[i];
            y[i] = v >= 0 ? v : alpha[i % w] * v;
        }
    }
}
