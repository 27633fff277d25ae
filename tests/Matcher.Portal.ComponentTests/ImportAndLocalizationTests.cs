using System.Globalization;
using Matcher.Portal.Localization;
using Matcher.Portal.Services;
using Matcher.Serialization;

namespace Matcher.Portal.ComponentTests;

public sealed class ImportAndLocalizationTests
{
    private sealed class FixedClock : IMatcherClock
    {
        public DateOnly Today() => new(2025, 9, 1);
    }

    /// <summary>The page's reader over the core's offline call parser, as the host registers it.</summary>
    private static CoreCallTextParser Reader()
    {
        var services = new Microsoft.Extensions.DependencyInjection.ServiceCollection().AddScholarshipMatcher().Services;
        var parser = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<Matcher.Parsing.IScholarshipCallParser>(
            Microsoft.Extensions.DependencyInjection.ServiceCollectionContainerBuilderExtensions.BuildServiceProvider(services));
        return new CoreCallTextParser(parser, new FixedClock());
    }

    [Fact]
    public async Task Offline_reader_takes_title_window_age_and_grade_and_the_draft_is_a_valid_entry()
    {
        const string text = """
            Beca Ejemplo Regional 2026
            Postulación del 8 de septiembre al 14 de octubre de 2025.
            Dirigida a jóvenes menores de 22 años con promedio mínimo de 14,5 en secundaria.
            """;
        var parsed = await Reader().ParseAsync(text, "PRONABEC", english: false, CancellationToken.None);
        Assert.Equal("beca-ejemplo-regional-2026", parsed.Draft.Id);
        Assert.Equal("Beca Ejemplo Regional 2026", parsed.Draft.NameEs);
        Assert.Equal(new DateTime(2025, 9, 8, 0, 0, 0, DateTimeKind.Unspecified), parsed.Draft.Opens);
        Assert.Equal(new DateTime(2025, 10, 14, 0, 0, 0, DateTimeKind.Unspecified), parsed.Draft.Closes);
        Assert.Equal(2026, parsed.Draft.Convocatoria);
        var scholarship = ScholarshipJson.Parse(parsed.Draft.ToJson());
        Assert.Equal(["age", "gradeAverage"], scholarship.Criteria.Select(c => c.Key).ToArray());
        Assert.Contains(parsed.Issues, i => i.Contains("URL", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Offline_reader_invents_nothing_from_a_text_without_requirements()
    {
        var parsed = await Reader().ParseAsync("Convocatoria abierta", "PRONABEC", english: true, CancellationToken.None);
        Assert.Empty(parsed.Draft.Criteria.Rows);
        Assert.Null(parsed.Draft.Opens);
        Assert.Contains(parsed.Issues, i => i.StartsWith("$.call", StringComparison.Ordinal));
        Assert.Contains(parsed.Issues, i => i.Contains("URL", StringComparison.Ordinal));
    }

    [Fact]
    public void Radzen_texts_are_spanish_for_es_PE_and_radzen_defaults_for_english()
    {
        var localizer = new PortalRadzenLocalizer();
        Assert.Equal("No hay registros para mostrar.", localizer.Get("DataGrid_EmptyText", CultureInfo.GetCultureInfo("es-PE")));
        Assert.Null(localizer.Get("DataGrid_EmptyText", CultureInfo.GetCultureInfo("en")));
        Assert.Null(localizer.Get("No_Such_Key", CultureInfo.GetCultureInfo("es-PE")));
    }

    [Fact]
    public void Every_translated_key_is_a_key_radzen_has()
    {
        var resources = typeof(Radzen.ILocalizer).Assembly.GetManifestResourceNames().Single(n => n.EndsWith(".resources", StringComparison.Ordinal) && n.Contains("RadzenStrings", StringComparison.Ordinal));
        var manager = new System.Resources.ResourceManager(resources[..^".resources".Length], typeof(Radzen.ILocalizer).Assembly);
        var missing = PortalRadzenLocalizer.Keys.Where(k => manager.GetString(k, CultureInfo.InvariantCulture) is null).ToList();
        Assert.Empty(missing);
    }
}
