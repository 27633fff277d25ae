using Matcher.Catalog;
using Matcher.Eligibility;
using Matcher.Eligibility.Criteria;
using Matcher.Matching;
using Matcher.Scholarships;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace Matcher.Matching;

/// <summary>Small hand-built catalogs for pipeline tests.</summary>
internal static class TestScholarships
{
    public static Scholarship Make(string id, IReadOnlyList<Criterion> criteria, DateOnly? opens = null, DateOnly? closes = null, CoverageType coverage = CoverageType.Full) => new()
    {
        Id = id,
        Program = "test",
        Provider = "Test",
        Name = new LocalizedText("Beca " + id, "Scholarship " + id),
        Level = ScholarshipLevel.Undergraduate,
        StudyCountries = ["PE"],
        Convocatoria = 2026,
        SourceUrl = "https://example.org/" + id,
        SourceYear = 2025,
        Call = new CallWindow(opens, closes, null),
        Coverage = new Coverage(coverage, [CoverageItem.Tuition], null),
        Criteria = criteria,
    };

    public static ServiceProvider Services(CatalogSnapshot snapshot, DateTimeOffset? now = null, Action<MatcherOptions>? configure = null, Action<IServiceCollection>? configureServices = null)
    {
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(new FakeTimeProvider(now ?? new DateTimeOffset(2025, 9, 20, 15, 0, 0, TimeSpan.Zero)));
        services.AddScholarshipMatcher(configure ?? (_ => { }));
        configureServices?.Invoke(services);
        services.RemoveAll<ICatalogSource>();
        services.AddSingleton<ICatalogSource>(new FixedCatalogSource(snapshot));
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    public static IScholarshipMatcher Matcher(params Scholarship[] scholarships) =>
        Services(new CatalogSnapshot("test.1", scholarships)).GetRequiredService<IScholarshipMatcher>();

    private sealed class FixedCatalogSource(CatalogSnapshot snapshot) : ICatalogSource
    {
        public ValueTask<CatalogSnapshot> LoadAsync(CancellationToken cancellationToken = default) => ValueTask.FromResult(snapshot);
    }
}
