namespace Matcher.Scholarships;

/// <summary>A source a catalog entry's facts come from.</summary>
/// <param name="Url">Address.</param>
/// <param name="Publisher">Who published it.</param>
/// <param name="Date">Publication date, when known.</param>
/// <param name="About">What facts were taken from it.</param>
public sealed record SourceReference(string Url, string? Publisher, DateOnly? Date, string? About);
