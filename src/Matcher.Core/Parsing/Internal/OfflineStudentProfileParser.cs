using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Matcher.Geography;
using Matcher.Grades;
using Matcher.Students;

namespace Matcher.Parsing.Internal;

/// <summary>
/// The default self-description parser: Spanish rules, no network. A fact the text does not state stays unknown;
/// a statement the rules read but cannot turn into a profile field (an age without a birth date, a department without
/// a district) is reported as an issue.
/// </summary>
internal sealed partial class OfflineStudentProfileParser(SpanishPlaceNames places) : IStudentProfileParser
{
    /// <summary>Version of the rules; part of the provenance of every draft.</summary>
    public const string RulesVersion = "offline-es-2026.1";

    private static readonly string[] Languages =
    [
        "quechua", "aimara", "aymara", "ashaninka", "asheninka", "awajun", "shipibo", "shipibo-konibo", "matsigenka", "wampis",
        "yanesha", "kukama", "yine", "shawi", "kandozi", "ticuna", "bora", "yagua", "jaqaru", "harakbut", "urarina",
    ];

    private static readonly (string Pattern, string Code)[] Nationalities =
    [
        (@"peruan[oa]", "PE"), (@"venezolan[oa]", "VE"), (@"colombian[oa]", "CO"), (@"ecuatorian[oa]", "EC"), (@"bolivian[oa]", "BO"), (@"chilen[oa]", "CL"),
    ];

    private readonly SpanishPlaceNames _places = places;

    public OfflineStudentProfileParser()
        : this(SpanishPlaceNames.Default)
    {
    }

    public Task<ParseResult<StudentProfile>> ParseAsync(string text, string studentId = "draft", CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentException.ThrowIfNullOrWhiteSpace(studentId);
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(Parse(text, studentId));
    }

