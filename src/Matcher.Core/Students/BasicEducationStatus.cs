namespace Matcher.Students;

/// <summary>Where the student stands in secondary school.</summary>
public enum BasicEducationStatus
{
    /// <summary>Attending the last grade (5° de secundaria, or the last grade of EBA's ciclo avanzado).</summary>
    InLastGrade,

    /// <summary>Finished secondary school.</summary>
    Graduated,

    /// <summary>Neither in the last grade nor graduated.</summary>
    NotCompleted,
}
