using Matcher.Geography;
using Matcher.Grades;

namespace Matcher.Students;

/// <summary>Secondary school facts.</summary>
public sealed record BasicEducation
{
    /// <summary>EBR, EBA or EBE.</summary>
    public EducationModality? Modality { get; init; }

    /// <summary>In the last grade, graduated or not completed.</summary>
    public BasicEducationStatus? Status { get; init; }

    /// <summary>Year secondary school was (or will be) finished.</summary>
    public int? GraduationYear { get; init; }

    /// <summary>INEI district of the secondary school.</summary>
    public Ubigeo? SchoolUbigeo { get; init; }

    /// <summary>Public or private school.</summary>
    public Management? SchoolManagement { get; init; }

    /// <summary>Whether the school is in the VRAEM or Huallaga ámbito.</summary>
    public SchoolZone? SchoolZone { get; init; }

    /// <summary>Whether the student studied at a Colegio de Alto Rendimiento.</summary>
    public bool? Coar { get; init; }

    /// <summary>Order of merit over the last two completed grades.</summary>
    public AcademicRank? AcademicRank { get; init; }

    /// <summary>Average on the 0–20 scale over the last two completed grades.</summary>
    public decimal? GradeAverage { get; init; }
}
