using System.Globalization;
using Matcher.Geography;
using Matcher.Grades;
using Matcher.OpenAI.Parsing;
using Matcher.Parsing;
using Matcher.Serialization;
using Matcher.Students;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using OpenAI.Chat;

namespace Matcher.OpenAI.Internal;

/// <summary>The GPT self-description parser: strict structured output, grounding and domain validation. Never logs the text.</summary>
internal sealed class OpenAIStudentProfileParser(ChatTransport transport, ParseCache cache, SpanishPlaceNames places, ILogger<OpenAIStudentProfileParser>? logger = null) : IStudentProfileParser
{
    private readonly ILogger _logger = logger ?? NullLogger<OpenAIStudentProfileParser>.Instance;

    private const string Operation = "student";

    public async Task<ParseResult<StudentProfile>> ParseAsync(string text, string studentId = "draft", CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentException.ThrowIfNullOrWhiteSpace(studentId);
        var options = transport.Options;
        if (text.Length > options.MaxInputCharacters)
        {
            throw new TextParseException(ParseFailureKind.TooLong, text.Length.ToString(CultureInfo.InvariantCulture) + " characters");
        }

        var key = ParseCache.Key(Operation, transport.Model, Prompts.StudentVersion, text);
        if (options.CacheStudentParses && cache.TryGet<StudentExtraction>(Operation, key, out var hit))
        {
            var again = Map(text, studentId, hit);
            return again with { Provenance = again.Provenance with { FromCache = true } };
        }

        var request = new ChatCompletionOptions
        {
            ResponseFormat = ChatResponseFormat.CreateJsonSchemaFormat("student_profile", BinaryData.FromString(ExtractionSchema.Student.GetRawText()), jsonSchemaIsStrict: true),
            MaxOutputTokenCount = options.MaxOutputTokens,
            Temperature = options.Temperature,
        };
        ChatMessage[] messages = [new SystemChatMessage(Prompts.Student), new UserChatMessage("<<<STUDENT_TEXT\n" + Grounding.Fence(text) + "\nSTUDENT_TEXT>>>")];
        var completion = await transport.CompleteAsync(Operation, messages, request, cancellationToken).ConfigureAwait(false);
        var extraction = CompletionReader.Read<StudentExtraction>(completion);
        if (options.CacheStudentParses)
        {
            cache.Set(key, extraction, options.CacheDuration);
        }

        var result = Map(text, studentId, extraction);
        Log.Parsed(_logger, Operation, transport.Model, result.Evidence.Count, result.Issues.Count, fromCache: false);
        return result;
    }

    internal ParseResult<StudentProfile> Map(string text, string studentId, StudentExtraction x)
    {
        var g = new EvidenceCollector(text, Grounding.Instructions(text));
        T? E<T>(string path, QuotedText? q)
            where T : struct, Enum
        {
            if (q is null)
            {
                return null;
            }

            if (!EnumText.TryParse<T>(q.Value, out var v))
            {
                g.Reject(path, "parse.invalid-value", q.Quote, q.Value);
                return null;
            }

            return g.Accept(path, q.Quote) ? v : null;
        }

        bool? Flag(string path, QuotedFlag? f) => f is not null && g.Accept(path, f.Quote) ? f.Value : null;

        string? nationality = x.Nationality is { } n && CountryCodes.IsValid(n.Value) && g.Accept("$.nationality", n.Quote) ? n.Value : null;
        DateOnly? birth = null;
        if (x.BirthDate is { } bd && DateOnly.TryParseExact(bd.Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var b) && g.Accept("$.birthDate", bd.Quote, b.Day, b.Year))
        {
            birth = b;
        }

        decimal? grade = null;
        if (x.GradeAverage is { } ga)
        {
            if (ga.Value is < 0 or > 20)
            {
                g.Reject("$.basicEducation.gradeAverage", "parse.out-of-range", ga.Quote, ga.Value);
            }
            else if (g.Accept("$.basicEducation.gradeAverage", ga.Quote, (long)Math.Truncate(ga.Value)))
            {
                grade = ga.Value;
            }
        }

        decimal? income = x.MonthlyPerCapitaIncome is { } mi && mi.Value >= 0 && g.Accept("$.monthlyPerCapitaIncome", mi.Quote, (long)Math.Truncate(mi.Value)) ? mi.Value : null;
        int? graduation = x.GraduationYear is { } gy && gy.Value is >= 1950 and <= 2100 && g.Accept("$.basicEducation.graduationYear", gy.Quote, gy.Value) ? gy.Value : null;
        var conditions = new ConditionSet();
        foreach (var c in x.Conditions)
        {
            if (g.Accept("$.conditions." + EnumText.Of(c.Condition), c.Quote))
            {
                conditions = conditions.With(c.Condition, c.Value);
            }
        }

        var languages = x.NativeLanguages.Where(l => g.Accept("$.nativeLanguages", l.Quote)).Select(l => l.Value.ToLowerInvariant()).Distinct().ToList();
        var interests = x.Interests.Where(i => g.Accept("$.interests", i.Quote)).Select(i => i.Value).Distinct().ToList();
        var basic = new BasicEducation
        {
            Status = E<BasicEducationStatus>("$.basicEducation.status", x.SchoolStatus),
            GraduationYear = graduation,
            SchoolUbigeo = Place(g, "$.basicEducation.schoolUbigeo", x.School),
            SchoolManagement = E<Management>("$.basicEducation.schoolManagement", x.SchoolManagement),
            Coar = Flag("$.basicEducation.coar", x.Coar),
            AcademicRank = E<AcademicRank>("$.basicEducation.academicRank", x.AcademicRank),
            GradeAverage = grade,
        };
        var sisfoh = E<SisfohLevel>("$.sisfoh.classification", x.Sisfoh);
        var profile = new StudentProfile
        {
            Id = studentId,
            Nationality = nationality,
            BirthDate = birth,
            Gender = E<Gender>("$.gender", x.Gender),
            ResidenceUbigeo = Place(g, "$.residenceUbigeo", x.Residence),
            Sisfoh = sisfoh is { } s ? new SisfohRecord { Classification = s } : null,
            MonthlyPerCapitaIncome = income,
            BasicEducation = basic == new BasicEducation() ? null : basic,
            Conditions = conditions == new ConditionSet() ? null : conditions,
            NativeLanguages = languages.Count > 0 ? languages : null,
            PreviousHigherStudies = Flag("$.previousHigherStudies", x.PreviousHigherStudies),
            HoldsScholarship = Flag("$.holdsScholarship", x.HoldsScholarship),
            Interests = interests.Count > 0 ? interests : null,
        };
        return new ParseResult<StudentProfile>(profile, g.Issues, g.Evidence, new ParseProvenance("openai", transport.Model, Prompts.StudentVersion));
    }

    private Ubigeo? Place(EvidenceCollector g, string path, QuotedPlace? place)
    {
        if (place is null)
        {
            return null;
        }

        var districts = places.Find(place.District).Where(a => a.Digits == 6).ToList();
        if (place.Within is { } within)
        {
            var outer = places.Find(within).Where(a => a.Digits < 6).Select(a => a.ToString()).ToList();
            districts = districts.Where(d => outer.Any(o => d.ToString().StartsWith(o, StringComparison.Ordinal))).ToList();
        }

        if (districts.Count != 1 || !Ubigeo.TryParse(districts[0].ToString(), out var u))
        {
            g.Reject(path, districts.Count > 1 ? "parse.place-ambiguous" : "parse.unknown-place", place.Quote, place.District);
            return null;
        }

        return g.Accept(path, place.Quote) ? u : null;
    }
}
