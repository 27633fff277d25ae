using System.IO.Compression;
using System.Text.Json.Nodes;
using Matcher.Keras.Execution;
using static Matcher.Keras.SyntheticModel;

namespace Matcher.Keras;

/// <summary>Synthetic .keras and .h5 files, written with PureHDF as Keras lays them out, against a double-precision reference.</summary>
public class SyntheticFileTests
{
    public static TheoryData<string> Activations() =>
        ["linear", "relu", "relu6", "sigmoid", "tanh", "softmax", "gelu", "selu", "elu", "swish", "silu", "softplus", "softsign", "hard_sigmoid", "leaky_relu", "exponential"];

    [Theory]
    [MemberData(nameof(Activations))]
    public void EveryActivation_BothFormats_MatchReference(string activation)
    {
        var random = new Random(activation.Sum(c => c));
        var model = new SyntheticModel(
            [
                new TLayer("InputLayer", "x", Cfg(("batch_input_shape", new JsonArray(null, 6))), []),
                new TLayer("Dense", "hidden", Cfg(("units", 20), ("activation", activation), ("use_bias", true)), [W("kernel", random, 6, 20), W("bias", random, 20)], "x"),
                new TLayer("Dense", "out", Cfg(("units", 3), ("activation", "linear"), ("use_bias", true)), [W("kernel", random, 20, 3), W("bias", random, 3)], "hidden"),
            ],
            ["x"],
            ["out"]);
        // exp() of pre-activations near 10 gives terms in the thousands whose float32 sum cancels: allow for that relative error.
        CheckBothFormats(model, random, 7, activation == "exponential" ? 1e-5 : 1e-6);
    }

    [Theory]
    [InlineData(64)]
    [InlineData(70)]
    [InlineData(130)]
    public void WideDense_EveryColumnBlock_MatchesReference(int units)
    {
        var random = new Random(units);
        var model = new SyntheticModel(
            [
                new TLayer("InputLayer", "x", Cfg(("batch_input_shape", new JsonArray(null, 10))), []),
                new TLayer("Dense", "wide", Cfg(("units", units), ("activation", "relu"), ("use_bias", true)), [W("kernel", random, 10, units), W("bias", random, units)], "x"),
                new TLayer("Dense", "out", Cfg(("units", 3), ("activation", "linear"), ("use_bias", true)), [W("kernel", random, units, 3), W("bias", random, 3)], "wide"),
            ],
            ["x"],
            ["out"]);
        CheckBothFormats(model, random, 11);
    }

    [Fact]
    public void EveryLayer_BothFormats_MatchReference()
    {
        var random = new Random(42);
        var model = Zoo(random);
        CheckBothFormats(model, random, 9);
    }

    [Fact]
    public void SameWeights_Keras3ZipAndKeras2H5_GiveIdenticalOutputs()
    {
        var random = new Random(7);
        var model = Zoo(random);
        var zip = KerasModelLoader.Load(new MemoryStream(model.WriteKeras3Zip()), "zoo.keras");
        var h5 = KerasModelLoader.Load(new MemoryStream(model.WriteKeras2H5()), "zoo.h5");
        var x = Inputs(model, random, 5).SelectMany(r => r).ToArray();
        Assert.Equal(FixtureParityTests.Predict(zip, x), FixtureParityTests.Predict(h5, x));
    }

    [Fact]
    public void HardSigmoid_UsesTheFormulaOfTheSavingKerasVersion()
    {
        var model = new SyntheticModel(
            [
                new TLayer("InputLayer", "x", Cfg(("batch_input_shape", new JsonArray(null, 1))), []),
                new TLayer("Activation", "h", Cfg(("activation", "hard_sigmoid")), [], "x"),
            ],
            ["x"],
            ["h"]);
        var k3 = KerasModelLoader.Load(new MemoryStream(model.WriteKeras3Zip()), "k3.keras");
        var k2 = KerasModelLoader.Load(new MemoryStream(model.WriteKeras2H5()), "k2.h5");
        Assert.Equal(1f / 6 + 0.5f, FixtureParityTests.Predict(k3, [1f])[0], 6);
        Assert.Equal(0.7f, FixtureParityTests.Predict(k2, [1f])[0], 6);
    }

