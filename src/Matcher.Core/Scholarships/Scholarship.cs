using Matcher.Eligibility;

namespace Matcher.Scholarships;

/// <summary>
/// One call of one scholarship program (Beca 18, convocatoria 2026, modality Ordinaria): who may apply, what it
/// covers, when, and where each fact comes from. Immutable.
/// </summary>
public sealed record Scholarship
{
    /// <summary>Stable kebab-case id (CONTRACT §3).</summary>
    public required string Id { get; init; }

    /// <summary>Kebab-case id of the program the call belongs to.</summary>
    public required string Program { get; init; }

    /// <summary>Who awards it.</summary>
    public required string Provider { get; init; }

    /// <summary>Name.</summary>
    public required LocalizedText Name { get; init; }

    /// <summary>A sentence or two for students.</summary>
    public LocalizedText? Summary { get; init; }

    /// <summary>Level of study.</summary>
    public required ScholarshipLevel Level { get; init; }

    /// <summary>ISO alpha-2 codes of where the studies happen.</summary>
    public required IReadOnlyList<string> StudyCountries { get; init; }

    /// <summary>The call's year as the provider names it.</summary>
    public required int Convocatoria { get; init; }

    /// <summary>Main source.</summary>
    public required string SourceUrl { get; init; }

    /// <summary>Year the main source was published.</summary>
    public required int SourceYear { get; init; }

    /// <summary>Other sources.</summary>
    public IReadOnlyList<SourceReference> Sources { get; init; } = [];

    /// <summary>Application window.</summary>
    public CallWindow Call { get; init; } = CallWindow.Unknown;

    /// <summary>Number of scholarships offered, when known.</summary>
    public int? Vacancies { get; init; }

    /// <summary>What it covers.</summary>
    public required Coverage Coverage { get; init; }

    /// <summary>Requirements; all must hold.</summary>
    public required IReadOnlyList<Criterion> Criteria { get; init; }

    /// <summary>Extra points for priority conditions, when the call has them.</summary>
    public PriorityRubric? PriorityPoints { get; init; }

    /// <summary>Careers or fields the call is limited to or aimed at.</summary>
    public IReadOnlyList<string> Fields { get; init; } = [];

    /// <summary>Documents to submit.</summary>
    public IReadOnlyList<LocalizedText> Documents { get; init; } = [];

    /// <summary>Requirements the engine does not check.</summary>
    public IReadOnlyList<LocalizedText> OtherRequirements { get; init; } = [];

    /// <summary>Notes for maintainers: conflicts between sources, facts not found.</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];
}
