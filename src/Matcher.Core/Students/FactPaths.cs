namespace Matcher.Students;

/// <summary>
/// Paths of the facts of a <see cref="StudentProfile"/> as they appear in its JSON form (CONTRACT §1). Reports list
/// these paths in <c>missing</c> when the absence of a fact made a verdict unknown.
/// </summary>
public static class FactPaths
{
#pragma warning disable CS1591 // Each constant is the JSON path it names.
    public const string Nationality = "nationality";
    public const string BirthDate = "birthDate";
    public const string Gender = "gender";
    public const string ResidenceUbigeo = "residenceUbigeo";
    public const string SisfohClassification = "sisfoh.classification";
    public const string SisfohValidUntil = "sisfoh.validUntil";
    public const string MonthlyPerCapitaIncome = "monthlyPerCapitaIncome";
    public const string BasicModality = "basicEducation.modality";
    public const string BasicStatus = "basicEducation.status";
    public const string GraduationYear = "basicEducation.graduationYear";
    public const string SchoolUbigeo = "basicEducation.schoolUbigeo";
    public const string SchoolManagement = "basicEducation.schoolManagement";
    public const string SchoolZone = "basicEducation.schoolZone";
    public const string Coar = "basicEducation.coar";
    public const string BasicAcademicRank = "basicEducation.academicRank";
    public const string GradeAverage = "basicEducation.gradeAverage";
    public const string HigherStatus = "higherEducation.status";
    public const string InstitutionType = "higherEducation.institutionType";
    public const string InstitutionManagement = "higherEducation.management";
    public const string CurrentCycle = "higherEducation.currentCycle";
    public const string HigherAcademicRank = "higherEducation.academicRank";
    public const string Degree = "higherEducation.degree";
    public const string WorkExperienceMonths = "higherEducation.workExperienceMonths";
    public const string MilitaryServiceMonths = "militaryServiceMonths";
    public const string NativeLanguages = "nativeLanguages";
    public const string PreviousHigherStudies = "previousHigherStudies";
    public const string HoldsScholarship = "holdsScholarship";
#pragma warning restore CS1591

    /// <summary>The path of a condition, e.g. <c>conditions.disability</c>.</summary>
    /// <param name="condition">The condition.</param>
    /// <returns>The path.</returns>
    public static string Condition(PriorityCondition condition) => "conditions." + Serialization.EnumText.Of(condition);
}
