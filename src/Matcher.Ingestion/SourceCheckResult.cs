using Matcher.Ingestion.Fetching;

namespace Matcher.Ingestion;

/// <summary>The outcome of a check.</summary>
/// <param name="Status">What it came to.</param>
/// <param name="Fetch">The fetch, when there was one (not for uploaded text).</param>
/// <param name="ContentHash">The hash of the normalized text, when text was read.</param>
/// <param name="Text">The normalized text, when text was read.</param>
/// <param name="Proposals">The drafts to review (only for <see cref="SourceCheckStatus.Changed"/>).</param>
/// <param name="Documents">Document links (PDF) the page names, to upload by hand.</param>
/// <param name="Error">Why it failed (English, for the history; never student data).</param>
/// <param name="FeedErrors">A feed's problems by line and field.</param>
public sealed record SourceCheckResult(
    SourceCheckStatus Status,
    FetchResult? Fetch,
    string? ContentHash,
    string? Text,
    IReadOnlyList<CallProposal> Proposals,
    IReadOnlyList<Uri> Documents,
    string? Error = null,
    IReadOnlyList<Feeds.FeedError>? FeedErrors = null);
