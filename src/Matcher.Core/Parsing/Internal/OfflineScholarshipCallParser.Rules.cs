using System.Globalization;
using System.Text.RegularExpressions;
using Matcher.Eligibility.Criteria;
using Matcher.Geography;
using Matcher.Grades;
using Matcher.Students;

namespace Matcher.Parsing.Internal;

/// <summary>Rules for requirements and dates.</summary>
internal sealed partial class OfflineScholarshipCallParser
{
    private static void ReadDates(DraftBuilder b, string folded, IReadOnlyList<TextSpan> sentences, int? convocatoria)
    {
        var all = SpanishDates.Find(folded);
        var commonYear = all.Where(d => d.Year is not null).GroupBy(d => d.Year!.Value).OrderByDescending(g => g.Count()).Select(g => (int?)g.Key).FirstOrDefault();
        foreach (var sentence in sentences)
        {
            var s = folded.Substring(sentence.Start, sentence.Length);
            var dates = all.Where(d => d.Span.Start >= sentence.Start && d.Span.End <= sentence.End).ToList();
            if (dates.Count == 0)
            {
                continue;
            }

            var isAge = s.Contains("edad", StringComparison.Ordinal) || s.Contains("publicacion de las bases", StringComparison.Ordinal) || s.Contains("cumplidos al", StringComparison.Ordinal);
            var isCall = ApplicationWords().IsMatch(s);
            for (var i = 0; i < dates.Count; i++)
            {
                var d = dates[i];
                var year = d.Year ?? dates.Skip(i + 1).FirstOrDefault(x => x.Year is not null).Year ?? commonYear ?? convocatoria;
                if (year is null || !SpanishDates.TryCreate(year.Value, d.Month, d.Day, out var date))
                {
                    b.Issue("$.call", year is null ? "parse.date-year-missing" : "parse.invalid-date", d.Span, ("text", d.Span.Of(b.Text)));
                    continue;
                }

                var before = folded[Math.Max(sentence.Start, d.Span.Start - 45)..d.Span.Start];
                var path = RoleOf(before, s, isAge, isCall, i, dates.Count);
                if (path is null)
                {
                    b.Issue("$.call", "parse.date-unused", d.Span, ("text", d.Span.Of(b.Text)));
                    continue;
                }

                b.Set(path, date, d.Span);
            }
        }
    }

    private static string? RoleOf(string before, string sentence, bool isAge, bool isCall, int index, int count)
    {
        if (isAge && (before.Contains("edad", StringComparison.Ordinal) || before.Contains("bases", StringComparison.Ordinal) || before.TrimEnd().EndsWith(" al", StringComparison.Ordinal) || before.Contains("cumplidos", StringComparison.Ordinal)))
        {
            return "$.call.ageReferenceDate";
        }

        if (!isCall)
        {
            return null;
        }

        if (OpenWords().IsMatch(before) && !CloseWords().IsMatch(before))
        {
            return "$.call.opens";
        }

        if (CloseWords().IsMatch(before))
        {
            return "$.call.closes";
        }

        if (count >= 2 && (sentence.Contains(" al ", StringComparison.Ordinal) || sentence.Contains(" y el ", StringComparison.Ordinal) || sentence.Contains(" hasta ", StringComparison.Ordinal)))
        {
            return index == 0 ? "$.call.opens" : "$.call.closes";
        }

        return null;
    }

