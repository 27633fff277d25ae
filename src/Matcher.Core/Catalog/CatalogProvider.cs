using Matcher.Serialization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Matcher.Catalog;

/// <summary>Holds the current snapshot; loads it from the source on first use and swaps it atomically on reload.</summary>
internal sealed partial class CatalogProvider : ICatalogProvider
{
    private readonly ICatalogSource _source;
    private readonly ILogger<CatalogProvider> _logger;
    private readonly Lock _gate = new();
    private volatile CatalogSnapshot? _current;

    public CatalogProvider(ICatalogSource source, ILogger<CatalogProvider>? logger = null)
    {
        _source = source;
        _logger = logger ?? NullLogger<CatalogProvider>.Instance;
    }

    public CatalogSnapshot Current
    {
        get
        {
            if (_current is { } snapshot)
            {
                return snapshot;
            }

            lock (_gate)
            {
                if (_current is null)
                {
                    // Built-in and folder sources complete synchronously; hosts with slow sources call ReloadAsync at start.
                    var load = _source.LoadAsync();
                    Swap(load.IsCompletedSuccessfully ? load.Result : load.AsTask().GetAwaiter().GetResult());
                }

                return _current!;
            }
        }
    }

    public async ValueTask<CatalogSnapshot> ReloadAsync(CancellationToken cancellationToken = default)
    {
        CatalogSnapshot snapshot;
        try
        {
            snapshot = await _source.LoadAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (MatcherInputException ex)
        {
            LogInvalidCatalog(ex.Errors.Count);
            throw;
        }

        lock (_gate)
        {
            Swap(snapshot);
        }

        return snapshot;
    }

    private void Swap(CatalogSnapshot snapshot)
    {
        // Compile before publishing, so that no request pays for it.
        _ = snapshot.Index;
        _current = snapshot;
        LogLoaded(snapshot.Version, snapshot.Scholarships.Count);
    }

    [LoggerMessage(1, LogLevel.Information, "Catalog {Version} loaded with {Count} scholarships.")]
    private partial void LogLoaded(string version, int count);

    [LoggerMessage(2, LogLevel.Error, "Catalog reload rejected: {ErrorCount} validation errors; the previous snapshot stays in use.")]
    private partial void LogInvalidCatalog(int errorCount);
}
