namespace Matcher.Cli;

public class ExplainAndCatalogCommandTests
{
    [Fact]
    public async Task Explain_ListsEveryCriterionInWords()
    {
        using var cli = new CliRunner();
        var (code, output, _) = await cli.RunAsync("explain", "--student", CliRunner.Sample("huancavelica.json"), "--scholarship", "beca18-2026-ordinaria", "--date", "2025-09-20", "--format", "table");
        Assert.Equal(0, code);
        Assert.Contains("Tienes 18 años al 5 de setiembre de 2025; el límite es menos de 22.", output, StringComparison.Ordinal);
        Assert.Contains("ebe-graduated", output, StringComparison.Ordinal);
        Assert.Contains("Fuente:", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Explain_UnknownScholarship_SuggestsCloseIds()
    {
        using var cli = new CliRunner();
        var (code, _, error) = await cli.RunAsync("explain", "--student", CliRunner.Sample("huancavelica.json"), "--scholarship", "beca18-2026-ordinary");
        Assert.Equal(2, code);
        Assert.Contains("no existe la beca «beca18-2026-ordinary»", error, StringComparison.Ordinal);
        Assert.Contains("beca18-2026-ordinaria", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CatalogValidate_BuiltIn_ExitsZero()
    {
        using var cli = new CliRunner();
        var (code, output, error) = await cli.RunAsync("catalog", "validate");
        Assert.Equal(0, code);
        Assert.Equal(string.Empty, error);
        Assert.Matches(@"^Catálogo 2026\.1: \d+ becas válidas\.", output);
    }

    [Fact]
    public async Task CatalogValidate_Directory_ReportsEachBadFileAndPath()
    {
        using var cli = new CliRunner();
        var source = Path.Combine(AppContext.BaseDirectory, "catalog");
        foreach (var file in Directory.EnumerateFiles(source, "*.json", SearchOption.AllDirectories))
        {
            cli.Write(Path.Combine("catalog", Path.GetRelativePath(source, file)), File.ReadAllText(file));
        }

        var dir = Path.Combine(cli.Directory, "catalog");
        Assert.Equal(0, (await cli.RunAsync("catalog", "validate", "--catalog", dir)).ExitCode);

        var ordinaria = Path.Combine(dir, "scholarships", "beca18-2026-ordinaria.json");
        File.WriteAllText(ordinaria, File.ReadAllText(ordinaria).Replace("\"topThird\"", "\"topQuarter\"", StringComparison.Ordinal));
        var (code, _, error) = await cli.RunAsync("catalog", "validate", "--catalog", dir, "--lang", "en");
        Assert.Equal(1, code);
        Assert.Contains("scholarships/beca18-2026-ordinaria.json: $.criteria[", error, StringComparison.Ordinal);
        Assert.Contains("'topQuarter' is not a valid value", error, StringComparison.Ordinal);

        Assert.Equal(2, (await cli.RunAsync("match", "--student", CliRunner.Sample("huancavelica.json"), "--catalog", dir)).ExitCode);
        Assert.Equal(2, (await cli.RunAsync("catalog", "validate", "--catalog", cli.PathOf("missing"))).ExitCode);
    }
}