    private void ReadCriteria(DraftBuilder b, string s, TextSpan sentence, string text)
    {
        TextSpan At(Match m) => new(sentence.Start + m.Index, m.Length);

        if (Peruvian().Match(s) is { Success: true } pe && !s.Contains("residente permanente", StringComparison.Ordinal) && !s.Contains("extranjer", StringComparison.Ordinal))
        {
            b.Add(new NationalityCriterion(["PE"]), At(pe));
        }

        ReadAge(b, s, sentence);
        ReadDisabilityExemption(b, s, sentence);
        ReadRank(b, s, sentence);
        ReadGrade(b, s, sentence);

        if (Sisfoh().Match(s) is { Success: true } sis)
        {
            var extreme = ExtremePoor().IsMatch(s);
            var poor = PlainPoor().IsMatch(ExtremePoor().Replace(s, " "));
            SisfohLevel[] accepted = extreme && !poor ? [SisfohLevel.ExtremePoor] : [SisfohLevel.ExtremePoor, SisfohLevel.Poor];
            b.Add(new SisfohCriterion(accepted), At(sis));
        }

        ReadBasicEducation(b, s, sentence);
        ReadHigherEducation(b, s, sentence);

        if (Income().Match(s) is { Success: true } inc && SpanishNumbers.TryParseAmount(inc.Groups["n"].Value, out var ceiling))
        {
            b.Add(new IncomeCriterion(ceiling), At(inc));
        }

        if (Military().Match(s) is { Success: true } mil && SpanishNumbers.TryParseInteger(mil.Groups["n"].Value, out var months))
        {
            b.Add(new MilitaryServiceCriterion(months), At(mil));
        }

        if (WorkExperience().Match(s) is { Success: true } work && SpanishNumbers.TryParseInteger(work.Groups["n"].Value, out var amount))
        {
            b.Add(new WorkExperienceCriterion(work.Groups["u"].Value.StartsWith("mes", StringComparison.Ordinal) ? amount : amount * 12), At(work));
        }

        foreach (var (pattern, condition) in ConditionPatterns)
        {
            var m = Patterns.Match(s, pattern);
            if (m.Success)
            {
                b.Add(new ConditionCriterion(condition), At(m));
            }
        }

        if (DisabilityRequired().Match(s) is { Success: true } dis && !s.Contains("limite de edad", StringComparison.Ordinal))
        {
            b.Add(new ConditionCriterion(PriorityCondition.Disability), At(dis));
        }

        if (NativeLanguage().Match(s) is { Success: true } lang)
        {
            b.Add(new NativeLanguageCriterion(), At(lang));
        }

        if (Women().Match(s) is { Success: true } women)
        {
            b.Add(new GenderCriterion([Gender.Female]), At(women));
        }

        if (NoPreviousStudies().Match(s) is { Success: true } nps)
        {
            b.Add(new NoPreviousHigherStudiesCriterion(), At(nps));
        }

        if (NoScholarship().Match(s) is { Success: true } nsc)
        {
            b.Add(new NoCurrentScholarshipCriterion(), At(nsc));
        }

        if (SchoolZoneWords().Match(s) is { Success: true } zone)
        {
            b.Add(new SchoolZoneCriterion([zone.Groups["z"].Value == "vraem" ? SchoolZone.Vraem : SchoolZone.Huallaga]), At(zone));
        }

        if (Residence().Match(s) is { Success: true } res)
        {
            var mentions = _places.FindIn(sentence.Of(text));
            var areas = mentions.SelectMany(m => m.Areas).Distinct().ToList();
            var ambiguous = mentions.Where(m => m.Areas.Count > 1 && m.Areas[0].Digits == 6).ToList();
            foreach (var a in ambiguous)
            {
                b.Issue("$.criteria", "parse.place-ambiguous", new TextSpan(sentence.Start + a.Span.Start, a.Span.Length), ("name", a.Name), ("count", a.Areas.Count));
            }

            if (areas.Count > 0 && ambiguous.Count == 0)
            {
                var last = mentions[^1];
                b.Add(new UbigeoCriterion(UbigeoFact.Residence, areas), new TextSpan(sentence.Start + res.Index, last.Span.End - res.Index));
            }
            else if (areas.Count == 0)
            {
                b.Issue("$.criteria", "parse.place-not-found", At(res));
            }
        }
    }

    private static readonly (string Pattern, PriorityCondition Condition)[] ConditionPatterns =
    [
        (@"\bruv\b|registro unico de victimas|\brebred\b", PriorityCondition.ViolenceVictimRegistry),
        (@"(constancia de pertenencia|pertenec\w*|miembros?|integrantes?)[^.]{0,60}comunidad(es)? nativas?( amazonicas?)?|comunidad(es)? nativas? amazonicas?[^.]{0,40}(constancia|pertenencia)", PriorityCondition.AmazonianNativeCommunity),
        (@"(constancia|organizacion)[^.]{0,80}afroperuan|pueblo afroperuano[^.]{0,40}(constancia|acredit)", PriorityCondition.AfroPeruvian),
        (@"desproteccion familiar", PriorityCondition.FamilyProtection),
        (@"carrera publica magisterial", PriorityCondition.TeacherParentCpm),
    ];

