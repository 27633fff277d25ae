using System.Text.Json;

namespace Matcher.Cli;

public class MatchCommandTests
{
    private const string Valid = """{"id":"st-1","nationality":"PE","birthDate":"2007-03-10","sisfoh":{"classification":"poor","validUntil":"2027-01-01"},"basicEducation":{"modality":"ebr","status":"graduated","academicRank":"topThird","coar":false},"previousHigherStudies":false,"holdsScholarship":false}""";

    [Fact]
    public async Task Student_JsonFormat_PrintsExactlyOneContractReport()
    {
        using var cli = new CliRunner();
        var (code, output, error) = await cli.RunAsync("match", "--student", CliRunner.Sample("huancavelica.json"), "--date", "2025-09-20", "--format", "json");
        Assert.Equal(0, code);
        Assert.Equal(string.Empty, error);
        using var doc = JsonDocument.Parse(output);
        Assert.Equal("st-hvca-0001", doc.RootElement.GetProperty("studentId").GetString());
        Assert.Equal("2025-09-20", doc.RootElement.GetProperty("asOf").GetString());
        var first = doc.RootElement.GetProperty("matches")[0];
        Assert.Equal("beca18-2026-ordinaria", first.GetProperty("scholarshipId").GetString());
        Assert.Equal("eligible", first.GetProperty("verdict").GetString());
    }

