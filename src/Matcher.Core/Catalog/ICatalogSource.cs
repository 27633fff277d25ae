namespace Matcher.Catalog;

/// <summary>Supplies the catalog: the built-in one, a folder of JSON files, a database.</summary>
/// <remarks>Implementations must be thread-safe. A load validates every entry and fails as a whole.</remarks>
public interface ICatalogSource
{
    /// <summary>Loads and validates the catalog.</summary>
    /// <param name="cancellationToken">Cancels the load.</param>
    /// <returns>The snapshot.</returns>
    /// <exception cref="Serialization.MatcherInputException">An entry is invalid; every problem is listed with its file and path.</exception>
    ValueTask<CatalogSnapshot> LoadAsync(CancellationToken cancellationToken = default);
}
