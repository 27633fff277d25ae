using Matcher.Eligibility;
using Matcher.Scholarships;

namespace Matcher.Parsing;

/// <summary>
/// What a parser extracted from a call text: the parts of a <see cref="Scholarship"/> the text states, each possibly
/// unknown. A person reviews it and completes it with <see cref="ToScholarship"/> before it affects matching.
/// </summary>
public sealed record ScholarshipDraft
{
    /// <summary>The call's name (usually the title of the text).</summary>
    public string? Name { get; init; }

    /// <summary>Who awards it.</summary>
    public string? Provider { get; init; }

    /// <summary>Level of study.</summary>
    public ScholarshipLevel? Level { get; init; }

    /// <summary>The call's year as the provider names it.</summary>
    public int? Convocatoria { get; init; }

    /// <summary>ISO alpha-2 codes of where the studies happen.</summary>
    public IReadOnlyList<string> StudyCountries { get; init; } = [];

    /// <summary>Application window and the date ages are computed at.</summary>
    public CallWindow Call { get; init; } = CallWindow.Unknown;

    /// <summary>Number of scholarships offered.</summary>
    public int? Vacancies { get; init; }

    /// <summary>Requirements, in the core's criterion types; each has evidence in the text.</summary>
    public IReadOnlyList<Criterion> Criteria { get; init; } = [];

    /// <summary>Full or partial, when stated.</summary>
    public CoverageType? CoverageType { get; init; }

    /// <summary>Benefits named.</summary>
    public IReadOnlyList<CoverageItem> CoverageItems { get; init; } = [];

    /// <summary>Amounts of money stated.</summary>
    public IReadOnlyList<MoneyAmount> Amounts { get; init; } = [];

    /// <summary>Modalities of the program named (kebab-case: <c>ordinaria</c>, <c>vraem</c>, <c>ffaa</c>, ...).</summary>
    public IReadOnlyList<string> Modalities { get; init; } = [];

    /// <summary>Documents to submit, as named in the text.</summary>
    public IReadOnlyList<string> Documents { get; init; } = [];

    /// <summary>Web addresses in the text.</summary>
    public IReadOnlyList<string> Links { get; init; } = [];

    /// <summary>Completes the draft into a catalog entry.</summary>
    /// <param name="id">Stable kebab-case id (CONTRACT §3).</param>
    /// <param name="program">Kebab-case program id.</param>
    /// <param name="sourceUrl">Where the text was published.</param>
    /// <param name="sourceYear">Year it was published.</param>
    /// <returns>The scholarship. Facts the draft lacks get neutral values: provider "?" and name <paramref name="id"/>
    /// when unknown, level undergraduate, studies in Peru, partial coverage.</returns>
    public Scholarship ToScholarship(string id, string program, string sourceUrl, int sourceYear)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentException.ThrowIfNullOrWhiteSpace(program);
        ArgumentException.ThrowIfNullOrWhiteSpace(sourceUrl);
        var name = Name ?? id;
        return new Scholarship
        {
            Id = id,
            Program = program,
            Provider = Provider ?? "?",
            Name = new LocalizedText(name, name),
            Level = Level ?? ScholarshipLevel.Undergraduate,
            StudyCountries = StudyCountries.Count > 0 ? StudyCountries : ["PE"],
            Convocatoria = Convocatoria ?? sourceYear,
            SourceUrl = sourceUrl,
            SourceYear = sourceYear,
            Call = Call,
            Vacancies = Vacancies,
            Coverage = new Coverage(CoverageType ?? Scholarships.CoverageType.Partial, CoverageItems, null),
            Criteria = Criteria,
            Documents = Documents.Select(d => new LocalizedText(d, d)).ToArray(),
        };
    }
}
