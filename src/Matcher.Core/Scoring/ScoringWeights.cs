using System.ComponentModel.DataAnnotations;

namespace Matcher.Scoring;

/// <summary>Weights of the score components. They need not sum to 1: the score is the weighted mean.</summary>
/// <remarks>Each weight must be between 0 and 100 and at least one must be positive.</remarks>
public sealed class ScoringWeights
{
    /// <summary>Weight of <see cref="ScoreComponents.Need"/>.</summary>
    /// <value>The default is 0.30.</value>
    [Range(0.0, 100.0)]
    public double Need { get; set; } = 0.30;

    /// <summary>Weight of <see cref="ScoreComponents.Merit"/>.</summary>
    /// <value>The default is 0.20.</value>
    [Range(0.0, 100.0)]
    public double Merit { get; set; } = 0.20;

    /// <summary>Weight of <see cref="ScoreComponents.Fit"/>.</summary>
    /// <value>The default is 0.15.</value>
    [Range(0.0, 100.0)]
    public double Fit { get; set; } = 0.15;

    /// <summary>Weight of <see cref="ScoreComponents.Value"/>.</summary>
    /// <value>The default is 0.15.</value>
    [Range(0.0, 100.0)]
    public double Value { get; set; } = 0.15;

    /// <summary>Weight of <see cref="ScoreComponents.Urgency"/>.</summary>
    /// <value>The default is 0.10.</value>
    [Range(0.0, 100.0)]
    public double Urgency { get; set; } = 0.10;

    /// <summary>Weight of <see cref="ScoreComponents.Priority"/>.</summary>
    /// <value>The default is 0.10.</value>
    [Range(0.0, 100.0)]
    public double Priority { get; set; } = 0.10;

    /// <summary>The weights in the order of <see cref="ScoreComponents.Names"/>.</summary>
    /// <returns>The weights.</returns>
    public double[] ToArray() => [Need, Merit, Fit, Value, Urgency, Priority];
}
