using System.Text.Json;
using Matcher.Geography;

namespace Matcher.Students;

/// <summary>
/// What is known about one student (CONTRACT §1). Every fact except <see cref="Id"/> may be <see langword="null"/>,
/// which means <em>unknown</em>: a criterion that needs an unknown fact is neither passed nor failed.
/// </summary>
/// <remarks>
/// Read and write profiles with <see cref="Serialization.StudentProfileJson"/>, which validates every field and
/// reports each problem with its JSON path. Many students are minors: never log a profile's fields.
/// </remarks>
public sealed record StudentProfile
{
    /// <summary>Identifier, unique within a batch. Required.</summary>
    public required string Id { get; init; }

    /// <summary>ISO 3166-1 alpha-2 nationality (e.g. <c>PE</c>).</summary>
    public string? Nationality { get; init; }

    /// <summary>Date of birth.</summary>
    public DateOnly? BirthDate { get; init; }

    /// <summary>Gender.</summary>
    public Gender? Gender { get; init; }

    /// <summary>INEI district of residence.</summary>
    public Ubigeo? ResidenceUbigeo { get; init; }

    /// <summary>SISFOH classification of the household.</summary>
    public SisfohRecord? Sisfoh { get; init; }

    /// <summary>Household income per person per month, in soles.</summary>
    public decimal? MonthlyPerCapitaIncome { get; init; }

    /// <summary>Secondary school.</summary>
    public BasicEducation? BasicEducation { get; init; }

    /// <summary>Higher education.</summary>
    public HigherEducation? HigherEducation { get; init; }

    /// <summary>Accredited personal conditions.</summary>
    public ConditionSet? Conditions { get; init; }

    /// <summary>Months served in the Servicio Militar Voluntario.</summary>
    public int? MilitaryServiceMonths { get; init; }

    /// <summary>Lenguas originarias spoken, lowercase; empty means none, <see langword="null"/> unknown.</summary>
    public IReadOnlyList<string>? NativeLanguages { get; init; }

    /// <summary>Whether the student has studied in higher education before.</summary>
    public bool? PreviousHigherStudies { get; init; }

    /// <summary>Whether the student holds a scholarship now.</summary>
    public bool? HoldsScholarship { get; init; }

    /// <summary>Careers or fields of interest, free words.</summary>
    public IReadOnlyList<string>? Interests { get; init; }

    /// <summary>What the student wants to do, free text in any language.</summary>
    public string? Aspirations { get; init; }

    /// <summary>Anything else; kept on round-trip and ignored by the engine.</summary>
    public IReadOnlyDictionary<string, JsonElement>? Extensions { get; init; }
}