    private static void ReadAge(DraftBuilder b, string s, TextSpan sentence)
    {
        if (!s.Contains("ano", StringComparison.Ordinal) || Duration().IsMatch(s))
        {
            return;
        }

        int? atLeast = null, atMost = null, lessThan = null;
        Match? first = null;
        if (AgeBetween().Match(s) is { Success: true } between)
        {
            atLeast = int.Parse(between.Groups["a"].Value, CultureInfo.InvariantCulture);
            atMost = int.Parse(between.Groups["b"].Value, CultureInfo.InvariantCulture);
            first = between;
        }
        else
        {
            if (AgeLessThan().Match(s) is { Success: true } lt)
            {
                lessThan = int.Parse(lt.Groups["n"].Value, CultureInfo.InvariantCulture);
                first = lt;
            }
            else if (AgeAtMost().Match(s) is { Success: true } am)
            {
                atMost = int.Parse(am.Groups["n"].Value, CultureInfo.InvariantCulture);
                first = am;
            }

            if (AgeAtLeast().Match(s) is { Success: true } al)
            {
                atLeast = int.Parse(al.Groups["n"].Value, CultureInfo.InvariantCulture);
                first ??= al;
            }
        }

        if (first is null)
        {
            return;
        }

        var span = new TextSpan(sentence.Start + first.Index, first.Length);
        if (atLeast is < 10 or > 80 || atMost is < 10 or > 80 || lessThan is < 11 or > 81 || atLeast > (atMost ?? (lessThan - 1)))
        {
            b.Issue("$.criteria", "parse.out-of-range", span, ("value", span.Of(b.Text)));
            return;
        }

        b.Add(new AgeCriterion(atLeast, atMost, lessThan), span);
    }

    private static void ReadDisabilityExemption(DraftBuilder b, string s, TextSpan sentence)
    {
        if (DisabilityExempt().Match(s) is { Success: true } m)
        {
            b.Set("$.internal.ageExemptIfDisability", true, new TextSpan(sentence.Start + m.Index, m.Length));
        }
    }

    private static void FinishAge(DraftBuilder b)
    {
        const string Exemption = "$.internal.ageExemptIfDisability";
        var age = b.Criteria.Select(c => c.Criterion).OfType<AgeCriterion>().FirstOrDefault();
        if (b.Get<bool>(Exemption) is not true || age is null)
        {
            b.Move(Exemption, null);
            return;
        }

        var replacement = new AgeCriterion(age.AtLeast, age.AtMost, age.LessThan, exemptIfDisability: true) { Id = age.Id };
        b.Replace(age, replacement);
        b.Move(Exemption, "$.criteria[" + b.IndexOf(replacement).ToString(CultureInfo.InvariantCulture) + "].exemptIfDisability");
    }

    /// <summary>"Los estudiantes de los COAR cumplen el requisito" may be its own sentence: it applies to the secondary-school rank.</summary>
    private static void FinishRank(DraftBuilder b, string folded)
    {
        var coar = CoarCounts().Match(folded);
        var rank = b.Criteria.Select(c => c.Criterion).OfType<AcademicRankCriterion>().FirstOrDefault(r => r.Level == EducationLevel.Basic && !r.CoarCounts);
        if (coar.Success && rank is not null)
        {
            b.Used.Add(new TextSpan(coar.Index, coar.Length));
            b.Replace(rank, new AcademicRankCriterion(rank.Level, rank.AtLeast, coarCounts: true));
        }
    }

