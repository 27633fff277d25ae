using Matcher.Ingestion.Changes;

namespace Matcher.Ingestion;

/// <summary>A draft of one call made from a source, for a person to review.</summary>
/// <param name="CallId">The call.</param>
/// <param name="DraftJson">The published call with what the source states merged onto it (catalog JSON).</param>
/// <param name="Changes">How the draft differs from the published call, field by field; never empty.</param>
/// <param name="SourceText">The source text it was made from (the page's main text, or the feed row).</param>
/// <param name="Issues">What the parser could not settle, to check by hand (Spanish).</param>
public sealed record CallProposal(string CallId, string DraftJson, IReadOnlyList<FieldChange> Changes, string SourceText, IReadOnlyList<string> Issues);
