using System.Globalization;
using System.Text.Json;
using PureHDF;

namespace Matcher.Keras;

/// <summary>Parity with real Keras-produced files and Keras' own predictions (Fixtures/PROVENANCE.md): max abs error ≤ 1e-5.</summary>
public class FixtureParityTests
{
    private const double Tolerance = 1e-5;

    internal static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", name);

    [Theory]
    [InlineData("dl4j/Softmax_0", "dense_input", "softmax_1")]
    [InlineData("dl4j/ReLU_2", "dense_input", "re_lu_1")]
    [InlineData("dl4j/simple_sparse_xent_mlp_keras_2", "dense_1_input", "activation_1")]
    public void Dl4jModels_MatchKerasPredictions(string name, string input, string output)
    {
        var model = KerasModelLoader.Load(Fixture(name + "_model.h5"));
        using var data = H5File.OpenRead(Fixture(name + "_inputs_and_outputs.h5"));
        var x = data.Dataset("inputs/" + input).Read<float[]>();
        var expected = data.Dataset("predictions/" + output).Read<float[]>();
        Assert.Equal(KerasFileFormat.LegacyHdf5, model.Info.Format);
        Assert.Equal("2.3.1", model.Info.KerasVersion);
        AssertClose(expected, Predict(model, x));
    }

    [Fact]
    public void Hls4mlMnist_JsonWithWeightsOnlyFile_MatchesKeras()
    {
        var model = KerasModelLoader.Load(Fixture("hls4ml/KERAS_mnist_mlp.json"));
        Assert.Equal(KerasFileFormat.JsonWithWeights, model.Info.Format);
        Assert.Equal("2.3.0", model.Info.KerasVersion);
        Assert.Equal(784, model.InputWidth);
        AssertClose(Numbers("hls4ml/KERAS_mnist_mlp_outputs.dat"), Predict(model, Numbers("hls4ml/KERAS_mnist_mlp_inputs.dat")));
    }

    [Theory]
    [InlineData("hls4ml/softmax.h5", KerasFileFormat.LegacyHdf5)]
    [InlineData("hls4ml/softmax.json", KerasFileFormat.JsonWithWeights)]
    public void Hls4mlSoftmax_Keras213_MatchesKeras(string file, KerasFileFormat format)
    {
        var model = KerasModelLoader.Load(Fixture(file));
        Assert.Equal(format, model.Info.Format);
        Assert.Equal("2.13.1", model.Info.KerasVersion);
        AssertClose(Numbers("hls4ml/softmax_tb_output_predictions.dat"), Predict(model, Numbers("hls4ml/softmax_tb_input_features.dat")), 1e-7);
    }

    [Theory]
    [InlineData("keras3/k3_functional_ranker.keras", KerasFileFormat.KerasZip)]
    [InlineData("keras3/k3_functional_ranker.h5", KerasFileFormat.LegacyHdf5)]
    [InlineData("keras3/k3_sequential_mlp.keras", KerasFileFormat.KerasZip)]
    [InlineData("keras3/k3_sequential_mlp.h5", KerasFileFormat.LegacyHdf5)]
    public void Keras3Models_MatchKerasPredictions(string file, KerasFileFormat format)
    {
        var model = KerasModelLoader.Load(Fixture(file));
        Assert.Equal(format, model.Info.Format);
        Assert.Equal("3.16.0", model.Info.KerasVersion);
        var expectedPath = Fixture(file[..file.LastIndexOf('.')] + ".expected.json");
        using var doc = JsonDocument.Parse(File.ReadAllText(expectedPath));
        var (rows, x) = Loading.TestVectors.ReadRows(doc.RootElement.GetProperty("inputs"), model.Inputs);
        var (_, expected) = Loading.TestVectors.ReadRows(doc.RootElement.GetProperty("outputs"), model.Outputs);
        var actual = new float[rows * model.OutputWidth];
        model.Predict(x, actual, rows);
        AssertClose(expected, actual);
    }

    [Fact]
    public void Keras3Functional_InputsFollowInputLayersOrder()
    {
        var model = KerasModelLoader.Load(Fixture("keras3/k3_functional_ranker.keras"));
        Assert.Equal(["features", "department"], model.Inputs.Select(i => i.Name));
        Assert.True(model.Inputs[1].IsInteger);
        Assert.Equal(13, model.InputWidth);
        Assert.Equal("Functional", model.Info.ModelClass);
    }

    [Fact]
    public void HdfFileNamedKeras_IsSniffedByMagicBytes()
    {
        var model = KerasModelLoader.Load(Fixture("hls4ml/mlp_streaming_keras_model.keras"));
        Assert.Equal(KerasFileFormat.LegacyHdf5, model.Info.Format);
        Assert.Equal("2.11.0", model.Info.KerasVersion);

        // Reference values from an independent numpy forward pass (PROVENANCE.md §2); not Keras outputs.
        float[] x = [0, 0.125f, 0.25f, 0.375f, 0.5f, 0.625f, 0.75f, 0.875f, 1, 0.75f, 0.5f, 0.25f, 0, -0.25f, -0.5f, -0.75f, 1, 1, 1, 1, 1, 1, 1, 1];
        AssertClose([0, 0.36573723f, 0, 0.23269826f, 0, 1.13149107f], Predict(model, x));
    }

