using System.Globalization;
using Matcher.Eligibility;
using Matcher.Eligibility.Criteria;
using Matcher.Geography;
using Matcher.Grades;
using Matcher.OpenAI.Parsing;
using Matcher.Parsing;
using Matcher.Scholarships;
using Matcher.Serialization;
using Matcher.Students;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using OpenAI.Chat;

namespace Matcher.OpenAI.Internal;

/// <summary>
/// The GPT call parser: strict structured output generated from <see cref="CallExtraction"/>, then every value is
/// grounded in the text and validated against the domain before it enters the draft.
/// </summary>
internal sealed class OpenAIScholarshipCallParser(ChatTransport transport, ParseCache cache, SpanishPlaceNames places, ILogger<OpenAIScholarshipCallParser>? logger = null) : IScholarshipCallParser
{
    private readonly ILogger _logger = logger ?? NullLogger<OpenAIScholarshipCallParser>.Instance;

    private const string Operation = "call";

    public async Task<ParseResult<ScholarshipDraft>> ParseAsync(string text, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(text);
        var options = transport.Options;
        if (text.Length > options.MaxInputCharacters)
        {
            throw new TextParseException(ParseFailureKind.TooLong, text.Length.ToString(CultureInfo.InvariantCulture) + " characters");
        }

        var key = ParseCache.Key(Operation, transport.Model, Prompts.CallVersion, text);
        if (cache.TryGet<ParseResult<ScholarshipDraft>>(Operation, key, out var cached))
        {
            Log.Parsed(_logger, Operation, transport.Model, cached.Evidence.Count, cached.Issues.Count, fromCache: true);
            return cached with { Provenance = cached.Provenance with { FromCache = true } };
        }

        var request = new ChatCompletionOptions
        {
            ResponseFormat = ChatResponseFormat.CreateJsonSchemaFormat("scholarship_call", BinaryData.FromString(ExtractionSchema.Call.GetRawText()), jsonSchemaIsStrict: true),
            MaxOutputTokenCount = options.MaxOutputTokens,
            Temperature = options.Temperature,
        };
        ChatMessage[] messages =
        [
            new SystemChatMessage(Prompts.Call),
            new UserChatMessage("<<<CALL_TEXT\n" + Grounding.Fence(text) + "\nCALL_TEXT>>>"),
        ];
        var completion = await transport.CompleteAsync(Operation, messages, request, cancellationToken).ConfigureAwait(false);
        var extraction = CompletionReader.Read<CallExtraction>(completion);
        var result = Map(text, extraction);
        cache.Set(key, result, options.CacheDuration);
        Log.Parsed(_logger, Operation, transport.Model, result.Evidence.Count, result.Issues.Count, fromCache: false);
        return result;
    }

