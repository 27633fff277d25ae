using Matcher.Parsing;

namespace Matcher.Letters;

/// <summary>A short letter to a student that retells her match report in plain words.</summary>
/// <param name="Text">The letter.</param>
/// <param name="Language">Its language.</param>
/// <param name="Provenance">Who wrote it: <c>offline</c> templates or a model, with the prompt version.</param>
/// <param name="Issues">Why a generated letter was replaced by the offline one, when it was.</param>
public sealed record MatchLetter(string Text, LetterLanguage Language, ParseProvenance Provenance, IReadOnlyList<ParseIssue> Issues);
