namespace Matcher.Parsing;

/// <summary>
/// What a parser made of a text: a draft for a person to review, the issues (what could not be extracted or was
/// rejected), the evidence for every extracted fact, and who made it. Nothing is dropped silently: a fact is either in
/// the draft with its evidence, or named in an issue.
/// </summary>
/// <typeparam name="T">The draft type.</typeparam>
/// <param name="Draft">The draft.</param>
/// <param name="Issues">Problems, each with the draft path and the span of source text.</param>
/// <param name="Evidence">Where each extracted fact was stated.</param>
/// <param name="Provenance">Parser, model and prompt version.</param>
public sealed record ParseResult<T>(T Draft, IReadOnlyList<ParseIssue> Issues, IReadOnlyList<ParseEvidence> Evidence, ParseProvenance Provenance);
