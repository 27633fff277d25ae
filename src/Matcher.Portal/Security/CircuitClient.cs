using Microsoft.AspNetCore.Components.Server.Circuits;

namespace Matcher.Portal.Security;

/// <summary>
/// The client a Blazor circuit belongs to, for rate limits: the remote address of the connection that opened (or
/// re-connected) the circuit. Scoped to the circuit; holds no more than the address, which is never logged.
/// </summary>
internal sealed class CircuitClient
{
    /// <summary>The rate-limit key, as the API's policies write it (<c>ip:…</c>).</summary>
    public string Key { get; set; } = Unknown;

    /// <summary>The key when no address is known: such clients share one budget, so the limit still holds.</summary>
    public const string Unknown = "ip:unknown";

    /// <summary>The key for an HTTP request's remote address.</summary>
    public static string KeyOf(HttpContext? http) => "ip:" + (http?.Connection.RemoteIpAddress?.ToString() ?? "unknown");
}

/// <summary>Records the address of the connection when a circuit opens or its connection comes back.</summary>
internal sealed class CircuitClientHandler(CircuitClient client, IHttpContextAccessor http) : CircuitHandler
{
    public override Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        client.Key = CircuitClient.KeyOf(http.HttpContext);
        return Task.CompletedTask;
    }

    public override Task OnConnectionUpAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        if (http.HttpContext is { } context)
        {
            client.Key = CircuitClient.KeyOf(context);
        }

        return Task.CompletedTask;
    }
}
