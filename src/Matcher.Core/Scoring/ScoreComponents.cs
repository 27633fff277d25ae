namespace Matcher.Scoring;

/// <summary>
/// The explainable parts of a match's score, each between 0 and 1 (docs/scoring.md). The final score is their
/// weighted mean with the weights of <see cref="ScoringWeights"/>.
/// </summary>
/// <param name="Need">How well the call's targeting of economic need fits the student's need.</param>
/// <param name="Merit">The student's academic standing, weighted by how merit-selective the call is.</param>
/// <param name="Fit">Fit of the call's level and fields with the student's stage and interests.</param>
/// <param name="Value">How much the scholarship covers.</param>
/// <param name="Urgency">How soon the student must act (a call closing soon is urgent; a closed one is not).</param>
/// <param name="Priority">Share of the call's priority points the student earns.</param>
public sealed record ScoreComponents(double Need, double Merit, double Fit, double Value, double Urgency, double Priority)
{
    /// <summary>Names of the components as reported in <c>scoreBreakdown</c>.</summary>
    public static IReadOnlyList<string> Names { get; } = ["need", "merit", "fit", "value", "urgency", "priority"];

    /// <summary>The components in the order of <see cref="Names"/>.</summary>
    /// <returns>The values.</returns>
    public double[] ToArray() => [Need, Merit, Fit, Value, Urgency, Priority];
}
