using System.Buffers;
using Microsoft.AspNetCore.Http.Features;

namespace Matcher.Portal.Api;

/// <summary>Reads a request body up to a limit, so that an oversized body is a clear 400 and never an exception.</summary>
internal static class RequestBody
{
    /// <summary>The body, or <see langword="null"/> when it is longer than <paramref name="maxBytes"/>.</summary>
    public static async Task<byte[]?> ReadAsync(HttpRequest request, int maxBytes, CancellationToken cancellationToken)
    {
        if (request.ContentLength is { } declared && declared > maxBytes)
        {
            return null;
        }

        // Lift Kestrel's own cap (30 MB) so that only this limit applies and answers with a problem document.
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            size.MaxRequestBodySize = maxBytes + 1L;
        }

        var buffer = new ArrayBufferWriter<byte>(Math.Min(maxBytes, 16 * 1024));
        while (true)
        {
            var memory = buffer.GetMemory(8192);
            int read;
            try
            {
                read = await request.Body.ReadAsync(memory, cancellationToken).ConfigureAwait(false);
            }
            catch (BadHttpRequestException)
            {
                return null;
            }

            if (read == 0)
            {
                return buffer.WrittenSpan.ToArray();
            }

            buffer.Advance(read);
            if (buffer.WrittenCount > maxBytes)
            {
                return null;
            }
        }
    }

    /// <summary>Whether the request says it sends JSON (or says nothing).</summary>
    public static bool IsJson(HttpRequest request) =>
        request.ContentType is null
        || request.ContentType.StartsWith("application/json", StringComparison.OrdinalIgnoreCase)
        || request.ContentType.Contains("+json", StringComparison.OrdinalIgnoreCase);
}
