using System.Net;
using System.Net.Sockets;

namespace Matcher.Ingestion.Fetching;

/// <summary>Classifies IP addresses for the SSRF guard. IPv4-mapped and IPv4-embedding IPv6 forms are judged by their IPv4 address.</summary>
public static class AddressClassifier
{
    /// <summary>The range an address belongs to.</summary>
    /// <param name="address">The address.</param>
    /// <returns>Its range.</returns>
    public static AddressRange Classify(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (address.AddressFamily == AddressFamily.InterNetworkV6 && address.IsIPv4MappedToIPv6)
        {
            return ClassifyV4(address.MapToIPv4().GetAddressBytes());
        }

        return address.AddressFamily switch
        {
            AddressFamily.InterNetwork => ClassifyV4(address.GetAddressBytes()),
            AddressFamily.InterNetworkV6 => ClassifyV6(address.GetAddressBytes()),
            _ => AddressRange.Reserved,
        };
    }

    /// <summary>Whether an address may be fetched.</summary>
    /// <param name="address">The address.</param>
    /// <param name="allowLoopback">Whether loopback is allowed (tests only).</param>
    /// <returns><see langword="true"/> for public addresses, and for loopback when allowed.</returns>
    public static bool IsAllowed(IPAddress address, bool allowLoopback)
    {
        var range = Classify(address);
        return range == AddressRange.Public || (allowLoopback && range == AddressRange.Loopback);
    }

    private static AddressRange ClassifyV4(byte[] b) => (b[0], b[1], b[2]) switch
    {
        (0, _, _) => AddressRange.Unspecified,
        (10, _, _) => AddressRange.Private,
        (100, >= 64 and <= 127, _) => AddressRange.SharedAddressSpace,
        (127, _, _) => AddressRange.Loopback,
        (169, 254, _) => AddressRange.LinkLocal,
        (172, >= 16 and <= 31, _) => AddressRange.Private,
        (192, 0, 0) or (192, 0, 2) or (192, 88, 99) => AddressRange.Reserved,
        (192, 168, _) => AddressRange.Private,
        (198, 18 or 19, _) or (198, 51, 100) or (203, 0, 113) => AddressRange.Reserved,
        (>= 224 and <= 239, _, _) => AddressRange.Multicast,
        (255, 255, 255) when b[3] == 255 => AddressRange.Multicast,
        (>= 240, _, _) => AddressRange.Reserved,
        _ => AddressRange.Public,
    };

    private static AddressRange ClassifyV6(byte[] b)
    {
        if (b.All(x => x == 0))
        {
            return AddressRange.Unspecified;
        }

        if (b.Take(15).All(x => x == 0) && b[15] == 1)
        {
            return AddressRange.Loopback;
        }

        if (b[0] == 0xff)
        {
            return AddressRange.Multicast;
        }

        if (b[0] == 0xfe && (b[1] & 0xc0) == 0x80)
        {
            return AddressRange.LinkLocal;
        }

        if (b[0] == 0xfe && (b[1] & 0xc0) == 0xc0)
        {
            return AddressRange.UniqueLocal;
        }

        if ((b[0] & 0xfe) == 0xfc)
        {
            return AddressRange.UniqueLocal;
        }

        // ::a.b.c.d (IPv4-compatible, deprecated) and 64:ff9b::a.b.c.d (NAT64): judged by the embedded IPv4 address;
        // an IPv4-compatible form is never a real site, so anything but a public address inside it is refused too.
        if (b.Take(12).All(x => x == 0))
        {
            return ClassifyV4(b[12..]) is AddressRange.Public ? AddressRange.Reserved : ClassifyV4(b[12..]);
        }

        if (b[0] == 0x00 && b[1] == 0x64 && b[2] == 0xff && b[3] == 0x9b && b.Skip(4).Take(8).All(x => x == 0))
        {
            return ClassifyV4(b[12..]);
        }

        // 2002::/16 (6to4) carries an IPv4 address in bytes 2..5.
        if (b[0] == 0x20 && b[1] == 0x02)
        {
            return ClassifyV4(b[2..6]);
        }

        // 2001::/32 (Teredo), 2001:db8::/32 (documentation), 2001:10::/28 and 2001:20::/28 (ORCHID), 100::/64 (discard).
        if ((b[0] == 0x20 && b[1] == 0x01 && b[2] == 0x00 && b[3] == 0x00)
            || (b[0] == 0x20 && b[1] == 0x01 && b[2] == 0x0d && b[3] == 0xb8)
            || (b[0] == 0x20 && b[1] == 0x01 && b[2] == 0x00 && (b[3] & 0xf0) is 0x10 or 0x20)
            || (b[0] == 0x01 && b[1] == 0x00 && b.Skip(2).Take(6).All(x => x == 0)))
        {
            return AddressRange.Reserved;
        }

        // Only 2000::/3 is global unicast.
        return (b[0] & 0xe0) == 0x20 ? AddressRange.Public : AddressRange.Reserved;
    }
}
