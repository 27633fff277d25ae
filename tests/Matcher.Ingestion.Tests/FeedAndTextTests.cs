using System.Globalization;
using Matcher.Ingestion.Changes;
using Matcher.Ingestion.Feeds;
using Matcher.Ingestion.Fetching;
using Matcher.Ingestion.Text;

namespace Matcher.Ingestion;

public class FeedAndTextTests
{
    [Fact]
    public void Csv_IsRead_WithTypes()
    {
        var entries = CatalogFeed.Read("id,name,url,deadline,vacancies,requirementsText\nbeca-a-2026,Beca A,https://x.org/a,2025-10-05,5184,\"Ser peruano, menor de 22 años.\"\nbeca-b-2026,,,,,\n");
        Assert.Equal(2, entries.Count);
        Assert.Equal(new FeedEntry("beca-a-2026", "Beca A", new Uri("https://x.org/a"), new DateOnly(2025, 10, 5), 5184, "Ser peruano, menor de 22 años.", 2), entries[0]);
        Assert.Equal(new FeedEntry("beca-b-2026", null, null, null, null, null, 3), entries[1]);
    }

    [Fact]
    public void Json_IsRead_WithTypes()
    {
        var entry = Assert.Single(CatalogFeed.Read("""[{"id":"beca-a-2026","deadline":"2025-10-05","vacancies":20,"requirementsText":null}]"""));
        Assert.Equal((new DateOnly(2025, 10, 5), 20), (entry.Deadline, entry.Vacancies));
    }

    [Fact]
    public void BadCsvRows_NameTheirLineAndColumn_AndRefuseTheWholeFeed()
    {
        var ex = Assert.Throws<FeedFormatException>(() => CatalogFeed.Read(
            "id,deadline,vacancies\nbeca-a-2026,2025-10-05,10\nBeca B,05/10/2025,muchas\nbeca-a-2026,,\n,2025-10-05,1,extra\n"));
        Assert.Equal(
            [(3, "id"), (3, "deadline"), (3, "vacancies"), (4, "id"), (5, "$")],
            ex.Errors.Select(e => (e.Line, e.Field)));
        Assert.Equal("línea 3, deadline: '05/10/2025' no es una fecha AAAA-MM-DD.", ex.Errors[1].Message(CultureInfo.GetCultureInfo("es-PE")));
        Assert.Equal("line 3, deadline: '05/10/2025' is not a YYYY-MM-DD date.", ex.Errors[1].Message(CultureInfo.GetCultureInfo("en")));
    }

    [Fact]
    public void BadJson_NamesThePath()
    {
        var ex = Assert.Throws<FeedFormatException>(() => CatalogFeed.Read("""[{"id":"beca-a-2026","vacancies":"diez","deadline":"mañana","otro":1}, 3]"""));
        Assert.Equal(["$[0].otro", "$[0].deadline", "$[0].vacancies", "$[1]"], ex.Errors.Select(e => e.Field));
        Assert.Throws<FeedFormatException>(() => CatalogFeed.Read("""{"id":"x"}""", "application/json"));
        Assert.Throws<FeedFormatException>(() => CatalogFeed.Read("[{", "application/json"));
        Assert.Contains(Assert.Throws<FeedFormatException>(() => CatalogFeed.Read("nombre,fecha\na,b\n")).Errors, e => e.Field == "id");
    }

    [Fact]
    public void Html_MainText_DropsChrome_AndKeepsLines()
    {
        var page = HtmlText.Extract("<html><head><title>T</title><style>p{}</style></head><body><nav>Menú</nav><main><h1>Beca</h1><p>Hasta el\n 5 de octubre.</p><ul><li>Uno</li><li>Dos</li></ul><div hidden>oculto</div><a href='b.pdf'>bases</a></main><aside>Otras</aside></body></html>", new Uri("https://x.org/becas/"));
        Assert.Equal("Beca\nHasta el 5 de octubre.\n- Uno\n- Dos\nbases", page.Text);
        Assert.Equal("T", page.Title);
        Assert.Equal([new Uri("https://x.org/becas/b.pdf")], page.Documents);
    }

    [Theory]
    [InlineData("User-agent: *\nDisallow: /privado/", "/privado/x", false)]
    [InlineData("User-agent: *\nDisallow: /privado/\nAllow: /privado/publico", "/privado/publico/a", true)]
    [InlineData("User-agent: MatcherCatalogBot\nDisallow: /\n\nUser-agent: *\nAllow: /", "/becas", false)]
    [InlineData("User-agent: otrobot\nDisallow: /\n", "/becas", true)]
    [InlineData("User-agent: *\nDisallow: /*.php$", "/a/b.php", false)]
    [InlineData("User-agent: *\nDisallow: /*.php$", "/a/b.php?x=1", true)]
    [InlineData("User-agent: *\nDisallow:", "/x", true)]
    public void Robots_Rules(string robots, string path, bool allowed) =>
        Assert.Equal(allowed, RobotsTxt.Parse(robots, "MatcherCatalogBot/0.1 (+https://example.org)").IsAllowed(path));

    [Fact]
    public void Merge_TakesDatesVacanciesAndRequirements_AndNeverRemoves()
    {
        var published = System.Text.Json.Nodes.JsonNode.Parse("""{"call":{"opens":"2025-09-01","closes":"2025-10-05"},"vacancies":10,"criteria":[{"type":"age","lessThan":22,"note":"n"},{"type":"nationality","in":["PE"]}]}""")!.AsObject();
        var parsed = System.Text.Json.Nodes.JsonNode.Parse("""{"call":{"closes":"2025-10-20"},"criteria":[{"type":"age","lessThan":25}]}""")!.AsObject();
        var draft = CallMerge.Merge(published, parsed);
        Assert.Equal(
            [new FieldChange("$.call.closes", FieldChangeKind.Changed, "\"2025-10-05\"", "\"2025-10-20\""), new FieldChange("$.criteria[age]", FieldChangeKind.Changed, """{"type":"age","lessThan":22,"note":"n"}""", """{"type":"age","lessThan":25,"note":"n"}""")],
            CallDiff.Compare(published, draft));
        Assert.Equal(
            [("$.criteria[nationality]", FieldChangeKind.Removed)],
            CallDiff.Compare(published, System.Text.Json.Nodes.JsonNode.Parse("""{"call":{"opens":"2025-09-01","closes":"2025-10-05"},"vacancies":10,"criteria":[{"type":"age","lessThan":22,"note":"n"}]}""")!.AsObject()).Select(c => (c.Path, c.Kind)));
    }
}
