using System.Collections.Frozen;
using System.Text;
using System.Text.Json;
using Matcher.Catalog;
using Matcher.Portal.Data;
using Matcher.Portal.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace Matcher.Portal.Catalog;

/// <summary>
/// The host's catalog source: the published calls in the database, validated as a whole by the core's loader. The
/// database is the source of truth; the snapshot in memory keeps serving when the database is unreachable.
/// </summary>
internal sealed class DatabaseCatalogSource(IDbContextFactory<MatcherDbContext> databases) : ICatalogSource
{
    private volatile PublishedCatalog? _last;

    /// <summary>What the last successful load read.</summary>
    public PublishedCatalog? Last => _last;

    public async ValueTask<CatalogSnapshot> LoadAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);

        // One snapshot-consistent read: the state row and the calls it describes.
        await using var tx = await db.Database.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, cancellationToken).ConfigureAwait(false);
        var state = await db.CatalogStates.AsNoTracking().SingleAsync(cancellationToken).ConfigureAwait(false);
        var published = await db.Calls.AsNoTracking()
            .Where(c => c.Status == CallStatus.Published && c.PublishedJson != null)
            .Select(c => new { c.Id, Json = c.PublishedJson! })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        await tx.CommitAsync(cancellationToken).ConfigureAwait(false);

        var manifest = JsonSerializer.SerializeToUtf8Bytes(new { version = state.Label });
        var files = new List<CatalogFile>(published.Count + 1) { new(CatalogLoader.ManifestName, manifest) };
        files.AddRange(published.Select(c => new CatalogFile($"{CatalogLoader.EntriesFolder}/{c.Id}.json", Encoding.UTF8.GetBytes(c.Json))));
        var snapshot = CatalogLoader.Load(files);
        _last = new PublishedCatalog(state.Label, state.Revision, published.ToFrozenDictionary(c => c.Id, c => c.Json, StringComparer.Ordinal));
        return snapshot;
    }
}
