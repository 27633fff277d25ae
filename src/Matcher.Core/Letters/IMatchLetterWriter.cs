using Matcher.Matching;

namespace Matcher.Letters;

/// <summary>
/// Rewrites a <see cref="MatchReport"/> as a short, warm letter to the student. Not to be confused with
/// <see cref="Explanations.IMatchExplainer"/>, which renders each reason code as a sentence inside the report: the
/// letter writer works on the finished report.
/// </summary>
/// <remarks>
/// Thread-safe. A letter adds no fact that is not in the report: every number and scholarship name in it appears in
/// the report (<see cref="LetterFactCheck"/>). The offline template writer is the default.
/// </remarks>
public interface IMatchLetterWriter
{
    /// <summary>Writes the letter.</summary>
    /// <param name="report">The report to retell.</param>
    /// <param name="language">The letter's language.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The letter.</returns>
    Task<MatchLetter> WriteAsync(MatchReport report, LetterLanguage language = LetterLanguage.Spanish, CancellationToken cancellationToken = default);
}
