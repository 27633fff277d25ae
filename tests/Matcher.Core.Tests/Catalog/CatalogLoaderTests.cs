using System.Text;
using Matcher.Catalog;
using Matcher.Eligibility.Criteria;
using Matcher.Serialization;

namespace Matcher.Catalog;

public class CatalogLoaderTests
{
    private static readonly string[] ContractIds =
    [
        "beca18-2026-ordinaria", "beca18-2026-vraem", "beca18-2026-huallaga", "beca18-2026-proteccion", "beca18-2026-ffaa",
        "beca18-2026-repared", "beca18-2026-cna", "beca18-2026-pa", "beca18-2026-eib", "beca18-2026-hijos-docentes",
        "beca-permanencia-2025", "beca-generacion-bicentenario-2025", "beca-tec-2025",
    ];

    private static CatalogFile File(string name, string json) => new(name, Encoding.UTF8.GetBytes(json));

    private static readonly CatalogFile Manifest = File("catalog.json", """{ "version": "test.1", "updated": "2026-01-01" }""");

    private const string Minimal = """
        {
          "id": "demo-2026", "program": "demo", "provider": "ONG Demo",
          "name": { "es": "Beca demo", "en": "Demo scholarship" }, "level": "undergraduate", "studyCountries": ["PE"],
          "convocatoria": 2026, "sourceUrl": "https://example.org/bases", "sourceYear": 2025,
          "coverage": { "type": "partial", "items": ["tuition"] },
          "criteria": [ { "type": "nationality", "in": ["PE"] } ]
        }
        """;

    [Fact]
    public void BuiltInCatalog_IsValid()
    {
        var (snapshot, errors) = CatalogLoader.Validate(CatalogFiles.Embedded());
        Assert.True(errors.Count == 0, string.Join("\n", errors.Select(e => e.Describe())));
        Assert.NotNull(snapshot);
        Assert.Equal("2026.1", snapshot.Version);
    }

    [Fact]
    public void BuiltInCatalog_HasEveryContractIdAndTenOtherPrograms()
    {
        var snapshot = CatalogLoader.Load(CatalogFiles.Embedded());
        Assert.All(ContractIds, id => Assert.NotNull(snapshot.Find(id)));
        var otherPrograms = snapshot.Scholarships.Where(s => !ContractIds.Contains(s.Id)).Select(s => s.Program).Distinct().Count();
        Assert.True(otherPrograms >= 10, $"{otherPrograms} other programs");
    }

    [Fact]
    public void BuiltInCatalog_EveryEntryCitesItsSource()
    {
        foreach (var s in CatalogLoader.Load(CatalogFiles.Embedded()).Scholarships)
        {
            Assert.StartsWith("http", s.SourceUrl, StringComparison.Ordinal);
            Assert.InRange(s.SourceYear, 2015, 2026);
            Assert.False(string.IsNullOrWhiteSpace(s.Name.Es));
            Assert.False(string.IsNullOrWhiteSpace(s.Name.En));
        }
    }

    [Fact]
    public void BuiltInCatalog_Beca18ModalitiesShareTheBasesDateAndCoarRule()
    {
        var snapshot = CatalogLoader.Load(CatalogFiles.Embedded());
        foreach (var s in snapshot.Scholarships.Where(s => s.Id.StartsWith("beca18-2026-", StringComparison.Ordinal)))
        {
            Assert.Equal(new DateOnly(2025, 9, 5), s.Call.AgeReferenceDate);
            Assert.All(s.Criteria.OfType<AcademicRankCriterion>(), c => Assert.True(c.CoarCounts, s.Id));
        }
    }

    [Fact]
    public void Load_ReadsAMinimalEntry()
    {
        var snapshot = CatalogLoader.Load([Manifest, File("scholarships/demo-2026.json", Minimal)]);
        var s = Assert.Single(snapshot.Scholarships);
        Assert.Equal("Beca demo", s.Name.Es);
        Assert.IsType<NationalityCriterion>(Assert.Single(s.Criteria));
    }

