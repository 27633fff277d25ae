namespace Matcher.Scholarships;

/// <summary>Whether a scholarship covers all costs of study and living (integral) or part of them.</summary>
public enum CoverageType
{
    /// <summary>Beca integral.</summary>
    Full,

    /// <summary>Partial.</summary>
    Partial,
}
