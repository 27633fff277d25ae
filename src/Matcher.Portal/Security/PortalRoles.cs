namespace Matcher.Portal.Security;

/// <summary>The portal's roles (CONTRACT §5).</summary>
public static class PortalRoles
{
    /// <summary>Manages users, keys, weights, models and the whole catalog.</summary>
    public const string Admin = "admin";

    /// <summary>Manages the calls of one provider.</summary>
    public const string Provider = "provider";

    /// <summary>Registers and matches their own students.</summary>
    public const string Counselor = "counselor";

    /// <summary>Reads aggregate results and outcomes.</summary>
    public const string Analyst = "analyst";

    /// <summary>Every role.</summary>
    public static IReadOnlyList<string> All { get; } = [Admin, Provider, Counselor, Analyst];
}
