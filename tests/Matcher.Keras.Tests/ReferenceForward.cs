using System.Text.Json.Nodes;

namespace Matcher.Keras;

/// <summary>
/// A deliberately naive forward pass in double precision (scalar loops, no SIMD, no folding), written from the Keras
/// formulas, to check the runtime's outputs on synthetic files.
/// </summary>
internal static class ReferenceForward
{
    public static double[] Run(SyntheticModel model, double[][] inputs, bool keras3)
    {
        var values = new Dictionary<string, (double[] Data, int[] Shape)>();
        for (var k = 0; k < model.Inputs.Count; k++)
        {
            var layer = model.Layers.Single(l => l.Name == model.Inputs[k]);
            var shape = ((JsonArray)layer.Config["batch_input_shape"]!).Skip(1).Select(n => (int)n!).ToArray();
            values[layer.Name] = (inputs[k], shape);
        }

        foreach (var l in model.Layers.Where(l => l.Class != "InputLayer"))
        {
            var xs = l.Inbound.Select(i => values[i]).ToArray();
            var (x, shape) = xs[0];
            var last = shape[^1];
            var c = l.Config;
            double[] y;
            int[] outShape = shape;
            switch (l.Class)
            {
                case "Dense":
                    {
                        var units = (int)c["units"]!;
                        var kernel = l.Weights[0].Data;
                        var groups = x.Length / last;
                        y = new double[groups * units];
                        for (var g = 0; g < groups; g++)
                        {
                            for (var o = 0; o < units; o++)
                            {
                                double sum = l.Weights.Count > 1 ? l.Weights[1].Data[o] : 0;
                                for (var i = 0; i < last; i++)
                                {
                                    sum += x[(g * last) + i] * kernel[(i * units) + o];
                                }

                                y[(g * units) + o] = sum;
                            }
                        }

                        outShape = [.. shape[..^1], units];
                        y = Activate((string?)c["activation"] ?? "linear", y, units, keras3);
                        break;
                    }

                case "Activation":
                    y = Activate((string)c["activation"]!, x, last, keras3);
                    break;
                case "ReLU":
                    {
                        var max = c["max_value"] is { } m ? (double)m : double.PositiveInfinity;
                        var slope = (double)(c["negative_slope"] ?? 0.0);
                        var threshold = (double)(c["threshold"] ?? 0.0);
                        y = x.Select(v => v >= max ? max : v >= threshold ? v : slope * (v - threshold)).ToArray();
                        break;
                    }

                case "LeakyReLU":
                    {
                        var a = (double)c["alpha"]!;
                        y = x.Select(v => v >= 0 ? v : a * v).ToArray();
                        break;
                    }

                case "ELU":
                    {
                        var a = (double)c["alpha"]!;
                        y = x.Select(v => v > 0 ? v : a * (Math.Exp(v) - 1)).ToArray();
                        break;
                    }

                case "Softmax":
                    y = Activate("softmax", x, last, keras3);
                    break;
                case "PReLU":
                    {
                        var alpha = l.Weights[0].Data;
                        y = x.Select((v, i) => v >= 0 ? v : alpha[i % alpha.Length] * v).ToArray();
                        break;
                    }

                case "Dropout":
                    y = x;
                    break;
                case "Flatten":
                    y = x;
                    outShape = [x.Length];
                    break;
                case "BatchNormalization":
                    {
                        var eps = (double)c["epsilon"]!;
                        var (gamma, beta, mean, variance) = (l.Weights[0].Data, l.Weights[1].Data, l.Weights[2].Data, l.Weights[3].Data);
                        y = x.Select((v, i) =>
                        {
                            var ch = i % last;
                            return (gamma[ch] * (v - mean[ch]) / Math.Sqrt(variance[ch] + eps)) + beta[ch];
                        }).ToArray();
                        break;
                    }

                case "LayerNormalization":
                    {
                        var eps = (double)c["epsilon"]!;
                        y = new double[x.Length];
                        for (var g = 0; g < x.Length / last; g++)
                        {
                            var row = x.Skip(g * last).Take(last).ToArray();
                            var mean = row.Average();
                            var variance = row.Select(v => (v - mean) * (v - mean)).Average();
                            for (var i = 0; i < last; i++)
                            {
                                y[(g * last) + i] = ((row[i] - mean) / Math.Sqrt(variance + eps) * l.Weights[0].Data[i]) + l.Weights[1].Data[i];
                            }
                        }

                        break;
                    }

                case "Normalization":
                    {
                        var mean = ((JsonArray)c["mean"]!).Select(n => (double)n!).ToArray();
                        var variance = ((JsonArray)c["variance"]!).Select(n => (double)n!).ToArray();
                        y = x.Select((v, i) => (v - mean[i % last]) / Math.Max(Math.Sqrt(variance[i % last]), 1e-7)).ToArray();
                        break;
                    }

                case "Embedding":
                    {
                        var dim = (int)c["output_dim"]!;
                        var table = l.Weights[0].Data;
                        y = x.SelectMany(v => Enumerable.Range(0, dim).Select(j => (double)table[((int)v * dim) + j])).ToArray();
                        outShape = [.. shape, dim];
                        break;
                    }

                case "Concatenate":
                    {
                        var total = xs.Sum(t => t.Shape[^1]);
                        var groups = x.Length / last;
                        var list = new List<double>();
                        for (var g = 0; g < groups; g++)
                        {
                            foreach (var t in xs)
                            {
                                var d = t.Shape[^1];
                                list.AddRange(t.Data.Skip(g * d).Take(d));
                            }
                        }

                        y = [.. list];
                        outShape = [.. shape[..^1], total];
                        break;
                    }

                case "Add":
                    y = x.Select((v, i) => xs.Sum(t => t.Data[i])).ToArray();
                    break;
                case "Multiply":
                    y = x.Select((v, i) => xs.Aggregate(1.0, (p, t) => p * t.Data[i])).ToArray();
                    break;
                default:
                    throw new NotSupportedException(l.Class);
            }

            values[l.Name] = (y, outShape);
        }

        return model.Outputs.SelectMany(o => values[o].Data).ToArray();
    }

