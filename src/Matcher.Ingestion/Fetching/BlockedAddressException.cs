using System.Net;

namespace Matcher.Ingestion.Fetching;

/// <summary>A connection was refused because the host resolved to an address that is not public.</summary>
public sealed class BlockedAddressException : Exception
{
    /// <summary>Creates the exception.</summary>
    public BlockedAddressException()
        : this("?", IPAddress.None, AddressRange.Reserved)
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">The message.</param>
    public BlockedAddressException(string message)
        : base(message)
    {
        Host = "?";
        Address = IPAddress.None;
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public BlockedAddressException(string message, Exception innerException)
        : base(message, innerException)
    {
        Host = "?";
        Address = IPAddress.None;
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="host">The host name asked for.</param>
    /// <param name="address">The address it resolved to.</param>
    /// <param name="range">The address's range.</param>
    public BlockedAddressException(string host, IPAddress address, AddressRange range)
        : base($"{host} resolves to {address} ({range}), which is not a public address.")
    {
        Host = host;
        Address = address;
        Range = range;
    }

    /// <summary>The host name asked for.</summary>
    public string Host { get; }

    /// <summary>The refused address.</summary>
    public IPAddress Address { get; }

    /// <summary>The refused address's range.</summary>
    public AddressRange Range { get; }
}
