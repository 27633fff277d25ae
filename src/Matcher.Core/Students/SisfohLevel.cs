namespace Matcher.Students;

/// <summary>Socioeconomic classification (CSE) of the household in SISFOH's Padrón General de Hogares.</summary>
public enum SisfohLevel
{
    /// <summary>Pobre extremo.</summary>
    ExtremePoor,

    /// <summary>Pobre.</summary>
    Poor,

    /// <summary>No pobre.</summary>
    NotPoor,
}
