namespace Matcher.Students;

/// <summary>Highest degree or title held.</summary>
public enum Degree
{
    /// <summary>None.</summary>
    None,

    /// <summary>Título técnico or técnico profesional.</summary>
    Technician,

    /// <summary>Grado de bachiller.</summary>
    Bachelor,

    /// <summary>Título profesional (licenciatura).</summary>
    ProfessionalTitle,

    /// <summary>Master's degree.</summary>
    Master,

    /// <summary>Doctorate.</summary>
    Doctorate,
}
