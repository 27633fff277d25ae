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

    /// <summary>Every fact path in the order of CONTRACT §1; lists of missing facts follow this order.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        Nationality, BirthDate, Gender, ResidenceUbigeo, SisfohClassification, SisfohValidUntil, MonthlyPerCapitaIncome,
        BasicModality, BasicStatus, GraduationYear, SchoolUbigeo, SchoolManagement, SchoolZone, Coar, BasicAcademicRank, GradeAverage,
        HigherStatus, InstitutionType, InstitutionManagement, CurrentCycle, HigherAcademicRank, Degree, WorkExperienceMonths,
        .. Enum.GetValues<PriorityCondition>().Select(Condition),
        MilitaryServiceMonths, NativeLanguages, PreviousHigherStudies, HoldsScholarship,
    ];

    private static readonly System.Collections.Frozen.FrozenDictionary<string, int> Positions =
        System.Collections.Frozen.FrozenDictionary.ToFrozenDictionary(All.Select((p, i) => KeyValuePair.Create(p, i)), StringComparer.Ordinal);

    /// <summary>Distinct fact paths in the order of <see cref="All"/>.</summary>
    /// <param name="paths">The paths.</param>
    /// <returns>The ordered paths.</returns>
    public static string[] Canonical(IEnumerable<string> paths) =>
        paths.Distinct(StringComparer.Ordinal).OrderBy(p => Positions.TryGetValue(p, out var i) ? i : int.MaxValue).ThenBy(p => p, StringComparer.Ordinal).ToArray();

    /// <summary>The path of a condition, e.g. <c>conditions.disability</c>.</summary>
    /// <param name="condition">The condition.</param>
    /// <returns>The path.</returns>
    public static string Condition(PriorityCondition condition) => "conditions." + Serialization.EnumText.Of(condition);
}
