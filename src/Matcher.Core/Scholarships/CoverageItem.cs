namespace Matcher.Scholarships;

/// <summary>One benefit a scholarship covers.</summary>
public enum CoverageItem
{
#pragma warning disable CS1591 // The names are the benefits (docs/catalog.md).
    AdmissionFee,
    Enrollment,
    Tuition,
    DegreeCosts,
    Leveling,
    Food,
    Lodging,
    LocalTransport,
    InterprovincialTransport,
    InternationalTransport,
    StudyMaterials,
    Laptop,
    Clothing,
    English,
    LanguageCourse,
    HealthInsurance,
    MonthlyStipend,
    InstallationAllowance,
    Thesis,
    Visa,
    Tutoring,
#pragma warning restore CS1591
}