    internal ParseResult<StudentProfile> Parse(string text, string studentId)
    {
        var b = new DraftBuilder(text);
        var folded = SpanishText.Fold(text);
        var languages = new List<string>();
        var interests = new List<string>();
        int? statedAge = null;
        foreach (var sentence in SpanishText.Sentences(text))
        {
            var s = folded.Substring(sentence.Start, sentence.Length);
            TextSpan At(Match m) => new(sentence.Start + m.Index, m.Length);

            foreach (var (pattern, code) in Nationalities)
            {
                if (Patterns.Match(s, @"\b(?:soy|de nacionalidad|nacionalidad) " + pattern + @"\b") is { Success: true } n)
                {
                    b.Set("$.nationality", code, At(n));
                }
            }

            if (Birth().Match(s) is { Success: true } birth)
            {
                var date = SpanishDates.Find(s).FirstOrDefault(d => d.Span.Start >= birth.Index);
                if (date.Year is { } y && SpanishDates.TryCreate(y, date.Month, date.Day, out var born))
                {
                    b.Set("$.birthDate", born, new TextSpan(sentence.Start + birth.Index, date.Span.End - birth.Index));
                }
            }

            if (Age().Match(s) is { Success: true } age)
            {
                statedAge = int.Parse(age.Groups["n"].Value, CultureInfo.InvariantCulture);
                b.Used.Add(At(age));
                b.Issue("$.birthDate", "parse.age-without-birth-date", At(age), ("age", statedAge));
            }

            if (Female().Match(s) is { Success: true } f)
            {
                b.Set("$.gender", Gender.Female, At(f));
            }
            else if (Male().Match(s) is { Success: true } male)
            {
                b.Set("$.gender", Gender.Male, At(male));
            }

            ReadPlace(b, s, sentence, text);
            ReadSchool(b, s, sentence);
            ReadConditions(b, s, sentence);

            if (Sisfoh().Match(s) is { Success: true } sis)
            {
                var level = sis.Groups["x"].Success ? SisfohLevel.ExtremePoor : sis.Groups["np"].Success ? SisfohLevel.NotPoor : SisfohLevel.Poor;
                b.Set("$.sisfoh.classification", level, At(sis));
                var valid = SpanishDates.Find(s).FirstOrDefault(d => s[..d.Span.Start].Contains("vigen", StringComparison.Ordinal) || s[..d.Span.Start].Contains("vence", StringComparison.Ordinal));
                if (valid.Year is { } vy && SpanishDates.TryCreate(vy, valid.Month, valid.Day, out var until))
                {
                    b.Set("$.sisfoh.validUntil", until, new TextSpan(sentence.Start + valid.Span.Start, valid.Span.Length));
                }
            }

            if (Income().Match(s) is { Success: true } inc && SpanishNumbers.TryParseAmount(inc.Groups["n"].Value, out var income))
            {
                if (inc.Groups["pc"].Success)
                {
                    b.Set("$.monthlyPerCapitaIncome", income, At(inc));
                }
                else
                {
                    b.Issue("$.monthlyPerCapitaIncome", "parse.income-not-per-capita", At(inc), ("value", income));
                }
            }

            foreach (Match m in Speaks().Matches(s))
            {
                foreach (var lang in Languages.Where(l => Patterns.IsMatch(m.Value, @"\b" + l + @"\b")))
                {
                    var name = lang == "aymara" ? "aimara" : lang;
                    if (!languages.Contains(name))
                    {
                        languages.Add(name);
                        b.Used.Add(At(m));
                        b.AddItem("$.nativeLanguages", name, At(m));
                    }
                }
            }

            if (OnlySpanish().Match(s) is { Success: true } only && languages.Count == 0)
            {
                b.Set("$.nativeLanguages.none", true, At(only));
            }

            if (NoPreviousStudies().Match(s) is { Success: true } nps)
            {
                b.Set("$.previousHigherStudies", false, At(nps));
            }

            if (NoScholarship().Match(s) is { Success: true } nsc)
            {
                b.Set("$.holdsScholarship", false, At(nsc));
            }
            else if (HasScholarship().Match(s) is { Success: true } hs)
            {
                b.Set("$.holdsScholarship", true, At(hs));
            }

            if (Wants().Match(s) is { Success: true } want)
            {
                var field = want.Groups["f"].Value.Trim();
                var original = text.Substring(sentence.Start + want.Groups["f"].Index, field.Length);
                if (!interests.Contains(original, StringComparer.OrdinalIgnoreCase))
                {
                    interests.Add(original);
                    b.AddItem("$.interests", original, At(want));
                }

                b.Set("$.aspirations", sentence.Of(text), sentence);
            }
        }

        var basic = new BasicEducation
        {
            Modality = b.Get<EducationModality>("$.basicEducation.modality"),
            Status = b.Get<BasicEducationStatus>("$.basicEducation.status"),
            GraduationYear = b.Get<int>("$.basicEducation.graduationYear"),
            SchoolUbigeo = b.Get<Ubigeo>("$.basicEducation.schoolUbigeo"),
            SchoolManagement = b.Get<Management>("$.basicEducation.schoolManagement"),
            Coar = b.Get<bool>("$.basicEducation.coar"),
            AcademicRank = b.Get<AcademicRank>("$.basicEducation.academicRank"),
            GradeAverage = b.Get<decimal>("$.basicEducation.gradeAverage"),
        };
        var higher = new HigherEducation
        {
            Status = b.Get<HigherEducationStatus>("$.higherEducation.status"),
            InstitutionType = b.Get<InstitutionType>("$.higherEducation.institutionType"),
            Management = b.Get<Management>("$.higherEducation.management"),
            CurrentCycle = b.Get<int>("$.higherEducation.currentCycle"),
            AcademicRank = b.Get<AcademicRank>("$.higherEducation.academicRank"),
        };
        var conditions = new ConditionSet();
        foreach (var condition in Enum.GetValues<PriorityCondition>())
        {
            conditions = conditions.With(condition, b.Get<bool>("$.conditions." + Serialization.EnumText.Of(condition)));
        }

        var sisfoh = b.Get<SisfohLevel>("$.sisfoh.classification") is { } cls ? new SisfohRecord { Classification = cls, ValidUntil = b.Get<DateOnly>("$.sisfoh.validUntil") } : null;
        var profile = new StudentProfile
        {
            Id = studentId,
            Nationality = b.GetString("$.nationality"),
            BirthDate = b.Get<DateOnly>("$.birthDate"),
            Gender = b.Get<Gender>("$.gender"),
            ResidenceUbigeo = b.Get<Ubigeo>("$.residenceUbigeo"),
            Sisfoh = sisfoh,
            MonthlyPerCapitaIncome = b.Get<decimal>("$.monthlyPerCapitaIncome"),
            BasicEducation = basic == new BasicEducation() ? null : basic,
            HigherEducation = higher == new HigherEducation() ? null : higher,
            Conditions = conditions == new ConditionSet() ? null : conditions,
            MilitaryServiceMonths = b.Get<int>("$.militaryServiceMonths"),
            NativeLanguages = languages.Count > 0 ? languages : b.Get<bool>("$.nativeLanguages.none") is true ? [] : null,
            PreviousHigherStudies = b.Get<bool>("$.previousHigherStudies"),
            HoldsScholarship = b.Get<bool>("$.holdsScholarship"),
            Interests = interests.Count > 0 ? interests : null,
            Aspirations = b.GetString("$.aspirations"),
            Extensions = statedAge is { } a ? new Dictionary<string, JsonElement> { ["statedAge"] = JsonSerializer.SerializeToElement(a, ParsingJsonContext.Default.Int32) } : null,
        };
        var evidence = b.Evidence().Select(e => e.Path == "$.nativeLanguages.none" ? e with { Path = "$.nativeLanguages" } : e).ToList();
        return new ParseResult<StudentProfile>(profile, b.Issues, evidence, new ParseProvenance("offline", null, RulesVersion));
    }

