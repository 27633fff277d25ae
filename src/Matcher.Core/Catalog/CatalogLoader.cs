using System.Text.Json;
using Matcher.Scholarships;
using Matcher.Serialization;

namespace Matcher.Catalog;

/// <summary>
/// Builds a <see cref="CatalogSnapshot"/> from catalog files (a manifest and one file per entry), validating all of
/// them and reporting every problem with its file and JSON path. Nothing is half-loaded: one invalid file fails the load.
/// </summary>
public static class CatalogLoader
{
    /// <summary>Name of the manifest file.</summary>
    public const string ManifestName = "catalog.json";

    /// <summary>Folder of the entries, relative to the catalog folder.</summary>
    public const string EntriesFolder = "scholarships";

    private static readonly string[] ManifestFields = ["version", "updated"];

    /// <summary>Validates catalog files and builds the snapshot.</summary>
    /// <param name="files">The manifest (<c>catalog.json</c>) and the entries (<c>scholarships/*.json</c>).</param>
    /// <returns>The snapshot.</returns>
    /// <exception cref="MatcherInputException">A file is invalid; every problem is listed.</exception>
    public static CatalogSnapshot Load(IEnumerable<CatalogFile> files)
    {
        var (snapshot, errors) = Validate(files);
        return snapshot ?? throw new MatcherInputException(errors);
    }

    /// <summary>Validates catalog files.</summary>
    /// <param name="files">The manifest and the entries.</param>
    /// <returns>The snapshot when every file is valid, and every problem found.</returns>
    public static (CatalogSnapshot? Snapshot, IReadOnlyList<InputError> Errors) Validate(IEnumerable<CatalogFile> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        var errors = new List<InputError>();
        string? version = null;
        var entries = new List<Scholarship>();
        var seenManifest = false;
        var idToFile = new Dictionary<string, string>(StringComparer.Ordinal);

        foreach (var file in files.OrderBy(f => f.Name, StringComparer.Ordinal))
        {
            var input = new JsonInput(file.Name);
            using var doc = JsonInput.Parse(file.Content, input);
            if (doc is not null)
            {
                if (file.Name == ManifestName)
                {
                    seenManifest = true;
                    version = ReadManifest(doc.RootElement, input);
                }
                else if (ReadEntry(doc.RootElement, file.Name, input) is { } entry)
                {
                    if (idToFile.TryGetValue(entry.Id, out var other))
                    {
                        input.Error("$.id", "catalog.duplicate-id", ("value", entry.Id), ("other", other));
                    }
                    else
                    {
                        idToFile[entry.Id] = file.Name;
                        entries.Add(entry);
                    }
                }
            }

            errors.AddRange(input.Errors);
        }

        if (!seenManifest)
        {
            errors.Add(new InputError("$", "catalog.missing-manifest", new Dictionary<string, object?>()) { Source = ManifestName });
        }

        if (entries.Count == 0 && errors.Count == 0)
        {
            errors.Add(new InputError("$", "catalog.empty", new Dictionary<string, object?>()) { Source = EntriesFolder });
        }

        return errors.Count > 0 || version is null ? (null, errors) : (new CatalogSnapshot(version, entries), errors);
    }

    private static string? ReadManifest(JsonElement root, JsonInput input)
    {
        if (!input.Object(root, "$", ManifestFields))
        {
            return null;
        }

        input.Date(root, "updated", "$");
        return input.String(root, "version", "$", required: true);
    }

    private static Scholarship? ReadEntry(JsonElement root, string fileName, JsonInput input)
    {
        var entry = ScholarshipJson.Read(root, input);
        if (entry is null)
        {
            return null;
        }

        var expected = Path.GetFileNameWithoutExtension(fileName);
        if (!string.Equals(expected, entry.Id, StringComparison.Ordinal))
        {
            input.Error("$.id", "catalog.id-file-mismatch", ("value", entry.Id), ("file", fileName));
            return null;
        }

        return entry;
    }
}
