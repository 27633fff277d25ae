using System.Text.Json.Nodes;
using BenchmarkDotNet.Attributes;
using Matcher.Keras;
using Matcher.Keras.Execution;
using static Matcher.Keras.SyntheticModel;

namespace Matcher.Benchmarks;

/// <summary>K1: a Keras MLP 32-64-32-1 (relu, relu, sigmoid) run batched; target ≤ 300 ns per row. Divide Mean by Rows.</summary>
public class KerasInferenceBenchmark
{
    private KerasExecutor _model = null!;
    private float[] _x = null!;
    private float[] _y = null!;

    [Params(256, 2_000)]
    public int Rows { get; set; }

    [Params("Vector512", "Vector256", "Scalar")]
    public string Width { get; set; } = "Vector512";

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(1);
        var mlp = new SyntheticModel(
            [
                new TLayer("InputLayer", "x", Cfg(("batch_input_shape", new JsonArray(null, 32))), []),
                new TLayer("Dense", "h1", Cfg(("units", 64), ("activation", "relu"), ("use_bias", true)), [W("kernel", random, 32, 64), W("bias", random, 64)], "x"),
                new TLayer("Dense", "h2", Cfg(("units", 32), ("activation", "relu"), ("use_bias", true)), [W("kernel", random, 64, 32), W("bias", random, 32)], "h1"),
                new TLayer("Dense", "score", Cfg(("units", 1), ("activation", "sigmoid"), ("use_bias", true)), [W("kernel", random, 32, 1), W("bias", random, 1)], "h2"),
            ],
            ["x"],
            ["score"]);
        _model = ((KerasExecutor)KerasModelLoader.Load(new MemoryStream(mlp.WriteKeras3Zip()), "mlp.keras")).WithWidth(Enum.Parse<KernelWidth>(Width));
        _x = Enumerable.Range(0, Rows * 32).Select(_ => (float)((random.NextDouble() * 2) - 1)).ToArray();
        _y = new float[Rows];
    }

    [Benchmark]
    public float PredictBatch()
    {
        _model.Predict(_x, _y, Rows);
        return _y[0];
    }
}