    private void ReadPlace(DraftBuilder b, string s, TextSpan sentence, string text)
    {
        var live = Lives().Match(s);
        var school = SchoolPlace().Match(s);
        if (!live.Success && !school.Success)
        {
            return;
        }

        var mentions = _places.FindIn(sentence.Of(text));
        foreach (var (match, path) in new[] { (live, "$.residenceUbigeo"), (school, "$.basicEducation.schoolUbigeo") })
        {
            if (!match.Success)
            {
                continue;
            }

            var next = mentions.FirstOrDefault(m => m.Span.Start >= match.Index);
            if (next is null)
            {
                continue;
            }

            var span = new TextSpan(sentence.Start + match.Index, next.Span.End - match.Index);
            var districts = next.Areas.Where(a => a.Digits == 6).ToList();
            if (districts.Count == 1 && Ubigeo.TryParse(districts[0].ToString(), out var u))
            {
                b.Set(path, u, span);
            }
            else
            {
                b.Issue(path, districts.Count > 1 ? "parse.place-ambiguous" : "parse.district-needed", span, ("name", next.Name), ("count", next.Areas.Count));
            }
        }
    }

    private static void ReadSchool(DraftBuilder b, string s, TextSpan sentence)
    {
        TextSpan At(Match m) => new(sentence.Start + m.Index, m.Length);
        if (LastGrade().Match(s) is { Success: true } last)
        {
            b.Set("$.basicEducation.status", BasicEducationStatus.InLastGrade, At(last));
        }
        else if (Graduated().Match(s) is { Success: true } grad)
        {
            b.Set("$.basicEducation.status", BasicEducationStatus.Graduated, At(grad));
            if (grad.Groups["y"].Success)
            {
                b.Set("$.basicEducation.graduationYear", int.Parse(grad.Groups["y"].Value, CultureInfo.InvariantCulture), At(grad));
            }
        }

        if (Patterns.Match(s, @"\bceba\b|\beba\b|basica alternativa") is { Success: true } eba)
        {
            b.Set("$.basicEducation.modality", EducationModality.Eba, At(eba));
        }
        else if (Patterns.Match(s, @"\bcebe\b|\bebe\b|basica especial") is { Success: true } ebe)
        {
            b.Set("$.basicEducation.modality", EducationModality.Ebe, At(ebe));
        }
        else if (Patterns.Match(s, @"\bebr\b|basica regular") is { Success: true } ebr)
        {
            b.Set("$.basicEducation.modality", EducationModality.Ebr, At(ebr));
        }

        if (Patterns.Match(s, @"colegio (?:es |era )?(?:publico|estatal|nacional)|institucion educativa publica|escuela publica") is { Success: true } pub)
        {
            b.Set("$.basicEducation.schoolManagement", Management.Public, At(pub));
        }
        else if (Patterns.Match(s, @"colegio (?:es |era )?(?:privado|particular)") is { Success: true } priv)
        {
            b.Set("$.basicEducation.schoolManagement", Management.Private, At(priv));
        }

        if (Patterns.Match(s, @"\bcoar\b|colegio de alto rendimiento") is { Success: true } coar)
        {
            b.Set("$.basicEducation.coar", !Negated(s, coar.Index), At(coar));
        }

        var higher = HigherContext().IsMatch(s);
        if (Rank().Match(s) is { Success: true } rank)
        {
            b.Set(higher ? "$.higherEducation.academicRank" : "$.basicEducation.academicRank", RankOf(rank.Groups["r"].Value), At(rank));
        }

        if (Grade().Match(s) is { Success: true } grade)
        {
            var value = decimal.Parse(grade.Groups["n"].Value.Replace(',', '.'), CultureInfo.InvariantCulture);
            if (value is < 0 or > 20)
            {
                b.Issue("$.basicEducation.gradeAverage", "parse.out-of-range", At(grade), ("value", value), ("min", 0), ("max", 20));
            }
            else if (!higher)
            {
                b.Set("$.basicEducation.gradeAverage", value, At(grade));
            }
        }

        if (Cycle().Match(s) is { Success: true } cycle)
        {
            var n = cycle.Groups["n"].Value switch
            {
                "primer" or "primero" => 1, "segundo" => 2, "tercer" or "tercero" => 3, "cuarto" => 4, "quinto" => 5, "sexto" => 6,
                "septimo" or "setimo" => 7, "octavo" => 8, "noveno" => 9, "decimo" => 10, var d => int.Parse(d, CultureInfo.InvariantCulture),
            };
            b.Set("$.higherEducation.status", HigherEducationStatus.Enrolled, At(cycle));
            b.Set("$.higherEducation.currentCycle", n, At(cycle));
            if (Patterns.Match(s, @"universidad") is { Success: true } uni)
            {
                b.Set("$.higherEducation.institutionType", InstitutionType.University, At(uni));
            }
            else if (Patterns.Match(s, @"instituto") is { Success: true } ins)
            {
                b.Set("$.higherEducation.institutionType", InstitutionType.Institute, At(ins));
            }

            if (Patterns.Match(s, @"(?:universidad|instituto) (?:nacional|publica|publico)|(?:universidad|instituto) (?:es )?(?:estatal)") is { Success: true } pub2)
            {
                b.Set("$.higherEducation.management", Management.Public, At(pub2));
            }
        }
    }

