namespace Matcher.Catalog;

/// <summary>Reads the files of a catalog, to validate them with <see cref="CatalogLoader"/>.</summary>
public static class CatalogFiles
{
    /// <summary>The files of the catalog built into Matcher.Core.</summary>
    /// <returns>The manifest and the entries.</returns>
    public static IReadOnlyList<CatalogFile> Embedded() => EmbeddedCatalogSource.Files();

    /// <summary>The files of a catalog folder: <c>catalog.json</c> and <c>scholarships/*.json</c>.</summary>
    /// <param name="directory">The folder.</param>
    /// <param name="cancellationToken">Cancels the reads.</param>
    /// <returns>The files found.</returns>
    /// <exception cref="Serialization.MatcherInputException">The folder does not exist.</exception>
    public static Task<IReadOnlyList<CatalogFile>> ReadDirectoryAsync(string directory, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(directory);
        return DirectoryCatalogSource.ReadFilesAsync(directory, cancellationToken);
    }
}
