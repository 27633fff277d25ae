using System.Text.Json.Nodes;
using Matcher.Ingestion.Changes;
using Microsoft.AspNetCore.Http;

namespace Matcher.Ingestion;

public sealed class SourceCheckerTests : IAsyncLifetime
{
    private const string Published = """
        {"id":"beca-prueba-2026","program":"beca-prueba","provider":"Fundación Prueba","name":{"es":"Beca Prueba 2026","en":"Test Scholarship 2026"},
         "level":"undergraduate","studyCountries":["PE"],"convocatoria":2026,"sourceUrl":"https://www.example.org/bases","sourceYear":2025,
         "call":{"opens":"2025-09-08","closes":"2025-10-05"},"vacancies":500,
         "coverage":{"type":"full","items":["tuition"]},
         "criteria":[{"type":"age","lessThan":22,"note":"Menores de 22 años."}]}
        """;

    private ChangingSite _site = null!;
    private Microsoft.Extensions.DependencyInjection.ServiceProvider _services = null!;

    public async Task InitializeAsync()
    {
        _site = await ChangingSite.StartAsync();
        _services = TestIngestion.Services();
    }

    public async Task DisposeAsync()
    {
        await _site.DisposeAsync();
        await _services.DisposeAsync();
    }

    internal static string Page(string window, string vacancies, string extra = "", string noise = "") => $"""
        <!doctype html><html><head><title>Beca Prueba 2026</title><script>var x = "no es texto";</script></head>
        <body><header><nav><a href="/">Inicio</a> | <a href="/becas">Becas</a></nav></header>
        <main><h1>Beca Prueba 2026</h1>
        <p>{window}</p>
        <p>Se otorgarán {vacancies} becas.</p>
        <h2>Requisitos</h2><ul><li>Ser menores de 22 años.</li>{extra}</ul>
        <p>{noise}</p>
        <p><a href="/bases-2026.pdf">Bases (PDF)</a></p>
        </main><footer>© 2025 Fundación Prueba. Todos los derechos reservados.</footer></body></html>
        """;

    private const string Window = "Las inscripciones van del 8 de setiembre al 5 de octubre de 2025.";

    private SourceCheckRequest Request(string? lastHash = null, string? etag = null) =>
        new(SourceKind.Web, _site.Url("/beca"), "beca-prueba-2026", new Dictionary<string, JsonObject> { ["beca-prueba-2026"] = JsonNode.Parse(Published)!.AsObject() }, etag, null, lastHash);

