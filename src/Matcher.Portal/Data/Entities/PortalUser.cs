using Microsoft.AspNetCore.Identity;

namespace Matcher.Portal.Data.Entities;

/// <summary>A person who signs in to the portal: admin, provider, counselor or analyst.</summary>
public sealed class PortalUser : IdentityUser
{
    /// <summary>Name shown in the portal.</summary>
    public string? DisplayName { get; set; }

    /// <summary>For provider users: the provider whose calls they manage.</summary>
    public int? ProviderId { get; set; }
}
