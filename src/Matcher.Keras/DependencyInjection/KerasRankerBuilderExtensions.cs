using Matcher.Keras;
using Matcher.Keras.Ranking;
using Matcher.Ranking;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Matcher;

/// <summary>Plugs a Keras ranking model into the matcher.</summary>
public static class KerasRankerBuilderExtensions
{
    /// <summary>
    /// Replaces the weighted ranker with a Keras model that maps the <see cref="Ranking.Features.RankingFeatures"/> vector
    /// to a 0–1 score (tools/train_keras_ranker.py trains one). The model is loaded, checked and verified when the
    /// ranker is first resolved.
    /// </summary>
    /// <param name="builder">The matcher builder.</param>
    /// <param name="modelPath">The <c>.keras</c> or <c>.h5</c> file; its <c>.features.json</c> sidecar is checked when present.</param>
    /// <param name="configure">Adjusts load limits and checks.</param>
    /// <returns>The builder.</returns>
    public static IMatcherBuilder AddKerasRanker(this IMatcherBuilder builder, string modelPath, Action<KerasLoadOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrEmpty(modelPath);
        var options = new KerasLoadOptions();
        configure?.Invoke(options);
        builder.Services.RemoveAll<IScholarshipRanker>();
        builder.Services.AddSingleton<IScholarshipRanker>(_ => new KerasRanker(KerasModelLoader.Load(modelPath, options), modelPath));
        return builder;
    }
}
