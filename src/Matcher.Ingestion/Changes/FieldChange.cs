namespace Matcher.Ingestion.Changes;

/// <summary>One difference between a published call and a draft, by its catalog JSON path.</summary>
/// <param name="Path">The path: <c>$.call.closes</c> (deadline), <c>$.vacancies</c>, <c>$.criteria[age]</c> (a requirement, by its type), ...</param>
/// <param name="Kind">Added, removed or changed.</param>
/// <param name="Before">The published value as compact JSON, when it had one.</param>
/// <param name="After">The draft's value as compact JSON, when it has one.</param>
public sealed record FieldChange(string Path, FieldChangeKind Kind, string? Before, string? After);
