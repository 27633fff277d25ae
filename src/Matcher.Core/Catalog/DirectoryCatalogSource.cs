using Matcher.Serialization;

namespace Matcher.Catalog;

/// <summary>A catalog in a folder: <c>catalog.json</c> and <c>scholarships/*.json</c>.</summary>
internal sealed class DirectoryCatalogSource : ICatalogSource
{
    private readonly string _directory;

    public DirectoryCatalogSource(string directory) => _directory = directory;

    public async ValueTask<CatalogSnapshot> LoadAsync(CancellationToken cancellationToken = default) =>
        CatalogLoader.Load(await ReadFilesAsync(_directory, cancellationToken).ConfigureAwait(false));

    public static async Task<IReadOnlyList<CatalogFile>> ReadFilesAsync(string directory, CancellationToken cancellationToken)
    {
        if (!Directory.Exists(directory))
        {
            throw new MatcherInputException([new InputError("$", "catalog.directory-not-found", new Dictionary<string, object?> { ["value"] = directory })]);
        }

        var files = new List<CatalogFile>();
        var manifest = Path.Combine(directory, CatalogLoader.ManifestName);
        if (File.Exists(manifest))
        {
            files.Add(new CatalogFile(CatalogLoader.ManifestName, await File.ReadAllBytesAsync(manifest, cancellationToken).ConfigureAwait(false)));
        }

        var entries = Path.Combine(directory, CatalogLoader.EntriesFolder);
        if (Directory.Exists(entries))
        {
            foreach (var path in Directory.EnumerateFiles(entries, "*.json").Order(StringComparer.Ordinal))
            {
                var name = CatalogLoader.EntriesFolder + "/" + Path.GetFileName(path);
                files.Add(new CatalogFile(name, await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false)));
            }
        }

        return files;
    }
}
