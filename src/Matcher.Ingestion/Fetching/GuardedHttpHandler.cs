using System.Net;
using System.Net.Sockets;

namespace Matcher.Ingestion.Fetching;

/// <summary>
/// The primary handler of the ingestion client: a <see cref="SocketsHttpHandler"/> that resolves every host itself and
/// connects only to addresses the <see cref="AddressClassifier"/> allows, checking the address actually connected to
/// (so a DNS answer that changes between check and connect cannot slip through). Redirects and proxies are off:
/// redirects are followed by <see cref="PageFetcher"/>, one checked hop at a time.
/// </summary>
public static class GuardedHttpHandler
{
    /// <summary>Creates the handler.</summary>
    /// <param name="allowLoopback">Whether loopback addresses may be connected to (tests only).</param>
    /// <returns>The handler.</returns>
    public static SocketsHttpHandler Create(bool allowLoopback) => new()
    {
        AllowAutoRedirect = false,
        UseProxy = false,
        UseCookies = false,
        AutomaticDecompression = DecompressionMethods.GZip | DecompressionMethods.Deflate | DecompressionMethods.Brotli,
        PooledConnectionLifetime = TimeSpan.FromMinutes(2),
        ConnectTimeout = TimeSpan.FromSeconds(10),
        ConnectCallback = (context, cancellationToken) => ConnectAsync(context.DnsEndPoint, allowLoopback, cancellationToken),
    };

    internal static async ValueTask<Stream> ConnectAsync(DnsEndPoint endPoint, bool allowLoopback, CancellationToken cancellationToken)
    {
        var host = endPoint.Host;
        var addresses = IPAddress.TryParse(host.Trim('[', ']'), out var literal)
            ? [literal]
            : await Dns.GetHostAddressesAsync(host, cancellationToken).ConfigureAwait(false);
        if (addresses.Length == 0)
        {
            throw new SocketException((int)SocketError.HostNotFound);
        }

        // Every address a name resolves to must be allowed: a name that mixes public and private answers is refused.
        foreach (var address in addresses)
        {
            if (!AddressClassifier.IsAllowed(address, allowLoopback))
            {
                throw new BlockedAddressException(host, address, AddressClassifier.Classify(address));
            }
        }

        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(addresses, endPoint.Port, cancellationToken).ConfigureAwait(false);
            if (socket.RemoteEndPoint is not IPEndPoint remote || !AddressClassifier.IsAllowed(remote.Address, allowLoopback))
            {
                var address = (socket.RemoteEndPoint as IPEndPoint)?.Address ?? IPAddress.None;
                throw new BlockedAddressException(host, address, AddressClassifier.Classify(address));
            }

            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
