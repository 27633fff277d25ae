// Container health check for images without a shell: GET the URL (default http://127.0.0.1:8080/health/live) and
// exit 0 on a 2xx answer within the timeout, 1 on anything else. Usage: Matcher.HealthProbe [URL] [TIMEOUT_SECONDS]
var url = args.Length > 0 ? args[0] : "http://127.0.0.1:8080/health/live";
var timeout = args.Length > 1 && int.TryParse(args[1], System.Globalization.CultureInfo.InvariantCulture, out var seconds) ? seconds : 3;
if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
{
    await Console.Error.WriteLineAsync($"health probe: '{url}' is not an http(s) URL").ConfigureAwait(false);
    return 2;
}

using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(timeout) };
try
{
    using var response = await client.GetAsync(uri, HttpCompletionOption.ResponseHeadersRead).ConfigureAwait(false);
    if (response.IsSuccessStatusCode)
    {
        return 0;
    }

    await Console.Error.WriteLineAsync($"health probe: {uri} answered {(int)response.StatusCode}").ConfigureAwait(false);
    return 1;
}
catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
{
    await Console.Error.WriteLineAsync($"health probe: {uri}: {ex.Message}").ConfigureAwait(false);
    return 1;
}