    [Fact]
    public void TestVectorsInTheFile_AreCheckedAtLoad()
    {
        var random = new Random(3);
        var model = Zoo(random);
        var inputs = Inputs(model, random, 2);
        var expected = ReferenceForward.Run(model, Split(model, inputs[0]), keras3: true).Concat(ReferenceForward.Run(model, Split(model, inputs[1]), keras3: true)).ToArray();
        string Tests(double[] outputs) => new JsonObject
        {
            ["inputs"] = new JsonObject
            {
                ["a"] = new JsonArray(inputs.Select(r => (JsonNode)new JsonArray(r.Take(6).Select(v => (JsonNode)v).ToArray())).ToArray()),
                ["idx"] = new JsonArray(inputs.Select(r => (JsonNode)new JsonArray(r.Skip(6).Select(v => (JsonNode)v).ToArray())).ToArray()),
            },
            ["outputs"] = new JsonArray(Enumerable.Range(0, 2).Select(r => (JsonNode)new JsonArray(outputs.Skip(r * 4).Take(4).Select(v => (JsonNode)v).ToArray())).ToArray()),
        }.ToJsonString();

        var good = KerasModelLoader.Load(new MemoryStream(model.WriteKeras3Zip(Tests(expected))), "good.keras");
        Assert.Equal(2, good.Info.TestVectorCount);
        var goodH5 = KerasModelLoader.Load(new MemoryStream(model.WriteKeras2H5(testsJson: Tests(expected))), "good.h5");
        Assert.Equal(2, goodH5.Info.TestVectorCount);

        var wrong = (double[])expected.Clone();
        wrong[5] += 1e-3;
        var ex = Assert.Throws<KerasModelException>(() => KerasModelLoader.Load(new MemoryStream(model.WriteKeras3Zip(Tests(wrong))), "bad.keras"));
        Assert.Contains("test vector failed at row 2, output value 2", ex.Message, StringComparison.Ordinal);
        Assert.NotNull(KerasModelLoader.Load(new MemoryStream(model.WriteKeras3Zip(Tests(wrong))), "bad.keras", new KerasLoadOptions { VerifyTestVectors = false }));
    }