    private static void ReadConditions(DraftBuilder b, string s, TextSpan sentence)
    {
        (string Pattern, PriorityCondition Condition)[] rules =
        [
            (@"discapacidad|conadis", PriorityCondition.Disability),
            (@"afroperuan[oa]|afrodescendiente", PriorityCondition.AfroPeruvian),
            (@"comunidad nativa|comunidades nativas", PriorityCondition.AmazonianNativeCommunity),
            (@"bomber[oa]", PriorityCondition.Firefighter),
            (@"\bruv\b|\brebred\b|victimas? de la violencia", PriorityCondition.ViolenceVictimRegistry),
            (@"desproteccion familiar|\balbergue\b|centro de acogida", PriorityCondition.FamilyProtection),
            (@"carrera publica magisterial|(?:mama|papa|madre|padre) es (?:profesora?|docente) nombrad", PriorityCondition.TeacherParentCpm),
            (@"voluntari[oa] reconocid", PriorityCondition.Volunteer),
        ];
        foreach (var (pattern, condition) in rules)
        {
            if (Patterns.Match(s, pattern) is { Success: true } m)
            {
                b.Set("$.conditions." + Serialization.EnumText.Of(condition), !Negated(s, m.Index), new TextSpan(sentence.Start + m.Index, m.Length));
            }
        }

        if (Military().Match(s) is { Success: true } mil && SpanishNumbers.TryParseInteger(mil.Groups["n"].Value, out var months))
        {
            b.Set("$.militaryServiceMonths", mil.Groups["u"].Value.StartsWith("ano", StringComparison.Ordinal) ? months * 12 : months, new TextSpan(sentence.Start + mil.Index, mil.Length));
        }
    }

    private static bool Negated(string s, int index)
    {
        var before = s[Math.Max(0, index - 25)..index];
        return Patterns.IsMatch(before, @"\b(?:no|ni|sin|nunca)\b");
    }

    private static AcademicRank RankOf(string words) => words switch
    {
        "primer puesto" => AcademicRank.FirstPlace,
        "segundo puesto" => AcademicRank.SecondPlace,
        "decimo superior" => AcademicRank.TopTenth,
        "quinto superior" => AcademicRank.TopFifth,
        "tercio superior" => AcademicRank.TopThird,
        "medio superior" => AcademicRank.TopHalf,
        _ => AcademicRank.BelowHalf,
    };

    [GeneratedRegex(@"naci(?:da|do)? el|fecha de nacimiento", RegexOptions.CultureInvariant)]
    private static partial Regex Birth();

    [GeneratedRegex(@"\btengo (?<n>\d{1,2}) anos", RegexOptions.CultureInvariant)]
    private static partial Regex Age();

    [GeneratedRegex(@"\bsoy (?:una )?(?:mujer|chica|joven mujer)\b", RegexOptions.CultureInvariant)]
    private static partial Regex Female();

    [GeneratedRegex(@"\bsoy (?:un )?(?:hombre|varon|chico)\b", RegexOptions.CultureInvariant)]
    private static partial Regex Male();

