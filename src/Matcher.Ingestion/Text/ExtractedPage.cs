namespace Matcher.Ingestion.Text;

/// <summary>The main text of a page, with its title and the links it names.</summary>
/// <param name="Title">The page's title, when it has one.</param>
/// <param name="Text">The main text, normalized (<see cref="TextNormalizer"/>).</param>
/// <param name="Links">Absolute http(s) links of the main content, in order, without duplicates.</param>
/// <param name="Documents">The links among <paramref name="Links"/> that point to documents (PDF, Word) to upload by hand.</param>
public sealed record ExtractedPage(string? Title, string Text, IReadOnlyList<Uri> Links, IReadOnlyList<Uri> Documents);
