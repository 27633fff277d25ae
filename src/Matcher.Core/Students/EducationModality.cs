namespace Matcher.Students;

/// <summary>Modality of Peruvian basic education (Ley General de Educación).</summary>
public enum EducationModality
{
    /// <summary>Educación Básica Regular.</summary>
    Ebr,

    /// <summary>Educación Básica Alternativa (youth and adults).</summary>
    Eba,

    /// <summary>Educación Básica Especial.</summary>
    Ebe,
}
