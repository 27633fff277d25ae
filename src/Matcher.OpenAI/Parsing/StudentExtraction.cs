using System.ComponentModel;
using Matcher.Students;

namespace Matcher.OpenAI.Parsing;

/// <summary>A number that may have decimals, with its quote.</summary>
internal sealed record QuotedDecimal(decimal Value, [property: Description("Exact words of the student's text.")] string Quote);

/// <summary>A yes/no fact with its quote.</summary>
internal sealed record QuotedFlag(bool Value, [property: Description("Exact words of the student's text.")] string Quote);

/// <summary>An accredited condition the student states, with its quote.</summary>
internal sealed record QuotedCondition(PriorityCondition Condition, [property: Description("True if the student has it, false if she says she does not.")] bool Value, [property: Description("Exact words of the student's text.")] string Quote);

/// <summary>Where the student lives or studied.</summary>
internal sealed record QuotedPlace(
    [property: Description("The district name as written.")] string District,
    [property: Description("Province or department name, when the text gives it; else null.")] string? Within,
    [property: Description("Exact words of the student's text.")] string Quote);

/// <summary>Everything the self-description parser may extract. Null or empty where the student does not say.</summary>
internal sealed record StudentExtraction(
    [property: Description("ISO 3166-1 alpha-2 nationality.")] QuotedText? Nationality,
    [property: Description("Date of birth as YYYY-MM-DD, only when the text gives the full date.")] QuotedDate? BirthDate,
    QuotedText? Gender,
    QuotedPlace? Residence,
    QuotedPlace? School,
    QuotedText? Sisfoh,
    [property: Description("Household income per person per month, in soles, only when stated per person.")] QuotedDecimal? MonthlyPerCapitaIncome,
    QuotedText? SchoolStatus,
    QuotedNumber? GraduationYear,
    QuotedText? SchoolManagement,
    QuotedFlag? Coar,
    QuotedText? AcademicRank,
    [property: Description("Average grade on the 0-20 scale.")] QuotedDecimal? GradeAverage,
    IReadOnlyList<QuotedCondition> Conditions,
    [property: Description("Lenguas originarias the student speaks, lowercase.")] IReadOnlyList<QuotedText> NativeLanguages,
    QuotedFlag? PreviousHigherStudies,
    QuotedFlag? HoldsScholarship,
    [property: Description("Careers or fields the student wants to study.")] IReadOnlyList<QuotedText> Interests);