    private static void ReadRank(DraftBuilder b, string s, TextSpan sentence)
    {
        var matches = Rank().Matches(s);
        if (matches.Count == 0)
        {
            return;
        }

        var weakest = matches.Select(m => (Match: m, Rank: RankOf(m.Groups["r"].Value))).MaxBy(x => (int)x.Rank);
        var higher = HigherWords().IsMatch(s) && !SecondaryWords().IsMatch(s);
        var level = higher ? EducationLevel.Higher : EducationLevel.Basic;
        var coar = level == EducationLevel.Basic && s.Contains("coar", StringComparison.Ordinal);
        var firstMatch = matches[0];
        var end = Math.Max(firstMatch.Index + firstMatch.Length, weakest.Match.Index + weakest.Match.Length);
        b.Add(new AcademicRankCriterion(level, weakest.Rank, coar), new TextSpan(sentence.Start + firstMatch.Index, end - firstMatch.Index));
    }

    private static AcademicRank RankOf(string words) => words switch
    {
        "primer puesto" => AcademicRank.FirstPlace,
        "segundo puesto" => AcademicRank.SecondPlace,
        "decimo superior" => AcademicRank.TopTenth,
        "quinto superior" => AcademicRank.TopFifth,
        "tercio superior" => AcademicRank.TopThird,
        _ => AcademicRank.TopHalf,
    };

    private static void ReadGrade(DraftBuilder b, string s, TextSpan sentence)
    {
        if (Grade().Match(s) is not { Success: true } m)
        {
            return;
        }

        var span = new TextSpan(sentence.Start + m.Index, m.Length);
        if (OtherScale().IsMatch(s))
        {
            b.Issue("$.criteria", "parse.grade-scale-unsupported", span, ("text", span.Of(b.Text)));
            return;
        }

        var value = decimal.Parse(m.Groups["n"].Value.Replace(',', '.'), CultureInfo.InvariantCulture);
        if (value is < 0 or > 20)
        {
            b.Issue("$.criteria", "parse.out-of-range", span, ("value", value));
            return;
        }

        b.Add(new GradeAverageCriterion(value), span);
    }

    private static void ReadBasicEducation(DraftBuilder b, string s, TextSpan sentence)
    {
        var statuses = new List<BasicEducationStatus>();
        var modalities = new List<EducationModality>();
        var spans = new List<Match>();
        if (LastGrade().Match(s) is { Success: true } last)
        {
            statuses.Add(BasicEducationStatus.InLastGrade);
            spans.Add(last);
        }

        if (Graduated().Match(s) is { Success: true } grad)
        {
            statuses.Add(BasicEducationStatus.Graduated);
            spans.Add(grad);
        }

        foreach (var (pattern, modality) in new[] { (@"\bebr\b|basica regular", EducationModality.Ebr), (@"\beba\b|basica alternativa", EducationModality.Eba), (@"\bebe\b|basica especial", EducationModality.Ebe) })
        {
            if (Patterns.Match(s, pattern) is { Success: true } m)
            {
                modalities.Add(modality);
                spans.Add(m);
            }
        }

        if (spans.Count > 0)
        {
            var start = spans.Min(m => m.Index);
            var end = spans.Max(m => m.Index + m.Length);
            statuses.Sort();
            modalities.Sort();
            b.Add(new BasicEducationCriterion(modalities.Count > 0 ? modalities : null, statuses.Count > 0 ? statuses : null), new TextSpan(sentence.Start + start, end - start));
        }

        if (GraduationYears().Match(s) is { Success: true } years)
        {
            var a = int.Parse(years.Groups["a"].Value, CultureInfo.InvariantCulture);
            var z = years.Groups["b"].Success ? int.Parse(years.Groups["b"].Value, CultureInfo.InvariantCulture) : a;
            if (a <= z)
            {
                b.Add(new GraduationYearCriterion(a, z), new TextSpan(sentence.Start + years.Index, years.Length));
            }
        }
    }

