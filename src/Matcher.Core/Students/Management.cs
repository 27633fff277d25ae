namespace Matcher.Students;

/// <summary>Management (gestión) of a school or a higher-education institution.</summary>
public enum Management
{
    /// <summary>Public (pública).</summary>
    Public,

    /// <summary>Private (privada).</summary>
    Private,
}
