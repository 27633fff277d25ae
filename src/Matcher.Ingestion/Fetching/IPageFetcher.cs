namespace Matcher.Ingestion.Fetching;

/// <summary>Fetches a source politely and safely. Implementations are thread-safe singletons.</summary>
public interface IPageFetcher
{
    /// <summary>Fetches a URL: robots.txt, the per-host delay, conditional headers, redirects checked hop by hop, limits.</summary>
    /// <param name="request">What to fetch.</param>
    /// <param name="cancellationToken">Cancels the fetch.</param>
    /// <returns>The result; failures are results, not exceptions.</returns>
    Task<FetchResult> FetchAsync(FetchRequest request, CancellationToken cancellationToken = default);
}
