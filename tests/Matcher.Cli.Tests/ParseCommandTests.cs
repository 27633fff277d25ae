using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace Matcher.Cli;

public class ParseCommandTests
{
    private const string Call = "Beca Tec 2025\nEl Pronabec ofrece 300 becas para estudiar carreras técnicas. Pueden postular personas de entre 17 y 39 años con secundaria completa. Las postulaciones están abiertas hasta el 15 de setiembre de 2025.\nFuente: https://rpp.pe/\n";

    [Fact]
    public async Task ParseCall_Offline_PrintsDraftIssuesEvidenceAndProvenanceAsJson()
    {
        using var cli = new CliRunner();
        var file = cli.Write("call.txt", Call);
        var (code, output, error) = await cli.RunAsync("parse", "call", "--text", file, "--format", "json");
        Assert.Equal(0, code);
        Assert.Equal(string.Empty, error);
        using var doc = JsonDocument.Parse(output);
        var draft = doc.RootElement.GetProperty("draft");
        Assert.Equal(300, draft.GetProperty("vacancies").GetInt32());
        Assert.Equal("2025-09-15", draft.GetProperty("call").GetProperty("closes").GetString());
        Assert.Equal("offline", doc.RootElement.GetProperty("provenance").GetProperty("parser").GetString());
        Assert.Contains(doc.RootElement.GetProperty("evidence").EnumerateArray(), e => e.GetProperty("quote").GetString() == "entre 17 y 39 años");
    }

    [Fact]
    public async Task ParseStudent_Offline_GivesAContractProfile()
    {
        using var cli = new CliRunner();
        var file = cli.Write("st-7.txt", "Soy peruana, vivo en el distrito de Sivia y estoy en quinto de secundaria. Estoy en el tercio superior.");
        var (code, output, _) = await cli.RunAsync("parse", "student", "--text", file, "--format", "json");
        Assert.Equal(0, code);
        var draft = JsonDocument.Parse(output).RootElement.GetProperty("draft");
        Assert.Equal("st-7", draft.GetProperty("id").GetString());
        Assert.Equal("050407", draft.GetProperty("residenceUbigeo").GetString());
        Assert.Equal("topThird", draft.GetProperty("basicEducation").GetProperty("academicRank").GetString());
    }

    [Fact]
    public async Task ParseOpenAI_WithoutAKey_UsesOfflineAndSaysSoInSpanish()
    {
        using var cli = new CliRunner();
        var file = cli.Write("call.txt", Call);
        using var output = new StringWriter();
        using var error = new StringWriter();
        var context = new CliContext(output, error, outputIsTerminal: false, errorIsTerminal: false);
        var root = new System.CommandLine.RootCommand { Commands.ParseCommand.Create(context, new Commands.CommonOptions(Explanations.MatcherCultures.Spanish), _ => null) };
        var code = await root.Parse(["parse", "call", "--text", file, "--parser", "openai", "--format", "json"]).InvokeAsync();
        Assert.Equal(0, code);
        Assert.Contains("No se encontró OPENAI_API_KEY: se usa el analizador sin conexión", error.ToString(), StringComparison.Ordinal);
        Assert.Equal("offline", JsonDocument.Parse(output.ToString()).RootElement.GetProperty("provenance").GetProperty("parser").GetString());
    }

    [Fact]
    public async Task Parse_BadParserOrMissingFile_IsAUsageError()
    {
        using var cli = new CliRunner();
        var file = cli.Write("call.txt", Call);
        var (code, _, error) = await cli.RunAsync("parse", "call", "--text", file, "--parser", "gpt");
        Assert.Equal(2, code);
        Assert.Contains("«gpt» no es un analizador", error, StringComparison.Ordinal);
        Assert.Equal(2, (await cli.RunAsync("parse", "call", "--text", cli.PathOf("missing.txt"))).ExitCode);
    }

    [Fact]
    public async Task ParseCall_Table_ShowsEachFactWithItsQuote_AndTheIssues()
    {
        using var cli = new CliRunner();
        var file = cli.Write("call.txt", Call);
        var (code, output, _) = await cli.RunAsync("parse", "call", "--text", file, "--format", "table");
        Assert.Equal(0, code);
        Assert.Contains("entre 17 y 39 años", output, StringComparison.Ordinal);
        Assert.Contains("$.coverage.items: No se encontró en el texto.", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ParseCall_OpenAI_ReadsTheStandardVariables_AndTalksToTheConfiguredEndpoint()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        using var listener = new HttpListener();
        listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        listener.Start();
        var body = File.ReadAllText(Fixture("call-valid.json"));
        string? authorization = null;
        var server = Task.Run(async () =>
        {
            var context = await listener.GetContextAsync();
            authorization = context.Request.Headers["Authorization"];
            var bytes = Encoding.UTF8.GetBytes(body);
            context.Response.ContentType = "application/json";
            await context.Response.OutputStream.WriteAsync(bytes);
            context.Response.Close();
        });

        using var cli = new CliRunner();
        var file = cli.Write("call.txt", File.ReadAllText(Fixture("beca-tec-2025.txt")));
        var env = new Dictionary<string, string> { ["OPENAI_API_KEY"] = "sk-cli-test", ["OPENAI_BASE_URL"] = $"http://127.0.0.1:{port}/v1", ["MATCHER_OPENAI_MODEL"] = "gpt-4.1-mini" };
        using var output = new StringWriter();
        using var error = new StringWriter();
        var context = new CliContext(output, error, outputIsTerminal: false, errorIsTerminal: false);
        var root = new System.CommandLine.RootCommand { Commands.ParseCommand.Create(context, new Commands.CommonOptions(Explanations.MatcherCultures.Spanish), env.GetValueOrDefault) };
        var code = await root.Parse(["parse", "call", "--text", file, "--parser", "openai"]).InvokeAsync();
        await server;

        Assert.Equal(0, code);
        Assert.Equal(string.Empty, error.ToString());
        Assert.Equal("Bearer sk-cli-test", authorization);
        var json = JsonDocument.Parse(output.ToString()).RootElement;
        Assert.Equal("openai", json.GetProperty("provenance").GetProperty("parser").GetString());
        Assert.Equal(300, json.GetProperty("draft").GetProperty("vacancies").GetInt32());
    }

    private static string Fixture(string name)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !Directory.Exists(Path.Combine(dir.FullName, "tests", "Matcher.OpenAI.Tests", "Fixtures")))
        {
            dir = dir.Parent;
        }

        return Path.Combine(dir!.FullName, "tests", "Matcher.OpenAI.Tests", "Fixtures", name);
    }
}