    [Fact]
    public void TfKerasFunctionalModel_DenseOnRank3_MatchesWeightsByHand()
    {
        var model = KerasModelLoader.Load(Fixture("dl4j/tfkeras_misc_0.h5"));
        Assert.Equal("Model", model.Info.ModelClass);
        Assert.Equal([5, 4], model.Outputs[0].Shape);
        using var file = H5File.OpenRead(Fixture("dl4j/tfkeras_misc_0.h5"));
        var weights = file.Group("model_weights");
        var embeddingGroup = weights.Group(weights.Attribute("layer_names").Read<string[]>().Select(s => s.TrimEnd('\0')).First(n => n.StartsWith("embedding", StringComparison.Ordinal)));
        var denseGroup = weights.Group(weights.Attribute("layer_names").Read<string[]>().Select(s => s.TrimEnd('\0')).First(n => n.StartsWith("dense", StringComparison.Ordinal)));
        var e = Dataset(embeddingGroup);
        var denseNames = denseGroup.Attribute("weight_names").Read<string[]>().Select(s => s.TrimEnd('\0')).ToArray();
        var kernel = denseGroup.Dataset(denseNames.First(n => n.Contains("kernel", StringComparison.Ordinal))).Read<float[]>();
        var bias = denseGroup.Dataset(denseNames.First(n => n.Contains("bias", StringComparison.Ordinal))).Read<float[]>();
        float[] x = [0, 1, 2, 3, 4, 9, 9, 0, 5, 7];
        var actual = Predict(model, x);
        var expected = new float[actual.Length];
        for (var p = 0; p < x.Length; p++)
        {
            for (var o = 0; o < 4; o++)
            {
                double sum = bias[o];
                for (var i = 0; i < 8; i++)
                {
                    sum += e[((int)x[p] * 8) + i] * (double)kernel[(i * 4) + o];
                }

                expected[(p * 4) + o] = (float)sum;
            }
        }

        AssertClose(expected, actual);

        // The two values PROVENANCE.md gives for position 0 of each row.
        AssertClose([0.0083642f, 0.0449342f, 0.0237524f, -0.0558721f], actual.AsSpan(0, 4).ToArray(), 1e-6);
        AssertClose([0.0461255f, 0.0393691f, -0.0428749f, -0.0579662f], actual.AsSpan(20, 4).ToArray(), 1e-6);
    }

    [Fact]
    public void SubclassedModel_IsRejectedWithAClearError()
    {
        var ex = Assert.Throws<KerasModelException>(() => KerasModelLoader.Load(Fixture("keras-team/pre_pr22362_nested_container.keras")));
        Assert.Contains("subclassed", ex.Message, StringComparison.Ordinal);
        Assert.Contains("NestedDenseModel", ex.Message, StringComparison.Ordinal);
        Assert.Contains("3.15.0", ex.Message, StringComparison.Ordinal);
        Assert.Equal("3.15.0", ex.KerasVersion);
    }

    [Fact]
    public void LstmModel_OneErrorNamesEveryUnsupportedLayerAndTheVersion()
    {
        var ex = Assert.Throws<KerasModelException>(() => KerasModelLoader.Load(Fixture("keras-team/masking_lstm_sequential_k3.8.0.keras")));
        Assert.Contains("(Masking", ex.Message, StringComparison.Ordinal);
        Assert.Contains("(LSTM", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Keras 3.8.0", ex.Message, StringComparison.Ordinal);
        Assert.Equal(2, ex.UnsupportedLayers.Count);
    }

    [Fact]
    public void Inspect_ListsUnsupportedLayersWithoutThrowing()
    {
        var info = KerasModelLoader.Inspect(Fixture("keras-team/masking_lstm_sequential_k3.8.0.keras"));
        Assert.Equal(KerasFileFormat.KerasZip, info.Format);
        Assert.Equal("3.8.0", info.KerasVersion);
        Assert.Equal(["Masking", "LSTM"], info.UnsupportedLayers.Select(l => l.ClassName));
        Assert.All(info.UnsupportedLayers, l => Assert.Equal("layer class not supported", l.Detail));
    }

    [Fact]
    public void ModelHash_IsStableAndDiffersBetweenModels()
    {
        var a = KerasModelLoader.Inspect(Fixture("keras3/k3_sequential_mlp.keras")).ModelHash;
        Assert.Equal(a, KerasModelLoader.Inspect(Fixture("keras3/k3_sequential_mlp.keras")).ModelHash);
        Assert.NotEqual(a, KerasModelLoader.Inspect(Fixture("keras3/k3_functional_ranker.keras")).ModelHash);
        Assert.Equal(64, a.Length);
    }

    internal static float[] Predict(IKerasModel model, float[] x)
    {
        var rows = x.Length / model.InputWidth;
        Assert.Equal(rows * model.InputWidth, x.Length);
        var y = new float[rows * model.OutputWidth];
        model.Predict(x, y, rows);
        return y;
    }

    internal static void AssertClose(IReadOnlyList<float> expected, IReadOnlyList<float> actual, double tolerance = Tolerance, double relative = 0)
    {
        Assert.Equal(expected.Count, actual.Count);
        var worst = 0.0;
        var at = -1;
        for (var i = 0; i < expected.Count; i++)
        {
            var d = Math.Abs(expected[i] - (double)actual[i]) - (relative * Math.Abs(expected[i]));
            if (d > worst || double.IsNaN(d))
            {
                worst = d;
                at = i;
            }
        }

        Assert.True(worst <= tolerance, $"max abs error {worst:G3} at {at}: expected {(at >= 0 ? expected[at] : 0)}, got {(at >= 0 ? actual[at] : 0)}");
    }

    private static float[] Dataset(IH5Group group)
    {
        var names = group.Attribute("weight_names").Read<string[]>().Select(s => s.TrimEnd('\0')).ToArray();
        return group.Dataset(names[0]).Read<float[]>();
    }

    private static float[] Numbers(string name) =>
        File.ReadAllText(Fixture(name)).Split((char[])[' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries)
            .Select(s => float.Parse(s, CultureInfo.InvariantCulture)).ToArray();
}
