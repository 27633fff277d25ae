namespace Matcher.Students;

/// <summary>Gender as declared by the student.</summary>
public enum Gender
{
    /// <summary>Female.</summary>
    Female,

    /// <summary>Male.</summary>
    Male,

    /// <summary>Another gender.</summary>
    Other,

    /// <summary>The student chose not to say.</summary>
    Undisclosed,
}
