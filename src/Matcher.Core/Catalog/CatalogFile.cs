namespace Matcher.Catalog;

/// <summary>One file of a catalog: its name relative to the catalog folder, and its UTF-8 content.</summary>
/// <param name="Name">Relative name, e.g. <c>scholarships/beca18-2026-ordinaria.json</c>.</param>
/// <param name="Content">UTF-8 JSON.</param>
public sealed record CatalogFile(string Name, ReadOnlyMemory<byte> Content);
