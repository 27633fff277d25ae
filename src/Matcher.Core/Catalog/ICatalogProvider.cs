namespace Matcher.Catalog;

/// <summary>Holds the current catalog snapshot for the matching pipeline.</summary>
/// <remarks>Thread-safe: <see cref="Current"/> is swapped atomically on reload.</remarks>
public interface ICatalogProvider
{
    /// <summary>The current snapshot.</summary>
    CatalogSnapshot Current { get; }

    /// <summary>Loads the catalog again from its source and swaps it in when valid.</summary>
    /// <param name="cancellationToken">Cancels the load.</param>
    /// <returns>The new snapshot.</returns>
    ValueTask<CatalogSnapshot> ReloadAsync(CancellationToken cancellationToken = default);
}
