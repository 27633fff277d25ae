using Matcher.MLNet.Ranking;
using Matcher.Ranking;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Matcher;

/// <summary>Plugs the LightGBM ranker into the matcher.</summary>
public static class LightGbmRankerBuilderExtensions
{
    /// <summary>Replaces the weighted ranker with a LightGBM model trained by <see cref="LightGbmRankerTrainer"/>.</summary>
    /// <param name="builder">The matcher builder.</param>
    /// <param name="modelPath">The model zip (its <c>.features.json</c> sidecar is checked when present).</param>
    /// <returns>The builder.</returns>
    public static IMatcherBuilder AddLightGbmRanker(this IMatcherBuilder builder, string modelPath)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrEmpty(modelPath);
        builder.Services.RemoveAll<IScholarshipRanker>();
        builder.Services.AddSingleton<IScholarshipRanker>(_ => new LightGbmRanker(modelPath));
        return builder;
    }
}
