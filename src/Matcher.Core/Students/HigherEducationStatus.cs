namespace Matcher.Students;

/// <summary>Where the student stands in higher education.</summary>
public enum HigherEducationStatus
{
    /// <summary>Not admitted anywhere.</summary>
    None,

    /// <summary>Admitted, not yet studying.</summary>
    Admitted,

    /// <summary>Currently enrolled.</summary>
    Enrolled,

    /// <summary>Finished a higher-education program.</summary>
    Graduated,
}
