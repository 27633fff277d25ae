using Matcher.Students;

namespace Matcher.Parsing;

/// <summary>Turns a student's description of herself, in her own words, into a draft <see cref="StudentProfile"/>.</summary>
/// <remarks>
/// Implementations are thread-safe singletons and never log the text or the extracted facts (students are often
/// minors). Facts the text does not state stay unknown (<see langword="null"/>) in the draft.
/// </remarks>
public interface IStudentProfileParser
{
    /// <summary>Parses a self-description.</summary>
    /// <param name="text">The description.</param>
    /// <param name="studentId">The id to give the draft profile.</param>
    /// <param name="cancellationToken">Cancels the parse.</param>
    /// <returns>The draft profile (CONTRACT §1), issues, evidence and provenance.</returns>
    /// <exception cref="TextParseException">The parser could not produce a draft (service refused, timed out, ...).</exception>
    Task<ParseResult<StudentProfile>> ParseAsync(string text, string studentId = "draft", CancellationToken cancellationToken = default);
}
