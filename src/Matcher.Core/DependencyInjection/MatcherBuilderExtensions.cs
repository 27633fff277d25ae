using Matcher.Catalog;
using Matcher.Eligibility;
using Matcher.Ranking;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Matcher;

/// <summary>Adds rules and replaces parts of the matching pipeline.</summary>
public static class MatcherBuilderExtensions
{
    /// <summary>Adds an eligibility rule applied to every scholarship on top of its criteria.</summary>
    /// <typeparam name="TRule">The rule; a thread-safe singleton.</typeparam>
    /// <param name="builder">The builder.</param>
    /// <returns>The builder.</returns>
    public static IMatcherBuilder AddEligibilityRule<TRule>(this IMatcherBuilder builder)
        where TRule : class, IEligibilityRule
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IEligibilityRule, TRule>());
        return builder;
    }

    /// <summary>Replaces the ranker.</summary>
    /// <typeparam name="TRanker">The ranker; a thread-safe singleton.</typeparam>
    /// <param name="builder">The builder.</param>
    /// <returns>The builder.</returns>
    public static IMatcherBuilder UseRanker<TRanker>(this IMatcherBuilder builder)
        where TRanker : class, IScholarshipRanker
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.RemoveAll<IScholarshipRanker>();
        builder.Services.AddSingleton<IScholarshipRanker, TRanker>();
        return builder;
    }

    /// <summary>Replaces the catalog source (for example with a database).</summary>
    /// <typeparam name="TSource">The source; a thread-safe singleton.</typeparam>
    /// <param name="builder">The builder.</param>
    /// <returns>The builder.</returns>
    public static IMatcherBuilder UseCatalogSource<TSource>(this IMatcherBuilder builder)
        where TSource : class, ICatalogSource
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.RemoveAll<ICatalogSource>();
        builder.Services.AddSingleton<ICatalogSource, TSource>();
        return builder;
    }
}
