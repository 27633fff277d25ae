using System.Collections.Frozen;
using Matcher.Scholarships;

namespace Matcher.Catalog;

/// <summary>
/// An immutable, validated version of the catalog. A change to the catalog produces a new snapshot; readers holding
/// the old one are unaffected. Thread-safe.
/// </summary>
public sealed class CatalogSnapshot
{
    private readonly FrozenDictionary<string, Scholarship> _byId;
    private readonly Lazy<Indexing.CatalogIndex> _index;

    /// <summary>Creates a snapshot.</summary>
    /// <param name="version">Catalog version, reported in match reports.</param>
    /// <param name="scholarships">The entries; ids must be unique.</param>
    /// <exception cref="ArgumentException">Two entries share an id.</exception>
    public CatalogSnapshot(string version, IEnumerable<Scholarship> scholarships)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(version);
        ArgumentNullException.ThrowIfNull(scholarships);
        var ordered = scholarships.OrderBy(s => s.Id, StringComparer.Ordinal).ToArray();
        var duplicate = ordered.GroupBy(s => s.Id, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ArgumentException($"Duplicate scholarship id '{duplicate.Key}'.", nameof(scholarships));
        }

        Version = version;
        Scholarships = ordered;
        _byId = ordered.ToFrozenDictionary(s => s.Id, StringComparer.Ordinal);
        _index = new Lazy<Indexing.CatalogIndex>(() => Indexing.CatalogIndex.Build(this), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>Catalog version.</summary>
    public string Version { get; }

    /// <summary>The entries, ordered by id.</summary>
    public IReadOnlyList<Scholarship> Scholarships { get; }

    /// <summary>The snapshot compiled for fast matching; built on first use (the catalog provider builds it when it loads a snapshot).</summary>
    public Indexing.CatalogIndex Index => _index.Value;

    /// <summary>Finds an entry.</summary>
    /// <param name="id">The id.</param>
    /// <returns>The entry, or <see langword="null"/>.</returns>
    public Scholarship? Find(string id) => _byId.GetValueOrDefault(id);
}
