using System.Collections.Frozen;

namespace Matcher.Portal.Catalog;

/// <summary>The published catalog as last loaded from the database: its version, revision and each entry's JSON.</summary>
/// <param name="Version">Catalog version label.</param>
/// <param name="Revision">Publication counter it was loaded at.</param>
/// <param name="Documents">Catalog JSON of each published entry, by id.</param>
internal sealed record PublishedCatalog(string Version, int Revision, FrozenDictionary<string, string> Documents);
