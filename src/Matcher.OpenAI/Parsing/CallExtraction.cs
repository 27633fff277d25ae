using System.ComponentModel;
using Matcher.Parsing;
using Matcher.Scholarships;

namespace Matcher.OpenAI.Parsing;

// The structured-output contract of the call parser. The strict JSON schema sent to the model is generated from these
// records (docs/parsing.md; the generated schema is snapshot-tested), and the answer is read back into them.

/// <summary>A text value with the exact words of the source that state it.</summary>
internal sealed record QuotedText(
    [property: Description("The value.")] string Value,
    [property: Description("The exact words of the call text that state it, copied verbatim.")] string Quote);

/// <summary>A whole number with its quote.</summary>
internal sealed record QuotedNumber(
    [property: Description("The number.")] int Value,
    [property: Description("The exact words of the call text that state it, copied verbatim.")] string Quote);

/// <summary>A date with its quote.</summary>
internal sealed record QuotedDate(
    [property: Description("The date as YYYY-MM-DD.")] string Value,
    [property: Description("The exact words of the call text that state it, copied verbatim.")] string Quote);

/// <summary>The level of study with its quote.</summary>
internal sealed record QuotedLevel(ScholarshipLevel Value, [property: Description("Exact words of the call text.")] string Quote);

/// <summary>One benefit with its quote.</summary>
internal sealed record QuotedCoverage(CoverageItem Item, [property: Description("Exact words of the call text.")] string Quote);

/// <summary>One amount of money with its quote.</summary>
internal sealed record QuotedAmount(
    decimal Value,
    [property: Description("ISO 4217 code: PEN for soles (S/), USD, EUR.")] string Currency,
    AmountPurpose Purpose,
    [property: Description("Exact words of the call text.")] string Quote);

/// <summary>What kind of requirement.</summary>
internal enum RequirementKind
{
    Nationality,
    Age,
    AcademicRank,
    GradeAverage,
    Sisfoh,
    BasicEducation,
    Residence,
    SchoolZone,
    Income,
    MilitaryService,
    WorkExperience,
    Condition,
    NativeLanguage,
    Gender,
    Degree,
    HigherEducationStatus,
    CurrentCycle,
    GraduationYear,
    NoPreviousHigherStudies,
    NoCurrentScholarship,
}

/// <summary>One requirement an applicant must meet, as the text states it.</summary>
internal sealed record Requirement(
    RequirementKind Kind,
    [property: Description("Lower bound, inclusive (age in years, grade 0-20, months, cycle, year), or null.")] decimal? Minimum,
    [property: Description("Upper bound (age in years, income in soles, year), or null.")] decimal? Maximum,
    [property: Description("True when the upper bound is exclusive ('menores de 22 años' = maximum 22, exclusive).")] bool MaximumExclusive,
    [property: Description("Values: ISO country codes (nationality); topThird/topHalf/... (academicRank); extremePoor/poor/notPoor (sisfoh); ebr/eba/ebe and inLastGrade/graduated (basicEducation); place names of departments, provinces or districts (residence); vraem/huallaga (schoolZone); disability/afroPeruvian/amazonianNativeCommunity/familyProtection/violenceVictimRegistry/teacherParentCpm/... (condition); female/male (gender); bachelor/professionalTitle/technician/master (degree); enrolled/admitted (higherEducationStatus). Empty otherwise.")] IReadOnlyList<string> Values,
    [property: Description("True when applicants with an accredited disability are exempt (age only).")] bool ExemptIfDisability,
    [property: Description("The exact words of the call text that state this requirement, copied verbatim.")] string Quote);

/// <summary>Everything the call parser may extract. Null or empty where the text does not say.</summary>
internal sealed record CallExtraction(
    QuotedText? Name,
    QuotedText? Provider,
    QuotedLevel? Level,
    QuotedNumber? Convocatoria,
    [property: Description("ISO 3166-1 alpha-2 codes of the countries where the studies happen.")] IReadOnlyList<QuotedText> StudyCountries,
    QuotedDate? Opens,
    QuotedDate? Closes,
    [property: Description("Date at which applicants' ages are computed, when stated.")] QuotedDate? AgeReferenceDate,
    [property: Description("Number of scholarships offered in this call.")] QuotedNumber? Vacancies,
    IReadOnlyList<Requirement> Requirements,
    CoverageType? CoverageType,
    IReadOnlyList<QuotedCoverage> Coverage,
    IReadOnlyList<QuotedAmount> Amounts,
    [property: Description("Beca 18 modalities named, kebab-case: ordinaria, vraem, huallaga, proteccion, ffaa, repared, cna, pa, eib, hijos-docentes.")] IReadOnlyList<QuotedText> Modalities,
    [property: Description("Documents applicants must submit, as named in the text.")] IReadOnlyList<QuotedText> Documents);
