namespace Matcher.Students;

/// <summary>Special territorial ámbito where the secondary school is located.</summary>
public enum SchoolZone
{
    /// <summary>Valle de los Ríos Apurímac, Ene y Mantaro.</summary>
    Vraem,

    /// <summary>Huallaga.</summary>
    Huallaga,

    /// <summary>Neither.</summary>
    None,
}