    public static double[] Activate(string name, double[] x, int last, bool keras3)
    {
        const double seluAlpha = 1.6732632423543772, seluScale = 1.0507009873554805;
        switch (name)
        {
            case "softmax":
                {
                    var y = new double[x.Length];
                    for (var g = 0; g < x.Length / last; g++)
                    {
                        var row = x.Skip(g * last).Take(last).ToArray();
                        var max = row.Max();
                        var sum = row.Sum(v => Math.Exp(v - max));
                        for (var i = 0; i < last; i++)
                        {
                            y[(g * last) + i] = Math.Exp(row[i] - max) / sum;
                        }
                    }

                    return y;
                }

            default:
                return x.Select(v => name switch
                {
                    "linear" => v,
                    "relu" => Math.Max(v, 0),
                    "relu6" => Math.Clamp(v, 0, 6),
                    "sigmoid" => 1 / (1 + Math.Exp(-v)),
                    "tanh" => Math.Tanh(v),
                    "gelu" => 0.5 * v * (1 + ErfAbramowitzStegun(v / Math.Sqrt(2))),
                    "selu" => v > 0 ? seluScale * v : seluScale * seluAlpha * (Math.Exp(v) - 1),
                    "elu" => v > 0 ? v : Math.Exp(v) - 1,
                    "swish" or "silu" => v / (1 + Math.Exp(-v)),
                    "softplus" => Math.Log(1 + Math.Exp(v)),
                    "softsign" => v / (1 + Math.Abs(v)),
                    "hard_sigmoid" => keras3 ? Math.Clamp((v / 6) + 0.5, 0, 1) : Math.Clamp((0.2 * v) + 0.5, 0, 1),
                    "leaky_relu" => v >= 0 ? v : 0.2 * v,
                    "exponential" => Math.Exp(v),
                    _ => throw new NotSupportedException(name),
                }).ToArray();
        }
    }

    /// <summary>Abramowitz and Stegun 7.1.26 (|error| ≤ 1.5e-7): independent of the runtime's erf.</summary>
    private static double ErfAbramowitzStegun(double x)
    {
        var t = 1 / (1 + (0.3275911 * Math.Abs(x)));
        var poly = t * (0.254829592 + (t * (-0.284496736 + (t * (1.421413741 + (t * (-1.453152027 + (t * 1.061405429))))))));
        var y = 1 - (poly * Math.Exp(-x * x));
        return x >= 0 ? y : -y;
    }
}
