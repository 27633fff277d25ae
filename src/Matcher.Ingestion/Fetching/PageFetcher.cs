using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace Matcher.Ingestion.Fetching;

/// <summary>
/// The fetcher: robots.txt (cached per host), a per-host politeness delay, conditional requests, redirects followed by
/// hand (bounded, http/https only, each hop checked again), a content-type allow-list and a size cap read from the
/// stream. Addresses are checked by the client's primary handler (<see cref="GuardedHttpHandler"/>); retries and
/// timeouts come from the standard resilience handler on the named client.
/// </summary>
internal sealed partial class PageFetcher : IPageFetcher
{
    /// <summary>The name of the <see cref="HttpClient"/> used for sources.</summary>
    public const string ClientName = "Matcher.Ingestion";

    private static readonly string[] TextTypes = ["text/html", "application/xhtml+xml", "application/json", "text/json", "text/csv", "text/plain", "application/csv"];
    private static readonly string[] DocumentTypes = ["application/pdf", "application/msword", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"];

    private readonly IHttpClientFactory _clients;
    private readonly IngestionOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<PageFetcher> _logger;
    private readonly PolitenessGate _gate;
    private readonly ConcurrentDictionary<string, (Task<RobotsTxt> Rules, DateTimeOffset Expires)> _robots = new(StringComparer.OrdinalIgnoreCase);

    public PageFetcher(IHttpClientFactory clients, IOptions<IngestionOptions> options, TimeProvider time, ILogger<PageFetcher> logger)
    {
        _clients = clients;
        _options = options.Value;
        _time = time;
        _logger = logger;
        _gate = new PolitenessGate(_options.PolitenessDelay, time);
    }

    public async Task<FetchResult> FetchAsync(FetchRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var url = request.Url;
        if (!url.IsAbsoluteUri || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
        {
            return new FetchResult(FetchOutcome.Blocked, url, url, Error: $"Only http and https URLs are fetched, not '{url}'.");
        }

        var client = _clients.CreateClient(ClientName);
        for (var hop = 0; ; hop++)
        {
            if (IsDocumentPath(url))
            {
                return new FetchResult(FetchOutcome.NeedsManualUpload, request.Url, url, Error: "The source is a document (PDF or similar): upload its text by hand.");
            }

            var robots = await RobotsAsync(client, url, cancellationToken).ConfigureAwait(false);
            if (!robots.IsAllowed(url.PathAndQuery))
            {
                return new FetchResult(FetchOutcome.DisallowedByRobots, request.Url, url, Error: $"robots.txt of {url.Authority} disallows {url.PathAndQuery}.");
            }

            using var message = new HttpRequestMessage(HttpMethod.Get, url);
            message.Headers.TryAddWithoutValidation("User-Agent", _options.UserAgent);
            message.Headers.TryAddWithoutValidation("Accept", "text/html, application/xhtml+xml, application/json, text/csv, text/plain;q=0.9, */*;q=0.1");
            message.Headers.TryAddWithoutValidation("Accept-Language", "es-PE, es;q=0.9, en;q=0.5");
            if (request.ETag is { Length: > 0 } etag)
            {
                message.Headers.TryAddWithoutValidation("If-None-Match", etag);
            }

            if (request.LastModified is { } since)
            {
                message.Headers.IfModifiedSince = since;
            }

            var (response, failure) = await SendAsync(client, message, request.Url, url, cancellationToken).ConfigureAwait(false);
            if (failure is not null)
            {
                return failure;
            }

            using (response)
            {
                var status = (int)response!.StatusCode;
                if (status is 301 or 302 or 303 or 307 or 308)
                {
                    var location = response.Headers.Location;
                    if (location is null)
                    {
                        return new FetchResult(FetchOutcome.Failed, request.Url, url, status, Error: $"HTTP {status} without a Location header.");
                    }

                    var next = location.IsAbsoluteUri ? location : new Uri(url, location);
                    if (next.Scheme != Uri.UriSchemeHttp && next.Scheme != Uri.UriSchemeHttps)
                    {
                        return new FetchResult(FetchOutcome.Blocked, request.Url, url, status, Error: $"Redirect to a non-http URL ({next.Scheme}:) refused.");
                    }

                    if (hop >= _options.MaxRedirects)
                    {
                        return new FetchResult(FetchOutcome.Failed, request.Url, url, status, Error: $"More than {_options.MaxRedirects} redirects.");
                    }

                    url = next;
                    continue;
                }

                var etagOut = response.Headers.ETag?.ToString();
                var lastModified = response.Content.Headers.LastModified;
                if (response.StatusCode == HttpStatusCode.NotModified)
                {
                    return new FetchResult(FetchOutcome.NotModified, request.Url, url, status, ETag: etagOut ?? request.ETag, LastModified: lastModified ?? request.LastModified);
                }

                if (!response.IsSuccessStatusCode)
                {
                    return new FetchResult(FetchOutcome.Failed, request.Url, url, status, Error: $"HTTP {status} {response.ReasonPhrase}.");
                }

                var mediaType = response.Content.Headers.ContentType?.MediaType?.ToLowerInvariant() ?? "application/octet-stream";
                if (DocumentTypes.Contains(mediaType))
                {
                    return new FetchResult(FetchOutcome.NeedsManualUpload, request.Url, url, status, mediaType, Error: $"The source is a document ({mediaType}): upload its text by hand.");
                }

                if (!TextTypes.Contains(mediaType))
                {
                    return new FetchResult(FetchOutcome.UnsupportedContentType, request.Url, url, status, mediaType, Error: $"Content type {mediaType} is not read (HTML, JSON, CSV or plain text).");
                }

                if (response.Content.Headers.ContentLength > _options.MaxResponseBytes)
                {
                    return new FetchResult(FetchOutcome.TooLarge, request.Url, url, status, mediaType, Error: $"The body ({response.Content.Headers.ContentLength} bytes) is larger than {_options.MaxResponseBytes} bytes.");
                }

                var bytes = await ReadCappedAsync(response.Content, _options.MaxResponseBytes, cancellationToken).ConfigureAwait(false);
                if (bytes is null)
                {
                    return new FetchResult(FetchOutcome.TooLarge, request.Url, url, status, mediaType, Error: $"The body is larger than {_options.MaxResponseBytes} bytes.");
                }

                var body = Decode(bytes, response.Content.Headers.ContentType);
                return new FetchResult(FetchOutcome.Content, request.Url, url, status, mediaType, body, etagOut, lastModified);
            }
        }
    }

    private static bool IsDocumentPath(Uri url) =>
        url.AbsolutePath.EndsWith(".pdf", StringComparison.OrdinalIgnoreCase)
        || url.AbsolutePath.EndsWith(".doc", StringComparison.OrdinalIgnoreCase)
        || url.AbsolutePath.EndsWith(".docx", StringComparison.OrdinalIgnoreCase);

    private async Task<(HttpResponseMessage? Response, FetchResult? Failure)> SendAsync(HttpClient client, HttpRequestMessage message, Uri asked, Uri url, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(url.Host, cancellationToken).ConfigureAwait(false);
        try
        {
            return (await client.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false), null);
        }
        catch (HttpRequestException ex) when (Blocked(ex) is { } blocked)
        {
            LogBlocked(url.Host, blocked.Range);
            return (null, new FetchResult(FetchOutcome.Blocked, asked, url, Error: blocked.Message));
        }
        catch (HttpRequestException ex)
        {
            return (null, new FetchResult(FetchOutcome.Failed, asked, url, Error: $"Network error: {ex.HttpRequestError} ({ex.Message})"));
        }
        catch (TimeoutRejectedException)
        {
            return (null, new FetchResult(FetchOutcome.Failed, asked, url, Error: "Timed out after the retries."));
        }
        catch (BrokenCircuitException)
        {
            return (null, new FetchResult(FetchOutcome.Failed, asked, url, Error: $"{url.Authority} failed too often recently; checks wait for it to recover."));
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return (null, new FetchResult(FetchOutcome.Failed, asked, url, Error: "Timed out."));
        }
    }

    private static BlockedAddressException? Blocked(Exception ex)
    {
        for (Exception? e = ex; e is not null; e = e.InnerException)
        {
            if (e is BlockedAddressException blocked)
            {
                return blocked;
            }
        }

        return null;
    }

    private async Task<RobotsTxt> RobotsAsync(HttpClient client, Uri url, CancellationToken cancellationToken)
    {
        var key = url.GetLeftPart(UriPartial.Authority);
        var now = _time.GetUtcNow();
        if (_robots.TryGetValue(key, out var cached) && cached.Expires > now && !cached.Rules.IsFaulted && !cached.Rules.IsCanceled)
        {
            return await cached.Rules.ConfigureAwait(false);
        }

        var entry = (ReadRobotsAsync(client, new Uri(key + "/robots.txt"), cancellationToken), now + _options.RobotsCacheDuration);
        _robots[key] = entry;
        return await entry.Item1.ConfigureAwait(false);
    }

    private async Task<RobotsTxt> ReadRobotsAsync(HttpClient client, Uri robotsUrl, CancellationToken cancellationToken)
    {
        var url = robotsUrl;
        for (var hop = 0; hop <= 5; hop++)
        {
            using var message = new HttpRequestMessage(HttpMethod.Get, url);
            message.Headers.TryAddWithoutValidation("User-Agent", _options.UserAgent);
            var (response, failure) = await SendAsync(client, message, robotsUrl, url, cancellationToken).ConfigureAwait(false);
            if (failure is not null)
            {
                // Unreachable robots.txt: assume complete disallow (RFC 9309 §2.3.1.4) until the cache entry expires.
                return failure.Outcome == FetchOutcome.Blocked ? RobotsTxt.AllowAll : RobotsTxt.DisallowAll;
            }

            using (response)
            {
                var status = (int)response!.StatusCode;
                if (status is 301 or 302 or 303 or 307 or 308 && response.Headers.Location is { } location)
                {
                    url = location.IsAbsoluteUri ? location : new Uri(url, location);
                    continue;
                }

                if (status is >= 400 and < 500)
                {
                    return RobotsTxt.AllowAll;
                }

                if (!response.IsSuccessStatusCode)
                {
                    return RobotsTxt.DisallowAll;
                }

                var bytes = await ReadCappedAsync(response.Content, 500 * 1024, cancellationToken).ConfigureAwait(false);
                return bytes is null ? RobotsTxt.AllowAll : RobotsTxt.Parse(Encoding.UTF8.GetString(bytes), _options.UserAgent);
            }
        }

        return RobotsTxt.AllowAll;
    }

    private static async Task<byte[]?> ReadCappedAsync(HttpContent content, int limit, CancellationToken cancellationToken)
    {
        var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            using var buffer = new MemoryStream();
            var chunk = new byte[16 * 1024];
            int read;
            while ((read = await stream.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
            {
                if (buffer.Length + read > limit)
                {
                    return null;
                }

                buffer.Write(chunk, 0, read);
            }

            return buffer.ToArray();
        }
    }

    private static string Decode(byte[] bytes, MediaTypeHeaderValue? contentType)
    {
        Encoding encoding = new UTF8Encoding(false);
        if (contentType?.CharSet is { Length: > 0 } charset)
        {
            try
            {
                encoding = Encoding.GetEncoding(charset.Trim('"'));
            }
            catch (ArgumentException)
            {
                // An unknown charset: read as UTF-8.
            }
        }

        var text = encoding.GetString(bytes);
        return text.Length > 0 && text[0] == '\uFEFF' ? text[1..] : text;
    }

    [LoggerMessage(1, LogLevel.Warning, "A fetch from {Host} was refused: it resolves to a {Range} address.")]
    private partial void LogBlocked(string host, AddressRange range);
}
