namespace Matcher.Portal.Data.Entities;

/// <summary>A host secret (the DNI hashing key), stored encrypted with Data Protection so every replica shares it.</summary>
public sealed class PortalSecret
{
    /// <summary>Name of the secret.</summary>
    public required string Name { get; set; }

    /// <summary>The value, protected.</summary>
    public required string ProtectedValue { get; set; }
}