    [Fact]
    public async Task PageEqualToThePublishedCall_GivesNoDraft_AndASecondFetchIsUnchanged()
    {
        _site.Page("/beca", Page(Window, "500"));
        var first = await _services.Checker().CheckAsync(Request());
        Assert.Equal(SourceCheckStatus.NoFieldChanges, first.Status);
        Assert.Empty(first.Proposals);
        Assert.DoesNotContain("no es texto", first.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Inicio", first.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("derechos reservados", first.Text, StringComparison.Ordinal);
        Assert.Equal([_site.Url("/bases-2026.pdf")], first.Documents);

        // Same content again, and then only white space and entities that decode to the same text: no parse, no draft.
        var again = await _services.Checker().CheckAsync(Request(first.ContentHash));
        Assert.Equal(SourceCheckStatus.Unchanged, again.Status);
        _site.Page("/beca", Page(Window.Replace(" ", "   \n ", StringComparison.Ordinal), "500").Replace("Requisitos", "Requisit&#111;s", StringComparison.Ordinal));
        var reformatted = await _services.Checker().CheckAsync(Request(first.ContentHash));
        Assert.Equal(SourceCheckStatus.Unchanged, reformatted.Status);
        Assert.Empty(reformatted.Proposals);
    }

    [Fact]
    public async Task DeadlineMoved_IsOneFieldChange()
    {
        _site.Page("/beca", Page(Window, "500"));
        var first = await _services.Checker().CheckAsync(Request());
        _site.Page("/beca", Page("Las inscripciones van del 8 de setiembre al 20 de octubre de 2025.", "500"));
        var result = await _services.Checker().CheckAsync(Request(first.ContentHash));
        Assert.Equal(SourceCheckStatus.Changed, result.Status);
        var proposal = Assert.Single(result.Proposals);
        var change = Assert.Single(proposal.Changes);
        Assert.Equal(new FieldChange("$.call.closes", FieldChangeKind.Changed, "\"2025-10-05\"", "\"2025-10-20\""), change);
        Assert.Equal("2025-10-20", JsonNode.Parse(proposal.DraftJson)!["call"]!["closes"]!.GetValue<string>());
        Assert.Contains("20 de octubre de 2025", proposal.SourceText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task VacanciesCut_AndARequirementAdded_AreListedField_ByField()
    {
        _site.Page("/beca", Page(Window, "500"));
        var first = await _services.Checker().CheckAsync(Request());
        _site.Page("/beca", Page(Window, "120", "<li>Pertenecer al tercio superior en los dos últimos grados de secundaria.</li>"));
        var result = await _services.Checker().CheckAsync(Request(first.ContentHash));
        var proposal = Assert.Single(result.Proposals);
        Assert.Equal(
            [("$.vacancies", FieldChangeKind.Changed), ("$.criteria[academicRank/basic]", FieldChangeKind.Added)],
            proposal.Changes.Select(c => (c.Path, c.Kind)));
        Assert.Equal(("500", "120"), (proposal.Changes[0].Before, proposal.Changes[0].After));

        // The published requirement the page restates keeps its curated note.
        var age = JsonNode.Parse(proposal.DraftJson)!["criteria"]!.AsArray().Single(c => c!["type"]!.GetValue<string>() == "age")!;
        Assert.Equal("Menores de 22 años.", age["note"]!.GetValue<string>());
    }

    [Fact]
    public async Task NotModified_CostsNoParse()
    {
        _site.Page("/beca", Page(Window, "500"), etag: "\"v1\"");
        var first = await _services.Checker().CheckAsync(Request());
        Assert.Equal("\"v1\"", first.Fetch!.ETag);
        var second = await _services.Checker().CheckAsync(Request(first.ContentHash, first.Fetch.ETag));
        Assert.Equal(SourceCheckStatus.NotModified, second.Status);
        Assert.Equal(first.ContentHash, second.ContentHash);
        Assert.Null(second.Text);
    }

    [Fact]
    public async Task TextThatChangesNoField_GivesNoDraft()
    {
        _site.Page("/beca", Page(Window, "500"));
        var first = await _services.Checker().CheckAsync(Request());
        _site.Page("/beca", Page(Window, "500", noise: "Actualizado: nueva foto de la ceremonia."));
        var result = await _services.Checker().CheckAsync(Request(first.ContentHash));
        Assert.Equal(SourceCheckStatus.NoFieldChanges, result.Status);
        Assert.NotEqual(first.ContentHash, result.ContentHash);
    }

    [Fact]
    public async Task PdfSource_NeedsManualUpload_AndUploadedTextIsChecked()
    {
        _site.Route("/bases.pdf", c => c.Response.WriteAsync("%PDF-1.4"));
        var result = await _services.Checker().CheckAsync(Request() with { Url = _site.Url("/bases.pdf") });
        Assert.Equal(SourceCheckStatus.NeedsManualUpload, result.Status);
        Assert.Equal(0, _site.Hits("/bases.pdf"));

        _site.Route("/descarga", async c =>
        {
            c.Response.ContentType = "application/pdf";
            await c.Response.WriteAsync("%PDF-1.4");
        });
        Assert.Equal(SourceCheckStatus.NeedsManualUpload, (await _services.Checker().CheckAsync(Request() with { Url = _site.Url("/descarga") })).Status);

        var uploaded = await _services.Checker().CheckTextAsync(Request() with { Kind = SourceKind.Manual }, "Beca Prueba 2026. Las inscripciones van del 8 de setiembre al 12 de octubre de 2025.", "text/plain");
        Assert.Equal("$.call.closes", Assert.Single(Assert.Single(uploaded.Proposals).Changes).Path);
    }

    [Fact]
    public async Task Feed_UpdatesTheCallsItNames_AndOnlyThoseThatChanged()
    {
        var calls = new Dictionary<string, JsonObject>
        {
            ["beca-prueba-2026"] = JsonNode.Parse(Published)!.AsObject(),
            ["beca-otra-2026"] = JsonNode.Parse(Published.Replace("beca-prueba-2026", "beca-otra-2026", StringComparison.Ordinal))!.AsObject(),
        };
        _site.Page("/feed.csv", "id,name,url,deadline,vacancies,requirementsText\nbeca-prueba-2026,,,2025-10-05,500,\nbeca-otra-2026,,,2025-11-01,300,\"Ser menores de 22 años. Contar con clasificación socioeconómica de pobre o pobre extremo.\"\n", "text/csv");
        var result = await _services.Checker().CheckAsync(new SourceCheckRequest(SourceKind.Feed, _site.Url("/feed.csv"), null, calls));
        Assert.Equal(SourceCheckStatus.Changed, result.Status);
        var proposal = Assert.Single(result.Proposals);
        Assert.Equal("beca-otra-2026", proposal.CallId);
        Assert.Equal(["$.call.closes", "$.vacancies", "$.criteria[sisfoh]"], proposal.Changes.Select(c => c.Path));

        _site.Page("/feed.json", """[{"id":"beca-desconocida-2026","deadline":"2025-10-05"}]""", "application/json");
        var unknown = await _services.Checker().CheckAsync(new SourceCheckRequest(SourceKind.Feed, _site.Url("/feed.json"), null, calls));
        Assert.Equal(SourceCheckStatus.Failed, unknown.Status);
        Assert.Equal((1, "id"), (unknown.FeedErrors![0].Line, unknown.FeedErrors[0].Field));
    }
}