    private static void ReadHigherEducation(DraftBuilder b, string s, TextSpan sentence)
    {
        TextSpan At(Match m) => new(sentence.Start + m.Index, m.Length);
        if (Enrolled().Match(s) is { Success: true } enr)
        {
            b.Add(new HigherEducationStatusCriterion([HigherEducationStatus.Enrolled]), At(enr));
            if (PublicUniversity().Match(s) is { Success: true } pub)
            {
                b.Add(new InstitutionTypeCriterion([InstitutionType.University]), At(pub));
                b.Add(new InstitutionManagementCriterion([Management.Public]), At(pub));
            }
        }

        if (Cycle().Match(s) is { Success: true } cyc)
        {
            var n = cyc.Groups["n"].Value switch { "segundo" => 2, "tercer" or "tercero" => 3, "cuarto" => 4, "quinto" => 5, var d => int.Parse(d, CultureInfo.InvariantCulture) };
            b.Add(new CurrentCycleCriterion(n, null), At(cyc));
        }

        if (DegreeWords().Match(s) is { Success: true } deg)
        {
            var accepted = new List<Degree>();
            if (s.Contains("bachiller", StringComparison.Ordinal))
            {
                accepted.Add(Degree.Bachelor);
            }

            if (s.Contains("titulo profesional", StringComparison.Ordinal) && !s.Contains("titulo profesional tecnico", StringComparison.Ordinal))
            {
                accepted.Add(Degree.ProfessionalTitle);
            }

            if (s.Contains("titulo tecnico", StringComparison.Ordinal) || s.Contains("titulo profesional tecnico", StringComparison.Ordinal))
            {
                accepted.Add(Degree.Technician);
            }

            if (Patterns.IsMatch(s, @"grado de (maestro|magister)|titulo de maestria|grado de maestria"))
            {
                accepted.Add(Degree.Master);
            }

            if (accepted.Count > 0)
            {
                accepted.Sort();
                b.Add(new DegreeCriterion(accepted), At(deg));
            }
        }
    }

    [GeneratedRegex(@"inscri|postula|candidat|convocatoria|registro|solicitud|aplicar|plazo|cierre|cierra|vence|abiert|recepcion de (expedientes|documentos)", RegexOptions.CultureInvariant)]
    private static partial Regex ApplicationWords();

