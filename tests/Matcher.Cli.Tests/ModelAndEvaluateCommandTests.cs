using System.Globalization;

namespace Matcher.Cli;

public class ModelAndEvaluateCommandTests
{
    private static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "keras", name);

    [Fact]
    public async Task ModelInspect_ShowsFormatVersionAndLayers()
    {
        using var cli = new CliRunner();
        var (code, output, _) = await cli.RunAsync("model", "inspect", Fixture("k3_sequential_mlp.keras"));
        Assert.Equal(0, code);
        Assert.Contains("kerasZip", output, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Keras 3.16.0", output, StringComparison.Ordinal);
        Assert.Contains("(Normalization)", output, StringComparison.Ordinal);
        Assert.Contains("Todas las capas están soportadas.", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ModelInspect_NamesEveryUnsupportedLayer_ExitOne()
    {
        using var cli = new CliRunner();
        var (code, output, _) = await cli.RunAsync("model", "inspect", Fixture("masking_lstm_sequential_k3.8.0.keras"), "--lang", "en");
        Assert.Equal(1, code);
        Assert.Contains("✗ masking", output, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("(LSTM)", output, StringComparison.Ordinal);
        Assert.Contains("Unsupported layers: 2.", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ModelPredict_WritesOneRoundTripRowPerInputLine()
    {
        using var cli = new CliRunner();
        var input = cli.Write("in.csv", "0.69176012,0.00549218,0.35068041,0.65379167\n0.39138693,0.29508322,0.03900461,0.89519781\n");
        var (code, output, error) = await cli.RunAsync("model", "predict", Fixture("simple_sparse_xent_mlp_keras_2_model.h5"), "--input", input);
        Assert.True(code == 0, error);
        var rows = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split(',').Select(v => float.Parse(v, CultureInfo.InvariantCulture)).ToArray()).ToArray();
        Assert.Equal(2, rows.Length);

        // Keras' own predictions for these rows (Fixtures/PROVENANCE.md).
        Assert.Equal(0.43900433, rows[0][0], 5);
        Assert.Equal(0.18620846, rows[1][1], 5);
    }

    [Fact]
    public async Task ModelPredict_BadRow_NamesTheLine_ExitTwo()
    {
        using var cli = new CliRunner();
        var input = cli.Write("in.csv", "1,2,3,4\n1,2,x,4\n1,2\n");
        var (code, output, error) = await cli.RunAsync("model", "predict", Fixture("simple_sparse_xent_mlp_keras_2_model.h5"), "--input", input);
        Assert.Equal(2, code);
        Assert.Equal(string.Empty, output);
        Assert.Contains("Línea 2: «x» no es un número", error, StringComparison.Ordinal);
        Assert.Contains("Línea 3: se esperaban 4 números y hay 2", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ModelPredict_SubclassedModel_IsAUsageErrorNamingTheVersion()
    {
        using var cli = new CliRunner();
        var input = cli.Write("in.csv", "1,2,3,4\n");
        var (code, _, error) = await cli.RunAsync("model", "predict", Fixture("pre_pr22362_nested_container.keras"), "--input", input);
        Assert.Equal(2, code);
        Assert.Contains("No se pudo cargar el modelo", error, StringComparison.Ordinal);
        Assert.Contains("3.15.0", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OutcomesSimulateTrainEvaluate_EndToEnd()
    {
        using var cli = new CliRunner();
        var outcomes = cli.PathOf("outcomes.csv");
        var (code, output, error) = await cli.RunAsync("outcomes", "simulate", "--out", outcomes, "--students", "400", "--seed", "5");
        Assert.True(code == 0, error);
        Assert.Contains("filas sintéticas", output, StringComparison.Ordinal);
        Assert.Contains(",true,", File.ReadLines(outcomes).Skip(1).First(), StringComparison.Ordinal);

        var features = cli.PathOf("features.csv");
        (code, _, error) = await cli.RunAsync("outcomes", "features", "--outcomes", outcomes, "--out", features);
        Assert.True(code == 0, error);
        var lines = File.ReadAllLines(features);
        Assert.StartsWith("group,label,need,merit,fit,value,urgency,priority,eligible,", lines[0], StringComparison.Ordinal);
        Assert.All(lines.Skip(1), l => Assert.Equal(27, l.Split(',').Length));
        Assert.Contains(lines.Skip(1), l => l.Split(',')[1] != "0");

        var model = cli.PathOf("ranker.zip");
        (code, _, error) = await cli.RunAsync("outcomes", "train", "--outcomes", outcomes, "--out", model);
        Assert.True(code == 0, error);

        (code, output, error) = await cli.RunAsync("evaluate", "--outcomes", outcomes, "--ranker", "lightgbm:" + model, "--lang", "en");
        Assert.True(code == 0, error);
        Assert.Contains("NDCG@10", output, StringComparison.Ordinal);
        Assert.Contains("recall@10", output, StringComparison.Ordinal);
        Assert.Contains("Worst ratio:", output, StringComparison.Ordinal);
        Assert.Contains("nativeLanguage", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Evaluate_UnknownRanker_IsAUsageError()
    {
        using var cli = new CliRunner();
        var outcomes = cli.Write("o.csv", "studentId,scholarshipId,outcome,recordedOn,synthetic\n");
        var (code, _, error) = await cli.RunAsync("evaluate", "--outcomes", outcomes, "--ranker", "forest");
        Assert.Equal(2, code);
        Assert.Contains("ranker desconocido «forest»", error, StringComparison.Ordinal);
    }
}
