namespace Matcher.Students;

/// <summary>The household's SISFOH socioeconomic classification (CSE) and the last day it is valid.</summary>
/// <remarks>A CSE is valid for three years (MIDIS, Directiva 001-2020-MIDIS); the consultation page shows its expiry date.</remarks>
public sealed record SisfohRecord
{
    /// <summary>The classification.</summary>
    public SisfohLevel? Classification { get; init; }

    /// <summary>Last day the classification is valid.</summary>
    public DateOnly? ValidUntil { get; init; }
}