    [GeneratedRegex(@"desde el|a partir del?|inicia|inician|iniciara|apertura|se abre|abren|abrira|comienza|empieza|\bdel\s*$|\bentre el\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex OpenWords();

    [GeneratedRegex(@"hasta|vence|cierre|cierra|fecha limite|plazo|culmina|termina|finaliza|\bal\s*$|\by el\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex CloseWords();

    [GeneratedRegex(@"\b(?:ser|de nacionalidad|nacionalidad) peruan[oa]s?|\bperuan[oa]s? de nacimiento|\bciudadan[oa]s? peruan[oa]s?|\b(?:jovenes|estudiantes|postulantes|escolares|profesionales|ciudadanos|personas) peruan[oa]s\b", RegexOptions.CultureInvariant)]
    private static partial Regex Peruvian();

    [GeneratedRegex(@"duracion|dura |durante|experiencia|de servicio|meses de|anos de estudio|a partir de los|vigencia", RegexOptions.CultureInvariant)]
    private static partial Regex Duration();

    [GeneratedRegex(@"entre (?:los )?(?<a>\d{1,2}) y (?:los )?(?<b>\d{1,2}) anos", RegexOptions.CultureInvariant)]
    private static partial Regex AgeBetween();

    [GeneratedRegex(@"(?:menores de|menor de|menos de) (?<n>\d{1,2}) anos", RegexOptions.CultureInvariant)]
    private static partial Regex AgeLessThan();

    [GeneratedRegex(@"(?:no mayores? de|hasta (?:los )?|maximo (?:de )?|como maximo |edad maxima (?:de )?|no (?:superar|exceder) (?:los )?|tener hasta (?:los )?)(?<n>\d{1,2}) anos|(?<n>\d{1,2}) anos (?:como maximo|o menos|de edad como maximo)", RegexOptions.CultureInvariant)]
    private static partial Regex AgeAtMost();

    [GeneratedRegex(@"(?<n>\d{1,2}) anos (?:a mas|o mas|cumplidos)|(?:mayores de|mayor de|minimo (?:de )?|al menos|como minimo|edad minima (?:de )?|tener como minimo )(?<n>\d{1,2}) anos(?! de (?:experiencia|servicio))", RegexOptions.CultureInvariant)]
    private static partial Regex AgeAtLeast();

    [GeneratedRegex(@"discapacidad[^.]{0,60}(?:sin limite de edad|no (?:tienen|tiene|hay|existe) limite de edad|limite de edad no (?:aplica|rige)|exonerad|exceptuad)|(?:sin limite de edad|no (?:tienen|tiene|hay) limite de edad)[^.]{0,60}discapacidad", RegexOptions.CultureInvariant)]
    private static partial Regex DisabilityExempt();

    [GeneratedRegex(@"(?<r>primer puesto|segundo puesto|decimo superior|quinto superior|tercio superior|medio superior)", RegexOptions.CultureInvariant)]
    private static partial Regex Rank();

    [GeneratedRegex(@"ciclo|semestre|periodo academico|universidad|bachiller|pregrado|facultad|estudios de grado|carrera", RegexOptions.CultureInvariant)]
    private static partial Regex HigherWords();

    [GeneratedRegex(@"secundaria|colegio|escolar|grados? concluidos|\b[345]\W? (?:y|al) [45]", RegexOptions.CultureInvariant)]
    private static partial Regex SecondaryWords();

    [GeneratedRegex(@"(?:promedio|nota)(?: minim[oa]| ponderado| general| final)?(?: de| no menor (?:a|de)| igual o (?:mayor|superior) a| mayor o igual a)? (?<n>\d{1,2}(?:[.,]\d{1,2})?)(?! ?%)(?! anos)", RegexOptions.CultureInvariant)]
    private static partial Regex Grade();

    [GeneratedRegex(@"escala (?:de )?(?:0|1) (?:a|al) (?:4|5|10|100)|sobre (?:4|5|10|100)\b|de 0 a (?:4|5|10)\b|\bgpa\b|%", RegexOptions.CultureInvariant)]
    private static partial Regex OtherScale();

    [GeneratedRegex(@"(?:clasificacion socioeconomica|sisfoh|condicion de pobreza|situacion de pobreza|pobreza o pobreza extrema|pobre o pobre extremo|pobres? extremos?|pobreza extrema|en pobreza|pobreza)", RegexOptions.CultureInvariant)]
    private static partial Regex Sisfoh();

    [GeneratedRegex(@"pobre extremo|pobreza extrema|pobres extremos|extrema pobreza", RegexOptions.CultureInvariant)]
    private static partial Regex ExtremePoor();

    [GeneratedRegex(@"\bpobres?\b|\bpobreza\b", RegexOptions.CultureInvariant)]
    private static partial Regex PlainPoor();

    [GeneratedRegex(@"quinto (?:grado )?de secundaria|ultimo (?:grado|ano) de (?:la )?secundaria|ultimo grado del ciclo avanzado|cursando el (?:quinto|ultimo) (?:grado|ano)", RegexOptions.CultureInvariant)]
    private static partial Regex LastGrade();

    [GeneratedRegex(@"\bcoar\b[^.]{0,80}(?:cumplen|cumple|se consideran|se les considera)|(?:cumplen|cumple)[^.]{0,60}\bcoar\b", RegexOptions.CultureInvariant)]
    private static partial Regex CoarCounts();

    [GeneratedRegex(@"egresad[oa]s? de (?:la )?(?:educacion basica|secundaria)|secundaria completa|(?:concluido|culminado|terminado|finalizado|completado|haber concluido|haber culminado|haber terminado) (?:la |sus estudios de |la educacion )?secundaria|educacion secundaria completa", RegexOptions.CultureInvariant)]
    private static partial Regex Graduated();

    [GeneratedRegex(@"(?:secundaria|egresad\w*)[^.]{0,40}?\b(?:entre (?:los anos )?|en (?:los anos |el ano )?)(?<a>20\d\d)(?: (?:y|al|a|-) (?<b>20\d\d))?", RegexOptions.CultureInvariant)]
    private static partial Regex GraduationYears();

    [GeneratedRegex(@"matriculad[oa]s?|estudiantes regulares|cursando (?:estudios|una carrera)", RegexOptions.CultureInvariant)]
    private static partial Regex Enrolled();

    [GeneratedRegex(@"universidad(?:es)? public[ao]s?", RegexOptions.CultureInvariant)]
    private static partial Regex PublicUniversity();

    [GeneratedRegex(@"(?:desde|a partir de)(?: el| del)? (?<n>segundo|tercer|tercero|cuarto|quinto|\d{1,2})\W{0,2}(?:er|do|ro|to|°|º)? (?:ciclo|semestre)", RegexOptions.CultureInvariant)]
    private static partial Regex Cycle();

    [GeneratedRegex(@"(?:grado|titulo)s? (?:academico |de )?(?:bachiller|profesional|tecnico|maestr|magister)|bachiller", RegexOptions.CultureInvariant)]
    private static partial Regex DegreeWords();

    [GeneratedRegex(@"ingreso[^.]{0,80}?s/\.?\s?(?<n>\d{1,3}(?:[ ,.]\d{3})+(?:[.,]\d{1,2})?(?!\d)|\d+(?:[.,]\d{1,2})?)", RegexOptions.CultureInvariant)]
    private static partial Regex Income();

    [GeneratedRegex(@"servicio militar[^.]{0,80}?(?<n>\d{1,2}|doce|seis|un|dos) (?:meses|ano)", RegexOptions.CultureInvariant)]
    private static partial Regex Military();

    [GeneratedRegex(@"(?<n>\d{1,2}|un|una|dos|tres|cuatro|cinco) (?<u>anos?|meses) de experiencia (?:laboral|profesional)|experiencia (?:laboral|profesional) (?:minima )?de (?:al menos )?(?<n>\d{1,2}|un|una|dos|tres|cuatro|cinco) (?<u>anos?|meses)", RegexOptions.CultureInvariant)]
    private static partial Regex WorkExperience();

    [GeneratedRegex(@"(?:dirigid[oa]s? a|exclusiv\w+ para|para) personas con discapacidad|acreditar (?:una |su )?discapacidad|inscrit[oa]s? en (?:el )?(?:registro nacional de la persona con discapacidad|conadis)", RegexOptions.CultureInvariant)]
    private static partial Regex DisabilityRequired();

    [GeneratedRegex(@"(?:hablar|hablantes?|dominio de|dominar|conocimiento de) (?:una |alguna |la )?lengua (?:originaria|indigena)|lengua originaria", RegexOptions.CultureInvariant)]
    private static partial Regex NativeLanguage();

    [GeneratedRegex(@"(?:dirigid[oa]s? a|exclusiv\w+ para|solo para|para) (?:mujeres|investigadoras|cientificas)|(?:ser|solo) mujer(?:es)?\b", RegexOptions.CultureInvariant)]
    private static partial Regex Women();

    [GeneratedRegex(@"no (?:haber|tener|contar con) (?:realizado |cursado |iniciado )?(?:estudios (?:superiores|universitarios|de educacion superior)|una carrera (?:profesional )?previa)|sin estudios superiores previos", RegexOptions.CultureInvariant)]
    private static partial Regex NoPreviousStudies();

    [GeneratedRegex(@"no (?:ser|haber sido|estar|contar con|tener) (?:beneficiari\w+|becari\w+|otra beca|una beca)|no (?:ser|estar) (?:beneficiari\w+ de|gozando de) (?:otra|ninguna) beca|\bni (?:tener |contar con )?otra beca", RegexOptions.CultureInvariant)]
    private static partial Regex NoScholarship();

    [GeneratedRegex(@"(?:colegio|institucion educativa|secundaria|estudiado|estudios)[^.]{0,80}?(?:ambito del? |zona del? |en el )(?<z>vraem|huallaga)", RegexOptions.CultureInvariant)]
    private static partial Regex SchoolZoneWords();

    [GeneratedRegex(@"resid\w+ en|residentes? (?:de|en)|vivir en|vivan en|domiciliad\w+ en|radicar en", RegexOptions.CultureInvariant)]
    private static partial Regex Residence();
}
