namespace Matcher.Ingestion.Fetching;

/// <summary>The kind of range an IP address belongs to, as far as fetching is concerned.</summary>
public enum AddressRange
{
    /// <summary>A public, globally routed address: the only kind fetched in production.</summary>
    Public,

    /// <summary>Loopback (127.0.0.0/8, ::1).</summary>
    Loopback,

    /// <summary>Private networks (10/8, 172.16/12, 192.168/16).</summary>
    Private,

    /// <summary>Link-local (169.254/16, fe80::/10), which includes cloud metadata endpoints.</summary>
    LinkLocal,

    /// <summary>Carrier-grade NAT (100.64/10).</summary>
    SharedAddressSpace,

    /// <summary>IPv6 unique local addresses (fc00::/7) and deprecated site-local ones (fec0::/10).</summary>
    UniqueLocal,

    /// <summary>Multicast and broadcast.</summary>
    Multicast,

    /// <summary>The unspecified address (0.0.0.0/8, ::).</summary>
    Unspecified,

    /// <summary>Reserved, documentation, benchmarking and transition ranges that are never a provider's web site.</summary>
    Reserved,
}