    [Fact]
    public void EmbeddingIndexOutOfRange_IsAClearArgumentError()
    {
        var random = new Random(5);
        var model = KerasModelLoader.Load(new MemoryStream(Zoo(random).WriteKeras3Zip()), "zoo.keras");
        var x = new float[8];
        x[7] = 9;
        var ex = Assert.Throws<ArgumentException>(() => FixtureParityTests.Predict(model, x));
        Assert.Contains("embedding 'emb'", ex.Message, StringComparison.Ordinal);
        Assert.Contains("0 to 6", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ZipBomb_IsRefused()
    {
        using var zipStream = new MemoryStream();
        using (var zip = new ZipArchive(zipStream, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var s = zip.CreateEntry("config.json", CompressionLevel.SmallestSize).Open();
            s.Write(new byte[8 << 20]);
        }

        var ex = Assert.Throws<KerasModelException>(() => KerasModelLoader.Load(new MemoryStream(zipStream.ToArray()), "bomb.keras"));
        Assert.Contains("zip bomb", ex.Message, StringComparison.Ordinal);
        Assert.Contains("config.json", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FileOverTheSizeLimit_IsRefused()
    {
        var bytes = Zoo(new Random(1)).WriteKeras3Zip();
        var ex = Assert.Throws<KerasModelException>(() => KerasModelLoader.Load(new MemoryStream(bytes), "big.keras", new KerasLoadOptions { MaxFileBytes = 1000 }));
        Assert.Contains("MaxFileBytes", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NotAModel_NamesTheMagicBytes()
    {
        var ex = Assert.Throws<KerasModelException>(() => KerasModelLoader.Load(new MemoryStream("hello world"u8.ToArray()), "notes.keras"));
        Assert.Contains("68656C6C6F20776F", ex.Message, StringComparison.Ordinal);
        Assert.Contains("whatever the file name says", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void WrongWeightShape_NamesLayerAndShapes()
    {
        var random = new Random(2);
        var model = new SyntheticModel(
            [
                new TLayer("InputLayer", "x", Cfg(("batch_input_shape", new JsonArray(null, 4))), []),
                new TLayer("Dense", "score", Cfg(("units", 2), ("activation", "linear"), ("use_bias", true)), [W("kernel", random, 3, 2), W("bias", random, 2)], "x"),
            ],
            ["x"],
            ["score"]);
        var ex = Assert.Throws<KerasModelException>(() => KerasModelLoader.Load(new MemoryStream(model.WriteKeras3Zip()), "m.keras"));
        Assert.Contains("layer 'score' (Dense): weight 0 ('dense/vars/0') should be [4,2], the file has [3,2]", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("BatchNormalization", "batch_normalization")]
    [InlineData("LayerNormalization", "layer_normalization")]
    [InlineData("ReLU", "re_lu")]
    [InlineData("PReLU", "p_re_lu")]
    [InlineData("Dense", "dense")]
    [InlineData("LeakyReLU", "leaky_re_lu")]
    public void SnakeCase_MatchesKerasNaming(string className, string expected) =>
        Assert.Equal(expected, Loading.ModelCompiler.ToSnakeCase(className));

    [Fact]
    public void KernelWidths_AllGiveTheSameOutputs()
    {
        var random = new Random(11);
        var model = Zoo(random);
        var executor = (KerasExecutor)KerasModelLoader.Load(new MemoryStream(model.WriteKeras3Zip()), "zoo.keras");
        var x = Inputs(model, random, 33).SelectMany(r => r).ToArray();
        var reference = FixtureParityTests.Predict(executor.WithWidth(KernelWidth.Scalar), x);
        FixtureParityTests.AssertClose(reference, FixtureParityTests.Predict(executor.WithWidth(KernelWidth.Vector256), x), 1e-6);
        FixtureParityTests.AssertClose(reference, FixtureParityTests.Predict(executor.WithWidth(KernelWidth.Vector512), x), 1e-6);
    }

    [Fact]
    public void ConcurrentPredictions_EqualSequentialOnes()
    {
        var random = new Random(13);
        var model = Zoo(random);
        var executor = KerasModelLoader.Load(new MemoryStream(model.WriteKeras3Zip()), "zoo.keras", new KerasLoadOptions { ChunkRows = 4 });
        var batches = Enumerable.Range(0, 16).Select(_ => Inputs(model, random, 21).SelectMany(r => r).ToArray()).ToArray();
        var sequential = batches.Select(b => FixtureParityTests.Predict(executor, b)).ToArray();
        var parallel = new float[batches.Length][];
        Parallel.For(0, batches.Length, i => parallel[i] = FixtureParityTests.Predict(executor, batches[i]));
        for (var i = 0; i < batches.Length; i++)
        {
            Assert.Equal(sequential[i], parallel[i]);
        }
    }

    [Fact]
    public void Erf_MatchesTabulatedValues()
    {
        // Abramowitz and Stegun, Table 7.1.
        Assert.Equal(0.5204998778, Erf.Compute(0.5), 9);
        Assert.Equal(0.8427007929, Erf.Compute(1.0), 9);
        Assert.Equal(0.9953222650, Erf.Compute(2.0), 9);
        Assert.Equal(0.9999779095, Erf.Compute(3.0), 9);
        Assert.Equal(-0.8427007929, Erf.Compute(-1.0), 9);
        Assert.Equal(0.0, Erf.Compute(0.0), 12);
    }

    /// <summary>Two inputs; every supported layer at least once; Keras 2 config names (the zip writer converts them to Keras 3).</summary>
    internal static SyntheticModel Zoo(Random random) => new(
        [
            new TLayer("InputLayer", "a", Cfg(("batch_input_shape", new JsonArray(null, 6))), []),
            new TLayer("InputLayer", "idx", Cfg(("batch_input_shape", new JsonArray(null, 2)), ("dtype", "int32")), []),
            new TLayer("Normalization", "norm", Cfg(("axis", new JsonArray(-1)), ("mean", new JsonArray(0.1, -0.2, 0.3, 0.0, 0.5, -0.5)), ("variance", new JsonArray(1.0, 2.0, 0.5, 1.5, 0.8, 1.2))), [], "a"),
            new TLayer("Embedding", "emb", Cfg(("input_dim", 7), ("output_dim", 3)), [W("embeddings", random, 7, 3)], "idx"),
            new TLayer("Flatten", "flat", Cfg(), [], "emb"),
            new TLayer("Dense", "d1", Cfg(("units", 6), ("activation", "relu"), ("use_bias", true)), [W("kernel", random, 6, 6), W("bias", random, 6)], "norm"),
            new TLayer("BatchNormalization", "bn", Cfg(("axis", -1), ("epsilon", 0.001), ("center", true), ("scale", true)), [W("gamma", random, 6), W("beta", random, 6), W("moving_mean", random, 6), Positive(W("moving_variance", random, 6))], "d1"),
            new TLayer("Add", "add", Cfg(), [], "bn", "flat"),
            new TLayer("Multiply", "mul", Cfg(), [], "add", "norm"),
            new TLayer("Concatenate", "cat", Cfg(("axis", -1)), [], "mul", "flat", "norm"),
            new TLayer("LayerNormalization", "ln", Cfg(("axis", -1), ("epsilon", 0.001), ("center", true), ("scale", true)), [W("gamma", random, 18), W("beta", random, 18)], "cat"),
            new TLayer("ReLU", "relu", Cfg(("max_value", 1.5), ("negative_slope", 0.1), ("threshold", 0.05)), [], "ln"),
            new TLayer("Dense", "d2", Cfg(("units", 17), ("activation", "tanh"), ("use_bias", false)), [W("kernel", random, 18, 17)], "relu"),
            new TLayer("LeakyReLU", "leaky", Cfg(("alpha", 0.25)), [], "d2"),
            new TLayer("ELU", "elu", Cfg(("alpha", 0.7)), [], "leaky"),
            new TLayer("PReLU", "prelu", Cfg(), [W("alpha", random, 17)], "elu"),
            new TLayer("Dropout", "drop", Cfg(("rate", 0.5)), [], "prelu"),
            new TLayer("Dense", "d3", Cfg(("units", 4), ("activation", "linear"), ("use_bias", true)), [W("kernel", random, 17, 4), W("bias", random, 4)], "drop"),
            new TLayer("Softmax", "softmax", Cfg(("axis", -1)), [], "d3"),
            new TLayer("Activation", "act", Cfg(("activation", "sigmoid")), [], "softmax"),
        ],
        ["a", "idx"],
        ["act"]);

    private static (string, int[], float[]) Positive((string Name, int[] Shape, float[] Data) w) => (w.Name, w.Shape, w.Data.Select(v => Math.Abs(v) + 0.1f).ToArray());

    private static void CheckBothFormats(SyntheticModel model, Random random, int rows, double relative = 1e-6)
    {
        var inputs = Inputs(model, random, rows);
        foreach (var (bytes, keras3) in new[] { (model.WriteKeras3Zip(), true), (model.WriteKeras2H5(), false) })
        {
            var loaded = KerasModelLoader.Load(new MemoryStream(bytes), keras3 ? "m.keras" : "m.h5");
            Assert.Equal(keras3 ? KerasFileFormat.KerasZip : KerasFileFormat.LegacyHdf5, loaded.Info.Format);
            var actual = FixtureParityTests.Predict(loaded, inputs.SelectMany(r => r).ToArray());
            var expected = inputs.SelectMany(r => ReferenceForward.Run(model, Split(model, r), keras3)).Select(v => (float)v).ToArray();
            FixtureParityTests.AssertClose(expected, actual, 1e-5, relative);
        }
    }

    private static float[][] Inputs(SyntheticModel model, Random random, int rows)
    {
        var isZoo = model.Inputs.Count == 2;
        var width = isZoo ? 6 : ((JsonArray)model.Layers[0].Config["batch_input_shape"]!).Skip(1).Select(n => (int)n!).Aggregate(1, (a, b) => a * b);
        return Enumerable.Range(0, rows).Select(_ =>
        {
            var row = Enumerable.Range(0, width).Select(_ => (float)((random.NextDouble() * 6) - 3)).ToList();
            if (isZoo)
            {
                row.Add(random.Next(7));
                row.Add(random.Next(7));
            }

            return row.ToArray();
        }).ToArray();
    }

    private static double[][] Split(SyntheticModel model, float[] row) =>
        model.Inputs.Count == 2 ? [row.Take(6).Select(v => (double)v).ToArray(), row.Skip(6).Select(v => (double)v).ToArray()] : [row.Select(v => (double)v).ToArray()];
}
