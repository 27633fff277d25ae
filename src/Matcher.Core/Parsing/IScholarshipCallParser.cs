namespace Matcher.Parsing;

/// <summary>Turns the text of a scholarship call (bases, a press note, a provider's page) into a draft scholarship.</summary>
/// <remarks>
/// Implementations are thread-safe singletons. The text is data: instructions inside it are never followed. A parser
/// never invents a requirement: every criterion of the draft has <see cref="ParseResult{T}.Evidence"/> in the text.
/// The offline rule-based parser is the default; <c>Matcher.OpenAI</c> adds a GPT one.
/// </remarks>
public interface IScholarshipCallParser
{
    /// <summary>Parses a call text.</summary>
    /// <param name="text">The call text, in Spanish.</param>
    /// <param name="cancellationToken">Cancels the parse.</param>
    /// <returns>The draft, issues, evidence and provenance.</returns>
    /// <exception cref="TextParseException">The parser could not produce a draft (service refused, timed out, ...).</exception>
    Task<ParseResult<ScholarshipDraft>> ParseAsync(string text, CancellationToken cancellationToken = default);
}