    [Theory]
    [InlineData("\"provider\": \"ONG Demo\"", "\"provider\": \"ONG Demo\", \"deadline\": \"2026-01-01\"", "$.deadline", "input.unknown-field")]
    [InlineData("{ \"type\": \"nationality\", \"in\": [\"PE\"] }", "{ \"type\": \"age\", \"lessThan\": 22, \"atMost\": 30 }", "$.criteria[0]", "catalog.invalid-criterion")]
    [InlineData("{ \"type\": \"nationality\", \"in\": [\"PE\"] }", "{ \"type\": \"academicRank\", \"level\": \"basic\", \"atLeast\": \"topQuarter\" }", "$.criteria[0].atLeast", "input.invalid-enum")]
    [InlineData("{ \"type\": \"nationality\", \"in\": [\"PE\"] }", "{ \"type\": \"sisfoh\", \"in\": [\"poor\"], \"valid\": true }", "$.criteria[0].valid", "input.unknown-field")]
    [InlineData("{ \"type\": \"nationality\", \"in\": [\"PE\"] }", "{ \"type\": \"ubigeo\", \"fact\": \"residence\", \"in\": [\"99\"] }", "$.criteria[0].in[0]", "input.unknown-ubigeo")]
    [InlineData("{ \"type\": \"nationality\", \"in\": [\"PE\"] }", "{ \"type\": \"minGpa\", \"value\": 3 }", "$.criteria[0].type", "catalog.unknown-criterion-type")]
    [InlineData("\"https://example.org/bases\"", "\"example.org\"", "$.sourceUrl", "catalog.invalid-url")]
    [InlineData("\"level\": \"undergraduate\"", "\"level\": \"pregrado\"", "$.level", "input.invalid-enum")]
    public void InvalidEntry_NamesTheFileAndThePath(string find, string replace, string path, string code)
    {
        var broken = Minimal.Replace(find, replace, StringComparison.Ordinal);
        var ex = Assert.Throws<MatcherInputException>(() => CatalogLoader.Load([Manifest, File("scholarships/demo-2026.json", broken)]));
        var error = Assert.Single(ex.Errors);
        Assert.Equal(("scholarships/demo-2026.json", path, code), (error.Source, error.Path, error.Code));
    }

    [Fact]
    public void IdMustMatchTheFileName()
    {
        var ex = Assert.Throws<MatcherInputException>(() => CatalogLoader.Load([Manifest, File("scholarships/other.json", Minimal)]));
        Assert.Equal("catalog.id-file-mismatch", Assert.Single(ex.Errors).Code);
    }

    [Fact]
    public void MissingManifest_IsAnError()
    {
        var ex = Assert.Throws<MatcherInputException>(() => CatalogLoader.Load([File("scholarships/demo-2026.json", Minimal)]));
        Assert.Equal("catalog.missing-manifest", Assert.Single(ex.Errors).Code);
    }

    [Fact]
    public void OneBadFile_FailsTheWholeLoadAndOtherFilesErrorsAreAlsoReported()
    {
        var (snapshot, errors) = CatalogLoader.Validate(
        [
            Manifest,
            File("scholarships/demo-2026.json", Minimal),
            File("scholarships/bad-a.json", "{ \"id\": \"bad-a\" "),
            File("scholarships/bad-b.json", Minimal.Replace("demo-2026", "bad-b", StringComparison.Ordinal).Replace("\"PE\"]", "\"XX\"]", StringComparison.Ordinal)),
        ]);
        Assert.Null(snapshot);
        Assert.Contains(errors, e => e.Source == "scholarships/bad-a.json" && e.Code == "input.invalid-json");
        Assert.Contains(errors, e => e.Source == "scholarships/bad-b.json" && e.Code == "input.invalid-country");
    }

    [Fact]
    public async Task DirectorySource_ReadsTheRepositoryCatalogFolder()
    {
        var dir = Path.Combine(Path.GetTempPath(), "matcher-catalog-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(dir, "scholarships"));
        try
        {
            await System.IO.File.WriteAllTextAsync(Path.Combine(dir, "catalog.json"), """{ "version": "dir.1" }""");
            await System.IO.File.WriteAllTextAsync(Path.Combine(dir, "scholarships", "demo-2026.json"), Minimal);
            var snapshot = CatalogLoader.Load(await CatalogFiles.ReadDirectoryAsync(dir));
            Assert.Equal("dir.1", snapshot.Version);
            Assert.NotNull(snapshot.Find("demo-2026"));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