    [GeneratedRegex(@"\bvivo en|\bresido en|\bvivimos en|\bmi casa (?:esta|queda) en|\bsoy de\b", RegexOptions.CultureInvariant)]
    private static partial Regex Lives();

    [GeneratedRegex(@"colegio[^.]{0,60}?\b(?:en|de)\b|estudi\w+ (?:la secundaria )?en\b", RegexOptions.CultureInvariant)]
    private static partial Regex SchoolPlace();

    [GeneratedRegex(@"quinto (?:grado |ano )?de secundaria|ultimo (?:grado|ano) de (?:la )?secundaria|quinto ano|ultimo grado del ciclo avanzado", RegexOptions.CultureInvariant)]
    private static partial Regex LastGrade();

    [GeneratedRegex(@"(?:termine|acabe|culmine|conclui|egrese|finalice)(?: la| de la| mis estudios de)? secundaria(?:[^.]{0,20}?\b(?<y>20\d\d))?|egresad[oa] (?:de secundaria|del colegio)(?:[^.]{0,20}?\b(?<y>20\d\d))?|(?:ya )?tengo (?:la )?secundaria completa", RegexOptions.CultureInvariant)]
    private static partial Regex Graduated();

    [GeneratedRegex(@"universidad|instituto|ciclo|semestre|carrera", RegexOptions.CultureInvariant)]
    private static partial Regex HigherContext();

    [GeneratedRegex(@"(?<r>primer puesto|segundo puesto|decimo superior|quinto superior|tercio superior|medio superior)", RegexOptions.CultureInvariant)]
    private static partial Regex Rank();

    [GeneratedRegex(@"promedio (?:es |de |fue |general )*(?<n>\d{1,3}(?:[.,]\d{1,2})?)", RegexOptions.CultureInvariant)]
    private static partial Regex Grade();

    [GeneratedRegex(@"(?:en el |curso el |estoy en el )(?<n>primer|primero|segundo|tercer|tercero|cuarto|quinto|sexto|septimo|setimo|octavo|noveno|decimo|\d{1,2})\W{0,2}(?:er|do|ro|to|°|º)? (?:ciclo|semestre)", RegexOptions.CultureInvariant)]
    private static partial Regex Cycle();

    [GeneratedRegex(@"(?<np>no pobre)|(?<x>pobre extremo|pobreza extrema|pobres extremos|extrema pobreza)|\bpobres?\b", RegexOptions.CultureInvariant)]
    private static partial Regex Sisfoh();

    [GeneratedRegex(@"ingreso[^.]{0,40}?(?<pc>por persona|per capita)?[^.]{0,20}?s/\.?\s?(?<n>\d{1,3}(?:[ ,.]\d{3})+(?:[.,]\d{1,2})?(?!\d)|\d+(?:[.,]\d{1,2})?)", RegexOptions.CultureInvariant)]
    private static partial Regex Income();

    [GeneratedRegex(@"(?:hablo|hablamos|lengua materna es(?: el)?|idioma materno es(?: el)?|tambien hablo|se hablar)[^.]{0,60}", RegexOptions.CultureInvariant)]
    private static partial Regex Speaks();

    [GeneratedRegex(@"solo hablo (?:castellano|espanol)", RegexOptions.CultureInvariant)]
    private static partial Regex OnlySpanish();

    [GeneratedRegex(@"(?:nunca|no) he (?:estudiado|llevado estudios) en (?:la |una )?(?:universidad|instituto)|no tengo estudios superiores", RegexOptions.CultureInvariant)]
    private static partial Regex NoPreviousStudies();

    [GeneratedRegex(@"no tengo (?:ninguna |otra )?beca|no soy becari[oa]", RegexOptions.CultureInvariant)]
    private static partial Regex NoScholarship();

    [GeneratedRegex(@"\b(?:tengo|gane) (?:una |la )?beca\b|\bsoy becari[oa]", RegexOptions.CultureInvariant)]
    private static partial Regex HasScholarship();

    [GeneratedRegex(@"servicio militar[^.]{0,60}?(?<n>\d{1,2}|doce|seis|un|dos) (?<u>meses|anos?)", RegexOptions.CultureInvariant)]
    private static partial Regex Military();

    [GeneratedRegex(@"(?:quiero|quisiera|me gustaria|sueno con|deseo) (?:estudiar|ser|seguir)(?: la carrera de| una carrera de)? (?<f>[a-z ]{3,40}?)(?=$|[,.;]| en | para | y | porque )", RegexOptions.CultureInvariant)]
    private static partial Regex Wants();
}