    internal ParseResult<ScholarshipDraft> Map(string text, CallExtraction x)
    {
        var instructions = Grounding.Instructions(text);
        var g = new EvidenceCollector(text, instructions);
        foreach (var span in instructions)
        {
            g.Issues.Add(ParseIssue.Create("$", "parse.injected-instruction", span, ("text", span.Of(text))));
        }

        string? name = x.Name is { } n && g.Accept("$.name", n.Quote) ? n.Value : null;
        string? provider = x.Provider is { } p && g.Accept("$.provider", p.Quote) ? p.Value : null;
        ScholarshipLevel? level = x.Level is { } l && g.Accept("$.level", l.Quote) ? l.Value : null;
        int? convocatoria = x.Convocatoria is { } c && c.Value is >= 2000 and <= 2100 && g.Accept("$.convocatoria", c.Quote, c.Value) ? c.Value : null;
        int? vacancies = null;
        if (x.Vacancies is { } v)
        {
            if (v.Value is < 1 or > 1_000_000)
            {
                g.Reject("$.vacancies", "parse.invalid-value", v.Quote, v.Value);
            }
            else if (g.Accept("$.vacancies", v.Quote, v.Value))
            {
                vacancies = v.Value;
            }
        }

        var call = new CallWindow(Date(g, "$.call.opens", x.Opens), Date(g, "$.call.closes", x.Closes), Date(g, "$.call.ageReferenceDate", x.AgeReferenceDate));
        var countries = new List<string>();
        for (var i = 0; i < x.StudyCountries.Count; i++)
        {
            var country = x.StudyCountries[i];
            if (!CountryCodes.IsValid(country.Value))
            {
                g.Reject(Item("$.studyCountries", i), "parse.invalid-value", country.Quote, country.Value);
            }
            else if (g.Accept(Item("$.studyCountries", i), country.Quote) && !countries.Contains(country.Value))
            {
                countries.Add(country.Value);
            }
        }

        var criteria = new List<Criterion>();
        foreach (var r in x.Requirements)
        {
            var path = Item("$.criteria", criteria.Count);
            var criterion = ToCriterion(r, out var invalid);
            if (criterion is null)
            {
                g.Reject(path, invalid is null ? "parse.invalid-value" : "parse.unknown-place", r.Quote, invalid ?? EnumText.Of(r.Kind));
                continue;
            }

            var numbers = new[] { r.Minimum, r.Maximum }.Where(b => b is not null).Select(b => (long)Math.Round(b!.Value)).Where(_ => r.Kind is not (RequirementKind.WorkExperience or RequirementKind.Income)).ToArray();
            if (g.Accept(path, r.Quote, numbers))
            {
                criteria.Add(criterion);
            }
        }

        var coverage = new List<CoverageItem>();
        for (var i = 0; i < x.Coverage.Count; i++)
        {
            if (g.Accept(Item("$.coverage.items", coverage.Count), x.Coverage[i].Quote) && !coverage.Contains(x.Coverage[i].Item))
            {
                coverage.Add(x.Coverage[i].Item);
            }
        }

        var amounts = new List<MoneyAmount>();
        foreach (var a in x.Amounts)
        {
            if (a.Value <= 0 || a.Currency is not ("PEN" or "USD" or "EUR" or "JPY" or "KRW" or "CHF" or "HUF" or "MXN" or "COP" or "CLP" or "BRL"))
            {
                g.Reject(Item("$.amounts", amounts.Count), "parse.invalid-value", a.Quote, a.Value);
            }
            else if (g.Accept(Item("$.amounts", amounts.Count), a.Quote, (long)Math.Truncate(a.Value)))
            {
                amounts.Add(new MoneyAmount(a.Value, a.Currency, a.Purpose));
            }
        }

        var draft = new ScholarshipDraft
        {
            Name = name,
            Provider = provider,
            Level = level,
            Convocatoria = convocatoria,
            StudyCountries = countries,
            Call = call,
            Vacancies = vacancies,
            Criteria = criteria,
            CoverageType = x.CoverageType,
            CoverageItems = coverage.Order().ToList(),
            Amounts = amounts,
            Modalities = Texts(g, "$.modalities", x.Modalities, m => m is "ordinaria" or "vraem" or "huallaga" or "proteccion" or "ffaa" or "repared" or "cna" or "pa" or "eib" or "hijos-docentes"),
            Documents = Texts(g, "$.documents", x.Documents, d => d.Length is > 1 and < 200),
        };
        return new ParseResult<ScholarshipDraft>(draft, g.Issues, g.Evidence, new ParseProvenance("openai", transport.Model, Prompts.CallVersion));
    }

