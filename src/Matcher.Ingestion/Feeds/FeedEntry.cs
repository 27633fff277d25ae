namespace Matcher.Ingestion.Feeds;

/// <summary>One row of a provider's feed (docs/ingestion.md): the call it updates and what the provider states now.</summary>
/// <param name="Id">The catalog id of the call it updates (kebab-case).</param>
/// <param name="Name">The call's name, when given.</param>
/// <param name="Url">The call's page or bases, when given.</param>
/// <param name="Deadline">The last day to apply, when given.</param>
/// <param name="Vacancies">The number of scholarships offered, when given.</param>
/// <param name="RequirementsText">The requirements in the call's own words (Spanish), parsed like a page's text.</param>
/// <param name="Line">The line (CSV) or array index + 1 (JSON) it came from.</param>
public sealed record FeedEntry(string Id, string? Name, Uri? Url, DateOnly? Deadline, int? Vacancies, string? RequirementsText, int Line);
