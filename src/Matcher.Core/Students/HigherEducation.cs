using Matcher.Grades;

namespace Matcher.Students;

/// <summary>Higher-education facts.</summary>
public sealed record HigherEducation
{
    /// <summary>None, admitted, enrolled or graduated.</summary>
    public HigherEducationStatus? Status { get; init; }

    /// <summary>Kind of institution.</summary>
    public InstitutionType? InstitutionType { get; init; }

    /// <summary>Public or private institution.</summary>
    public Management? Management { get; init; }

    /// <summary>Current semester, 1-based.</summary>
    public int? CurrentCycle { get; init; }

    /// <summary>Order of merit in the latest completed period.</summary>
    public AcademicRank? AcademicRank { get; init; }

    /// <summary>Highest degree held.</summary>
    public Degree? Degree { get; init; }

    /// <summary>Months of work experience after the bachelor's degree.</summary>
    public int? WorkExperienceMonths { get; init; }
}
