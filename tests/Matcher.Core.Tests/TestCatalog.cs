using Matcher.Catalog;
using Matcher.Matching;
using Matcher.Students;
using Microsoft.Extensions.DependencyInjection;

namespace Matcher;

/// <summary>The built-in catalog and a matcher over it, built through the real DI registration, shared by tests.</summary>
internal static class TestCatalog
{
    private static readonly Lazy<ServiceProvider> LazyServices = new(() =>
        new ServiceCollection().AddScholarshipMatcher().Services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true }));

    public static CatalogSnapshot Snapshot => LazyServices.Value.GetRequiredService<ICatalogProvider>().Current;

    public static IScholarshipMatcher Matcher => LazyServices.Value.GetRequiredService<IScholarshipMatcher>();

    public static StudentProfile Student(string id = "st-test") => new() { Id = id };
}