    [Fact]
    public async Task Student_TableFormat_ShowsSpanishTable()
    {
        using var cli = new CliRunner();
        var (code, output, _) = await cli.RunAsync("match", "--student", CliRunner.Sample("huancavelica.json"), "--date", "2025-09-20", "--format", "table", "--top", "3");
        Assert.Equal(0, code);
        Assert.Contains("Estudiante st-hvca-0001", output, StringComparison.Ordinal);
        Assert.Contains("puedes postular", output, StringComparison.Ordinal);
        Assert.Contains("Próximos pasos", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TopAllAndLang_AreHonoured()
    {
        using var cli = new CliRunner();
        var (code, output, _) = await cli.RunAsync("match", "--student", CliRunner.Sample("huancavelica.json"), "--date", "2025-09-20", "--format", "json", "--top", "2", "--all", "--lang", "en");
        Assert.Equal(0, code);
        using var doc = JsonDocument.Parse(output);
        var matches = doc.RootElement.GetProperty("matches").EnumerateArray().ToArray();
        Assert.Equal(2, matches.Count(m => m.GetProperty("verdict").GetString() != "ineligible"));
        Assert.Contains(matches, m => m.GetProperty("verdict").GetString() == "ineligible" && m.GetProperty("rank").ValueKind == JsonValueKind.Null);
        Assert.Equal("en", doc.RootElement.GetProperty("language").GetString());
        Assert.Equal("Beca 18-2026 – Ordinary modality", matches[0].GetProperty("name").GetString());
    }

    [Fact]
    public async Task UnknownField_ExitsTwoNamingThePathWithoutAStackTrace()
    {
        using var cli = new CliRunner();
        var path = cli.Write("bad.json", """{ "id": "a", "basicEducation": { "gpa": 3.2, "gradeAverage": 25 } }""");
        var (code, output, error) = await cli.RunAsync("match", "--student", path, "--format", "json");
        Assert.Equal(2, code);
        Assert.Equal(string.Empty, output);
        Assert.Contains("$.basicEducation.gpa: el campo «gpa» no existe", error, StringComparison.Ordinal);
        Assert.Contains("$.basicEducation.gradeAverage: 25 está fuera del rango permitido (0 a 20).", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MissingFile_ExitsTwo()
    {
        using var cli = new CliRunner();
        var (code, _, error) = await cli.RunAsync("match", "--student", cli.PathOf("nope.json"));
        Assert.Equal(2, code);
        Assert.Contains("no se encontró el archivo", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("match")]
    [InlineData("match", "--student", "a.json", "--students", "b.jsonl")]
    [InlineData("match", "--student", "a.json", "--date", "2025-02-30")]
    [InlineData("match", "--student", "a.json", "--top", "0")]
    [InlineData("match", "--student", "a.json", "--format", "xml")]
    [InlineData("match", "--student", "a.json", "--lang", "qu")]
    [InlineData("match", "--students", "a.jsonl")]
    [InlineData("match", "--students", "a.jsonl", "--out", "o.jsonl", "--shard", "3/3")]
    [InlineData("match", "--unknown-option")]
    [InlineData("frobnicate")]
    public async Task UsageErrors_ExitTwo(params string[] args)
    {
        using var cli = new CliRunner();
        var (code, output, error) = await cli.RunAsync(args);
        Assert.Equal(2, code);
        Assert.Equal(string.Empty, output);
        Assert.StartsWith("Error de uso:", error.TrimStart(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task JsonLinesBatch_WritesValidRowsAndReportsBadOnesByLineAndField()
    {
        using var cli = new CliRunner();
        var input = cli.Write("class.jsonl", string.Join("\n",
            Valid,
            """{"id":"st-2","birthDate":"2007-02-30"}""",
            "",
            Valid.Replace("st-1", "st-3", StringComparison.Ordinal),
            """{"id":"st-4","gender":"f"}""",
            "{ broken",
            Valid) + "\n");
        var output = cli.PathOf("reports.jsonl");
        var (code, stdout, error) = await cli.RunAsync("match", "--students", input, "--out", output, "--date", "2025-09-20");
        Assert.Equal(1, code);
        Assert.Equal(string.Empty, stdout);
        var reports = File.ReadAllLines(output).Select(l => JsonDocument.Parse(l).RootElement.GetProperty("studentId").GetString()!).ToArray();
        Assert.Equal(["st-1", "st-3"], reports);
        Assert.Contains("class.jsonl:línea 2: $.birthDate:", error, StringComparison.Ordinal);
        Assert.Contains("class.jsonl:línea 5: $.gender:", error, StringComparison.Ordinal);
        Assert.Contains("línea 6: $: el texto no es JSON válido", error, StringComparison.Ordinal);
        Assert.Contains("línea 7: $.id: el id «st-1» ya apareció en la línea 1.", error, StringComparison.Ordinal);
        Assert.Contains("2 perfiles evaluados, 4 filas con errores", error, StringComparison.Ordinal);
        Assert.False(File.Exists(output + ".partial"));
    }

    [Fact]
    public async Task CsvBatch_ReadsFlattenedColumnsAndReportsBadCells()
    {
        using var cli = new CliRunner();
        var input = cli.Write("class.csv",
            "id,nationality,birthDate,sisfoh.classification,sisfoh.validUntil,basicEducation.modality,basicEducation.status,basicEducation.academicRank,basicEducation.coar,previousHigherStudies,holdsScholarship,nativeLanguages,aspirations\n" +
            "st-1,PE,2007-03-10,poor,2027-01-01,ebr,graduated,topThird,false,false,false,quechua,\"Quiero estudiar, ojalá, enfermería\"\n" +
            "st-2,PE,2007-03-10,pobre,2027-01-01,ebr,graduated,topThird,no,false,false,[],\n" +
            "st-3,PE,,poor,,ebr,inLastGrade,,,,,,\n");
        var output = cli.PathOf("reports.jsonl");
        var (code, _, error) = await cli.RunAsync("match", "--students", input, "--out", output, "--date", "2025-09-20");
        Assert.Equal(1, code);
        var lines = File.ReadAllLines(output);
        Assert.Equal(2, lines.Length);
        using var first = JsonDocument.Parse(lines[0]);
        Assert.Equal("eligible", first.RootElement.GetProperty("matches")[0].GetProperty("verdict").GetString());
        Assert.Contains("class.csv:línea 3: sisfoh.classification: «pobre» no es un valor válido", error, StringComparison.Ordinal);
        Assert.Contains("class.csv:línea 3: basicEducation.coar: «no» no es un valor lógico", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CsvWithUnknownColumn_ExitsTwoAndWritesNothing()
    {
        using var cli = new CliRunner();
        var input = cli.Write("class.csv", "id,promedio\nst-1,15\n");
        var output = cli.PathOf("reports.jsonl");
        var (code, _, error) = await cli.RunAsync("match", "--students", input, "--out", output);
        Assert.Equal(2, code);
        Assert.Contains("la columna «promedio» no existe", error, StringComparison.Ordinal);
        Assert.False(File.Exists(output));
    }

    [Fact]
    public async Task Shard_KeepsRowsWhoseIndexModNIsI()
    {
        using var cli = new CliRunner();
        var rows = Enumerable.Range(0, 10).Select(i => Valid.Replace("st-1", "st-" + i, StringComparison.Ordinal));
        var input = cli.Write("class.jsonl", string.Join("\n", rows));
        var output = cli.PathOf("shard.jsonl");
        var (code, _, _) = await cli.RunAsync("match", "--students", input, "--out", output, "--shard", "1/3", "--date", "2025-09-20");
        Assert.Equal(0, code);
        Assert.Equal(["st-1", "st-4", "st-7"], File.ReadAllLines(output).Select(l => JsonDocument.Parse(l).RootElement.GetProperty("studentId").GetString()));
    }

    [Fact]
    public async Task Brief_KeepsVerdictsAndDropsExplanations()
    {
        using var cli = new CliRunner();
        var input = cli.Write("class.jsonl", Valid);
        var (fullCode, _, _) = await cli.RunAsync("match", "--students", input, "--out", cli.PathOf("full.jsonl"), "--date", "2025-09-20");
        var (briefCode, _, _) = await cli.RunAsync("match", "--students", input, "--out", cli.PathOf("brief.jsonl"), "--date", "2025-09-20", "--brief");
        Assert.Equal((0, 0), (fullCode, briefCode));
        using var full = JsonDocument.Parse(File.ReadAllText(cli.PathOf("full.jsonl")));
        using var brief = JsonDocument.Parse(File.ReadAllText(cli.PathOf("brief.jsonl")));
        var fullMatches = full.RootElement.GetProperty("matches").EnumerateArray().ToArray();
        var briefMatches = brief.RootElement.GetProperty("matches").EnumerateArray().ToArray();
        Assert.Equal(fullMatches.Select(m => (m.GetProperty("scholarshipId").GetString(), m.GetProperty("verdict").GetString(), m.GetProperty("score").GetDouble())),
            briefMatches.Select(m => (m.GetProperty("scholarshipId").GetString(), m.GetProperty("verdict").GetString(), m.GetProperty("score").GetDouble())));
        Assert.All(briefMatches, m => Assert.Equal(0, m.GetProperty("reasons").GetArrayLength() + m.GetProperty("nextSteps").GetArrayLength()));
        Assert.Contains(fullMatches, m => m.GetProperty("reasons").GetArrayLength() > 0);
    }

    [Fact]
    public async Task UnknownBatchExtension_ExitsTwo()
    {
        using var cli = new CliRunner();
        var (code, _, error) = await cli.RunAsync("match", "--students", cli.Write("class.xlsx", "x"), "--out", cli.PathOf("o.jsonl"));
        Assert.Equal(2, code);
        Assert.Contains("usa .jsonl (JSON Lines) o .csv", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RealProcess_ReturnsContractExitCodes()
    {
        var ok = await CliRunner.RunProcessAsync("match", "--student", CliRunner.Sample("huancavelica.json"), "--date", "2025-09-20", "--format", "json");
        Assert.Equal(0, ok.ExitCode);
        Assert.Equal("st-hvca-0001", JsonDocument.Parse(ok.Output).RootElement.GetProperty("studentId").GetString());
        var usage = await CliRunner.RunProcessAsync("match", "--student", "/no/such/file.json");
        Assert.Equal(2, usage.ExitCode);
        Assert.DoesNotContain("Exception", usage.Error, StringComparison.Ordinal);
    }
}
