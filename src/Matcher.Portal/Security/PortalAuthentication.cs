namespace Matcher.Portal.Security;

/// <summary>Names of the authentication schemes.</summary>
public static class PortalAuthentication
{
    /// <summary>The policy scheme: API key when <c>X-Api-Key</c> is sent to <c>/api</c>, else the Identity cookie.</summary>
    public const string Scheme = "Matcher";

    /// <summary>The API-key scheme.</summary>
    public const string ApiKeyScheme = "ApiKey";

    /// <summary>The header that carries an API key.</summary>
    public const string ApiKeyHeader = "X-Api-Key";
}
