namespace Matcher.Catalog;

/// <summary>The catalog built into Matcher.Core (data/catalog of the repository).</summary>
internal sealed class EmbeddedCatalogSource : ICatalogSource
{
    private const string Prefix = "Matcher.Catalog/";

    public ValueTask<CatalogSnapshot> LoadAsync(CancellationToken cancellationToken = default) => ValueTask.FromResult(Load());

    public static IReadOnlyList<CatalogFile> Files()
    {
        var assembly = typeof(EmbeddedCatalogSource).Assembly;
        var files = new List<CatalogFile>();
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(Prefix, StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var memory = new MemoryStream();
            stream.CopyTo(memory);
            files.Add(new CatalogFile(name[Prefix.Length..], memory.ToArray()));
        }

        return files;
    }

    public static CatalogSnapshot Load() => CatalogLoader.Load(Files());
}