    private Criterion? ToCriterion(Requirement r, out string? invalid)
    {
        invalid = null;
        int? Int(decimal? d) => d is { } v && v == Math.Truncate(v) ? (int)v : null;
        List<T>? Enums<T>()
            where T : struct, Enum
        {
            var list = new List<T>();
            foreach (var value in r.Values)
            {
                if (!EnumText.TryParse<T>(value, out var e))
                {
                    return null;
                }

                if (!list.Contains(e))
                {
                    list.Add(e);
                }
            }

            list.Sort();
            return list.Count == 0 ? null : list;
        }

        try
        {
            switch (r.Kind)
            {
                case RequirementKind.Nationality:
                    return r.Values.Count > 0 && r.Values.All(CountryCodes.IsValid) ? new NationalityCriterion(r.Values.ToArray()) : null;
                case RequirementKind.Age:
                    var min = Int(r.Minimum);
                    var max = Int(r.Maximum);
                    if (min is < 10 or > 80 || max is < 10 or > 81 || (min is null && max is null))
                    {
                        return null;
                    }

                    return r.MaximumExclusive && max is not null
                        ? new AgeCriterion(min, null, max, r.ExemptIfDisability)
                        : new AgeCriterion(min, max, null, r.ExemptIfDisability);
                case RequirementKind.AcademicRank:
                    var ranks = Enums<AcademicRank>();
                    return ranks is null ? null : new AcademicRankCriterion(r.Quote.Contains("ciclo", StringComparison.OrdinalIgnoreCase) || r.Quote.Contains("universi", StringComparison.OrdinalIgnoreCase) ? EducationLevel.Higher : EducationLevel.Basic, ranks.Max());
                case RequirementKind.GradeAverage:
                    return r.Minimum is >= 0 and <= 20 ? new GradeAverageCriterion(r.Minimum.Value) : null;
                case RequirementKind.Sisfoh:
                    var levels = Enums<SisfohLevel>();
                    return levels is null ? null : new SisfohCriterion(levels);
                case RequirementKind.BasicEducation:
                    var modalities = Parsed<EducationModality>(r.Values);
                    var statuses = Parsed<BasicEducationStatus>(r.Values);
                    return modalities.Count + statuses.Count != r.Values.Count || r.Values.Count == 0 ? null : new BasicEducationCriterion(modalities.Count > 0 ? modalities : null, statuses.Count > 0 ? statuses : null);
                case RequirementKind.Residence:
                    var areas = new List<UbigeoArea>();
                    foreach (var place in r.Values)
                    {
                        var named = places.Find(place);
                        var found = UbigeoArea.TryParse(place, out var code) && UbigeoDirectory.Default.Contains(code)
                            ? [code]
                            : named.Where(a => a.Digits == named.Min(x => x.Digits)).ToList();
                        if (found.Count != 1)
                        {
                            invalid = place;
                            return null;
                        }

                        areas.Add(found[0]);
                    }

                    return areas.Count == 0 ? null : new UbigeoCriterion(UbigeoFact.Residence, areas);
                case RequirementKind.SchoolZone:
                    var zones = Enums<SchoolZone>();
                    return zones is null ? null : new SchoolZoneCriterion(zones);
                case RequirementKind.Income:
                    return r.Maximum is > 0 and < 1_000_000 ? new IncomeCriterion(r.Maximum.Value) : null;
                case RequirementKind.MilitaryService:
                    return Int(r.Minimum) is int months and > 0 and < 240 ? new MilitaryServiceCriterion(months) : null;
                case RequirementKind.WorkExperience:
                    return Int(r.Minimum) is int work and > 0 and < 600 ? new WorkExperienceCriterion(work) : null;
                case RequirementKind.Condition:
                    var conditions = Enums<PriorityCondition>();
                    return conditions is { Count: 1 } ? new ConditionCriterion(conditions[0]) : null;
                case RequirementKind.NativeLanguage:
                    return new NativeLanguageCriterion(r.Values.Count > 0 ? r.Values.Select(v => v.ToLowerInvariant()).ToArray() : null);
                case RequirementKind.Gender:
                    var genders = Enums<Gender>();
                    return genders is null ? null : new GenderCriterion(genders);
                case RequirementKind.Degree:
                    var degrees = Enums<Degree>();
                    return degrees is null ? null : new DegreeCriterion(degrees);
                case RequirementKind.HigherEducationStatus:
                    var he = Enums<HigherEducationStatus>();
                    return he is null ? null : new HigherEducationStatusCriterion(he);
                case RequirementKind.CurrentCycle:
                    return Int(r.Minimum) is int cycle and > 0 and < 20 ? new CurrentCycleCriterion(cycle, Int(r.Maximum)) : null;
                case RequirementKind.GraduationYear:
                    return Int(r.Minimum) is int from and >= 1950 and <= 2100 ? new GraduationYearCriterion(from, Int(r.Maximum) ?? from) : null;
                case RequirementKind.NoPreviousHigherStudies:
                    return new NoPreviousHigherStudiesCriterion();
                case RequirementKind.NoCurrentScholarship:
                    return new NoCurrentScholarshipCriterion();
                default:
                    return null;
            }
        }
        catch (ArgumentException)
        {
            // A criterion's own constructor rejected the bounds (e.g. minimum above maximum).
            return null;
        }
    }

    private static List<T> Parsed<T>(IEnumerable<string> values)
        where T : struct, Enum
    {
        var list = new List<T>();
        foreach (var v in values)
        {
            if (EnumText.TryParse<T>(v, out var e) && !list.Contains(e))
            {
                list.Add(e);
            }
        }

        list.Sort();
        return list;
    }

    private static DateOnly? Date(EvidenceCollector g, string path, QuotedDate? d)
    {
        if (d is null)
        {
            return null;
        }

        if (!DateOnly.TryParseExact(d.Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) || date.Year is < 1990 or > 2100)
        {
            g.Reject(path, "parse.invalid-value", d.Quote, d.Value);
            return null;
        }

        return g.Accept(path, d.Quote, date.Day) ? date : null;
    }

    private static List<string> Texts(EvidenceCollector g, string path, IReadOnlyList<QuotedText> items, Func<string, bool> valid)
    {
        var list = new List<string>();
        foreach (var item in items)
        {
            if (!valid(item.Value))
            {
                g.Reject(Item(path, list.Count), "parse.invalid-value", item.Quote, item.Value);
            }
            else if (g.Accept(Item(path, list.Count), item.Quote) && !list.Contains(item.Value))
            {
                list.Add(item.Value);
            }
        }

        return list;
    }

    private static string Item(string path, int index) => path + "[" + index.ToString(CultureInfo.InvariantCulture) + "]";
}
