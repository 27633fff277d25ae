using Matcher.Catalog;
using Matcher.Eligibility;
using Matcher.Explanations;
using Matcher.Internal;
using Matcher.Letters;
using Matcher.Letters.Internal;
using Matcher.Matching;
using Matcher.Parsing;
using Matcher.Parsing.Internal;
using Matcher.Ranking;
using Matcher.Scoring;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Matcher;

/// <summary>Registers the scholarship matcher.</summary>
public static class MatcherServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="IScholarshipMatcher"/> with the offline defaults: the built-in catalog, the reference
    /// eligibility evaluator, the default scorer, the weighted ranker, the Spanish/English explainer, the offline
    /// Spanish text parsers and the offline letter writer. Calling it
    /// again is harmless. Options are validated when the application starts.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <returns>A builder to add rules or replace parts.</returns>
    public static IMatcherBuilder AddScholarshipMatcher(this IServiceCollection services) =>
        services.AddScholarshipMatcher(static _ => { });

    /// <summary>Registers the matcher and configures its options.</summary>
    /// <param name="services">The services.</param>
    /// <param name="configure">Configures <see cref="MatcherOptions"/>.</param>
    /// <returns>A builder to add rules or replace parts.</returns>
    public static IMatcherBuilder AddScholarshipMatcher(this IServiceCollection services, Action<MatcherOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<MatcherOptions>().Configure(configure);
        return AddCore(services);
    }

    /// <summary>Registers the matcher with options bound from a configuration section (usually <c>Matcher</c>).</summary>
    /// <param name="services">The services.</param>
    /// <param name="section">The section.</param>
    /// <returns>A builder to add rules or replace parts.</returns>
    public static IMatcherBuilder AddScholarshipMatcher(this IServiceCollection services, IConfigurationSection section)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(section);
        services.AddOptions<MatcherOptions>().Bind(section);
        return AddCore(services);
    }

    private static MatcherBuilder AddCore(IServiceCollection services)
    {
        var builder = new MatcherBuilder(services);
        if (services.Any(d => d.ServiceType == typeof(MatcherMarker)))
        {
            return builder;
        }

        services.AddSingleton<MatcherMarker>();
        services.AddOptionsWithValidateOnStart<MatcherOptions, MatcherOptionsValidator>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<MatcherOptions>, MatcherOptionsCrossFieldValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ICatalogSource>(sp =>
        {
            var dir = sp.GetRequiredService<IOptions<MatcherOptions>>().Value.CatalogDirectory;
            return dir is null ? new EmbeddedCatalogSource() : new DirectoryCatalogSource(dir);
        });
        services.TryAddSingleton<ICatalogProvider, CatalogProvider>();
        services.TryAddSingleton<IEligibilityEvaluator, CriteriaEligibilityEvaluator>();
        services.TryAddSingleton<IScholarshipScorer, DefaultScholarshipScorer>();
        services.TryAddSingleton<IScholarshipRanker, WeightedScholarshipRanker>();
        services.TryAddSingleton<IMatchExplainer, MatchExplainer>();
        services.TryAddSingleton<IMatcherClock, MatcherClock>();
        services.TryAddSingleton<IScholarshipMatcher, MatchPipeline>();
        services.TryAddSingleton(SpanishPlaceNames.Default);
        services.TryAddSingleton<IScholarshipCallParser, OfflineScholarshipCallParser>();
        services.TryAddSingleton<IStudentProfileParser, OfflineStudentProfileParser>();
        services.TryAddSingleton<IMatchLetterWriter, OfflineMatchLetterWriter>();
        return builder;
    }

    private sealed class MatcherMarker;
}
