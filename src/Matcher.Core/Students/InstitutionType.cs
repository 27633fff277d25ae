namespace Matcher.Students;

/// <summary>Kind of higher-education institution (Ley 30220 universities, Ley 30512 institutes and schools, CETPRO).</summary>
public enum InstitutionType
{
    /// <summary>University.</summary>
    University,

    /// <summary>Instituto de Educación Superior.</summary>
    Institute,

    /// <summary>Escuela de Educación Superior Pedagógica.</summary>
    PedagogicalSchool,

    /// <summary>Escuela de Educación Superior Tecnológica.</summary>
    TechnologicalSchool,

    /// <summary>Centro de Educación Técnico-Productiva.</summary>
    Cetpro,
}
