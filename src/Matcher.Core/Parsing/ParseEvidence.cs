namespace Matcher.Parsing;

/// <summary>Where in the source text one extracted fact of a draft comes from.</summary>
/// <param name="Path">JSON path of the draft field (<c>$.criteria[1]</c>, <c>$.call.closes</c>).</param>
/// <param name="Span">The characters of the source text that state the fact.</param>
/// <param name="Quote">Those characters.</param>
public sealed record ParseEvidence(string Path, TextSpan Span, string Quote);
