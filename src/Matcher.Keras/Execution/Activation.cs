using System.Numerics.Tensors;

namespace Matcher.Keras.Execution;

internal enum ActivationKind
{
    Linear,
    Relu,
    ReluFull,
    LeakyRelu,
    Relu6,
    Sigmoid,
    HardSigmoidKeras2,
    HardSigmoidKeras3,
    Tanh,
    Softmax,
    Gelu,
    Selu,
    Elu,
    Swish,
    Softplus,
    Softsign,
    Exponential,
}

/// <summary>An element-wise (or, for softmax, last-axis) activation with its parameters, as Keras computes it.</summary>
internal sealed record Activation(ActivationKind Kind, float A = 0, float B = 0, float C = 0)
{
    private const float SeluAlpha = 1.6732632423543772f;
    private const float SeluScale = 1.0507009873554805f;

    public static Activation Linear { get; } = new(ActivationKind.Linear);

    /// <summary>The activation named by a config string (<c>"relu"</c>, <c>"swish"</c>, ...); <see langword="null"/> when unknown.</summary>
    public static Activation? FromName(string name, int kerasMajor) => name switch
    {
        "linear" or "None" => Linear,
        "relu" => new(ActivationKind.Relu),
        "relu6" => new(ActivationKind.Relu6),
        "leaky_relu" => new(ActivationKind.LeakyRelu, 0.2f),
        "sigmoid" => new(ActivationKind.Sigmoid),
        "hard_sigmoid" => new(kerasMajor >= 3 ? ActivationKind.HardSigmoidKeras3 : ActivationKind.HardSigmoidKeras2),
        "tanh" => new(ActivationKind.Tanh),
        "softmax" => new(ActivationKind.Softmax),
        "gelu" => new(ActivationKind.Gelu),
        "selu" => new(ActivationKind.Selu),
        "elu" => new(ActivationKind.Elu, 1f),
        "swish" or "silu" => new(ActivationKind.Swish),
        "softplus" => new(ActivationKind.Softplus),
        "softsign" => new(ActivationKind.Softsign),
        "exponential" => new(ActivationKind.Exponential),
        _ => null,
    };

    public string Describe() => Kind switch
    {
        ActivationKind.HardSigmoidKeras2 => "hard_sigmoid (Keras 2: clip(0.2x+0.5))",
        ActivationKind.HardSigmoidKeras3 => "hard_sigmoid (Keras 3: clip(x/6+0.5))",
        ActivationKind.ReluFull => $"relu(max_value={A}, negative_slope={B}, threshold={C})",
        ActivationKind.LeakyRelu => $"leaky_relu({A})",
        ActivationKind.Elu => $"elu({A})",
        _ => Kind.ToString().ToLowerInvariant(),
    };

    /// <summary>Applies the activation in place; <paramref name="lastDim"/> is the size of the last axis (softmax).</summary>
    public void Apply(Span<float> x, int lastDim)
    {
        switch (Kind)
        {
            case ActivationKind.Linear:
                return;
            case ActivationKind.Relu:
                TensorPrimitives.Max(x, 0f, x);
                return;
            case ActivationKind.Relu6:
                TensorPrimitives.Clamp(x, 0f, 6f, x);
                return;
            case ActivationKind.Sigmoid:
                TensorPrimitives.Sigmoid(x, x);
                return;
            case ActivationKind.Tanh:
                TensorPrimitives.Tanh(x, x);
                return;
            case ActivationKind.Softmax:
                Softmax(x, lastDim);
                return;
            default:
                for (var i = 0; i < x.Length; i++)
                {
                    x[i] = Scalar(x[i]);
                }

                return;
        }
    }

    private float Scalar(float v)
    {
        switch (Kind)
        {
            case ActivationKind.ReluFull:
                // Keras ReLU layer: max_value above it, x from threshold, negative_slope·(x − threshold) below.
                if (!float.IsNaN(A) && v >= A)
                {
                    return A;
                }

                return v >= C ? v : B * (v - C);
            case ActivationKind.LeakyRelu:
                return v >= 0 ? v : A * v;
            case ActivationKind.HardSigmoidKeras2:
                return Math.Clamp((0.2f * v) + 0.5f, 0f, 1f);
            case ActivationKind.HardSigmoidKeras3:
                return Math.Clamp((v / 6f) + 0.5f, 0f, 1f);
            case ActivationKind.Gelu:
                return (float)(0.5 * v * (1 + Erf.Compute(v / Math.Sqrt(2))));
            case ActivationKind.Selu:
                return v > 0 ? SeluScale * v : SeluScale * SeluAlpha * (MathF.Exp(v) - 1);
            case ActivationKind.Elu:
                return v > 0 ? v : A * (MathF.Exp(v) - 1);
            case ActivationKind.Swish:
                return v / (1 + MathF.Exp(-v));
            case ActivationKind.Softplus:
                return MathF.Max(v, 0) + MathF.Log(1 + MathF.Exp(-MathF.Abs(v)));
            case ActivationKind.Softsign:
                return v / (1 + MathF.Abs(v));
            case ActivationKind.Exponential:
                return MathF.Exp(v);
            default:
                return v;
        }
    }

    /// <summary>Softmax over each run of <paramref name="lastDim"/> values, subtracting the maximum first (large logits stay finite).</summary>
    private static void Softmax(Span<float> x, int lastDim)
    {
        for (var start = 0; start < x.Length; start += lastDim)
        {
            var row = x.Slice(start, lastDim);
            var max = TensorPrimitives.Max(row);
            TensorPrimitives.Subtract(row, max, row);
            TensorPrimitives.Exp(row, row);
            var sum = TensorPrimitives.Sum(row);
            TensorPrimitives.Divide(row, sum, row);
        }
    }
}
