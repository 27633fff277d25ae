using System.Globalization;
using System.Text.RegularExpressions;
using Matcher.Scholarships;

namespace Matcher.Parsing.Internal;

/// <summary>
/// The default call parser: Spanish rules, no network. Each rule reads one sentence (or list item) at a time, so every
/// fact's evidence is the sentence or phrase that states it. What the rules cannot read is reported as an issue.
/// </summary>
internal sealed partial class OfflineScholarshipCallParser(SpanishPlaceNames places) : IScholarshipCallParser
{
    /// <summary>Version of the rules; part of the provenance of every draft.</summary>
    public const string RulesVersion = "offline-es-2026.1";

    private static readonly (string Pattern, string Name)[] Providers =
    [
        (@"\bpronabec\b|programa nacional de becas", "PRONABEC"),
        (@"\bupc\b|universidad peruana de ciencias aplicadas", "UPC"),
        (@"\bpucp\b|pontificia universidad catolica del peru", "PUCP"),
        (@"cayetano heredia|\bupch\b", "UPCH"),
        (@"ruiz de montoya|\buarm\b", "UARM"),
        (@"fundacion carolina", "Fundación Carolina"),
        (@"campus france", "Campus France"),
        (@"\bicetex\b", "ICETEX"),
        (@"\bauip\b", "AUIP"),
        (@"\bniied\b", "NIIED"),
        (@"\bmext\b|monbukagakusho", "MEXT"),
        (@"\bamexcid\b", "AMEXCID"),
        (@"\bmaeci\b", "MAECI"),
        (@"\bdaad\b", "DAAD"),
        (@"fundacion romero|grupo romero", "Fundación Romero"),
        (@"\bbcp\b|banco de credito", "BCP"),
        (@"l'oreal", "L'Oréal Perú"),
        (@"gobierno de hungria|tempus", "Gobierno de Hungría"),
        (@"gobierno de (la republica de )?turquia", "Gobierno de Turquía"),
        (@"gobierno (de la republica popular )?chin[oa]|\bcsc\b", "Gobierno de China (CSC)"),
        (@"\boea\b|organizacion de los estados americanos", "OEA"),
        (@"comision federal de becas|confederacion suiza", "Confederación Suiza"),
    ];

    private static readonly (string Pattern, string Code)[] Countries =
    [
        ("japon", "JP"), ("corea", "KR"), ("hungria", "HU"), ("turquia", "TR"), ("china", "CN"), ("brasil", "BR"),
        ("mexico", "MX"), ("espana", "ES"), ("francia", "FR"), ("italia", "IT"), ("suiza", "CH"), ("colombia", "CO"),
        ("alemania", "DE"), ("reino unido", "GB"), ("estados unidos", "US"), ("chile", "CL"), ("el peru", "PE"),
    ];

    private static readonly (string Pattern, string Modality)[] ModalityNames =
    [
        ("ordinaria", "ordinaria"), ("vraem", "vraem"), ("huallaga", "huallaga"), (@"proteccion", "proteccion"),
        (@"ff\.? ?aa\.?|fuerzas armadas", "ffaa"), ("repared", "repared"), (@"\bcna\b", "cna"),
        (@"\bpa\b|pueblo afroperuano", "pa"), (@"\beib\b|educacion intercultural bilingue", "eib"), ("hijos de docentes", "hijos-docentes"),
    ];

    private static readonly (string Pattern, CoverageItem Item)[] CoverageWords =
    [
        (@"examen de admision|derecho de (admision|inscripcion)|costo de (admision|postulacion)|inscripcion al examen", CoverageItem.AdmissionFee),
        (@"matricula", CoverageItem.Enrollment),
        (@"pension|costos academicos|colegiatura|derechos academicos|exoneracion de (la )?matricula|matricula y pension|tasas academicas", CoverageItem.Tuition),
        (@"titulacion|grado o titulo|grados? y titulos?|costos de grado|obtencion del (grado|titulo)", CoverageItem.DegreeCosts),
        (@"nivelacion", CoverageItem.Leveling),
        (@"alimentacion", CoverageItem.Food),
        (@"alojamiento|hospedaje|vivienda|residencia universitaria|dormitorio", CoverageItem.Lodging),
        (@"movilidad local|transporte local|transporte urbano", CoverageItem.LocalTransport),
        (@"(transporte|pasajes?) interprovincial", CoverageItem.InterprovincialTransport),
        (@"pasajes? aereos?|boletos? aereos?|vuelos?|pasajes? internacional|transporte internacional|pasaje de ida y vuelta", CoverageItem.InternationalTransport),
        (@"materiales de estudio|utiles|material de estudio|materiales educativos", CoverageItem.StudyMaterials),
        (@"laptop|computadora portatil", CoverageItem.Laptop),
        (@"vestimenta|uniforme", CoverageItem.Clothing),
        (@"\bingles\b", CoverageItem.English),
        (@"curso de (idioma|japones|coreano|hungaro|turco|chino|portugues)|\b(idioma|japones|coreano|hungaro|turco) durante", CoverageItem.LanguageCourse),
        (@"seguro (medico|de salud|de vida)", CoverageItem.HealthInsurance),
        (@"estipendio|asignacion mensual|subvencion mensual|manutencion|subsidio mensual|mensualidad", CoverageItem.MonthlyStipend),
        (@"(asignacion|bono|subsidio) de instalacion|gastos de instalacion", CoverageItem.InstallationAllowance),
        (@"tesis", CoverageItem.Thesis),
        (@"\bvisa\b", CoverageItem.Visa),
        (@"tutoria|acompanamiento|mentoria", CoverageItem.Tutoring),
    ];

    private static readonly (string Pattern, string Name)[] DocumentNames =
    [
        (@"\bdni\b|documento nacional de identidad", "DNI"),
        (@"certificado oficial de estudios", "Certificado Oficial de Estudios"),
        (@"constancia de logros de aprendizaje", "Constancia de Logros de Aprendizaje"),
        (@"pasaporte", "Pasaporte"),
        (@"carta de motivacion|carta de intencion|carta de exposicion de motivos", "Carta de motivación"),
        (@"cartas? de recomendacion", "Cartas de recomendación"),
        (@"carta de aceptacion|carta de admision|carta de preadmision", "Carta de aceptación"),
        (@"constancia de ingreso|certificado de ingreso", "Constancia de ingreso"),
        (@"certificado de discapacidad|carne (del )?conadis|resolucion (de|del) conadis", "Certificado de discapacidad (CONADIS)"),
        (@"libreta militar|constancia de (haber prestado )?servicio militar", "Libreta o constancia de servicio militar"),
        (@"constancia de pertenencia", "Constancia de pertenencia"),
        (@"certificado de (dominio de(l)? )?(idioma|ingles)|certificado de suficiencia|\btoefl\b|\bielts\b|\bjlpt\b|\bhsk\b", "Certificado de idioma"),
        (@"plan de (investigacion|estudios)|propuesta de investigacion", "Plan de investigación"),
        (@"curriculum|hoja de vida", "Currículum vitae"),
        (@"certificado de notas|record academico|historial academico|expediente academico|constancia de notas", "Certificado de notas"),
        (@"copia del? (diploma|grado|titulo)|\bdiploma\b", "Diploma o grado"),
        (@"fotografia", "Fotografía"),
        (@"certificado medico", "Certificado médico"),
        (@"declaracion jurada", "Declaración jurada"),
        (@"constancia de matricula", "Constancia de matrícula"),
    ];

    private readonly SpanishPlaceNames _places = places;

    public OfflineScholarshipCallParser()
        : this(SpanishPlaceNames.Default)
    {
    }

    public Task<ParseResult<ScholarshipDraft>> ParseAsync(string text, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(text);
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(Parse(text));
    }

    internal ParseResult<ScholarshipDraft> Parse(string text)
    {
        var b = new DraftBuilder(text);
        var folded = MaskLinks(SpanishText.Fold(text));
        var sentences = SpanishText.Sentences(text);

        ReadTitle(b, text, folded);
        ReadProvider(b, folded);
        ReadLevel(b, folded, sentences);
        ReadConvocatoria(b, folded);
        var yearHint = b.Get<int>("$.convocatoria");
        ReadDates(b, folded, sentences, yearHint);

        var inDocumentList = false;
        foreach (var sentence in sentences)
        {
            var s = folded.Substring(sentence.Start, sentence.Length);
            if (IsRubric(s))
            {
                b.Issue("$.priorityPoints", "parse.points-not-extracted", sentence);
                b.Used.Add(sentence);
                continue;
            }

            ReadVacancies(b, s, sentence);
            ReadAmounts(b, s, sentence);
            ReadCoverage(b, s, sentence);
            ReadModalities(b, s, sentence, folded);
            ReadCountries(b, s, sentence);
            var documentContext = inDocumentList || DocumentTrigger().IsMatch(s);
            if (documentContext)
            {
                ReadDocuments(b, s, sentence);
            }

            inDocumentList = (inDocumentList && IsListItem(text, sentence)) || (DocumentTrigger().IsMatch(s) && s.EndsWith(':'));
            if (!IsNegated(s))
            {
                ReadCriteria(b, s, sentence, text);
            }
            else
            {
                ReadDisabilityExemption(b, s, sentence);
                b.Used.Add(sentence);
            }
        }

        FinishAge(b);
        FinishRank(b, folded);
        ReportGaps(b, text, folded, sentences);
        var draft = new ScholarshipDraft
        {
            Name = b.GetString("$.name"),
            Provider = b.GetString("$.provider"),
            Level = b.Get<ScholarshipLevel>("$.level"),
            Convocatoria = b.Get<int>("$.convocatoria"),
            StudyCountries = b.Items<string>("$.studyCountries"),
            Call = new CallWindow(b.Get<DateOnly>("$.call.opens"), b.Get<DateOnly>("$.call.closes"), b.Get<DateOnly>("$.call.ageReferenceDate")),
            Vacancies = b.Get<int>("$.vacancies"),
            Criteria = b.Criteria.Select(c => c.Criterion).ToList(),
            CoverageType = b.Get<CoverageType>("$.coverage.type"),
            CoverageItems = b.Items<CoverageItem>("$.coverage.items").Order().ToList(),
            Amounts = b.Items<MoneyAmount>("$.amounts"),
            Modalities = b.Items<string>("$.modalities"),
            Documents = b.Items<string>("$.documents"),
            Links = Links().Matches(text).Select(m => m.Value.TrimEnd('.', ',', ')')).Distinct(StringComparer.Ordinal).ToList(),
        };
        return new ParseResult<ScholarshipDraft>(draft, b.Issues, b.Evidence().ToList(), new ParseProvenance("offline", null, RulesVersion));
    }

    private static void ReadTitle(DraftBuilder b, string text, string folded)
    {
        var firstBreak = text.IndexOf('\n', StringComparison.Ordinal);
        var start = 0;
        while (start < text.Length && char.IsWhiteSpace(text[start]))
        {
            start++;
        }

        var end = firstBreak < 0 ? text.Length : firstBreak;
        var title = end > start ? text[start..end].Trim() : string.Empty;
        if (firstBreak > 0 && title.Length is > 3 and <= 160 && !folded[start..end].Contains("requisit", StringComparison.Ordinal))
        {
            b.Set("$.name", title.TrimEnd('.', ':'), new TextSpan(start, title.Length));
        }
    }

    private static void ReadProvider(DraftBuilder b, string folded)
    {
        var best = (Index: int.MaxValue, Name: (string?)null, Length: 0);
        foreach (var (pattern, name) in Providers)
        {
            var m = Patterns.Match(folded, pattern);
            if (m.Success && m.Index < best.Index)
            {
                best = (m.Index, name, m.Length);
            }
        }

        if (best.Name is not null)
        {
            b.Set("$.provider", best.Name, new TextSpan(best.Index, best.Length));
        }
    }

    private static void ReadLevel(DraftBuilder b, string folded, IReadOnlyList<TextSpan> sentences)
    {
        (string Pattern, ScholarshipLevel Level)[] words =
        [
            (@"maestria|doctorado|posgrado|postgrado|\bmagister\b|posdoctora", ScholarshipLevel.Postgraduate),
            (@"intercambio|movilidad (estudiantil|academica)|un semestre academico", ScholarshipLevel.Exchange),
            (@"carreras? tecnicas?|tecnico productiva|profesional tecnico|institutos? (de educacion superior|tecnologico)|cetpro", ScholarshipLevel.Technical),
            (@"cursos? (virtuales?|gratuitos?|cortos?)|academia de oficios", ScholarshipLevel.ShortCourse),
            (@"\bpremio\b", ScholarshipLevel.Award),
            (@"pregrado|carreras? universitarias?|licenciatura|carrera profesional|estudios superiores|educacion superior|universidades publicas", ScholarshipLevel.Undergraduate),
        ];
        foreach (var sentence in sentences)
        {
            var s = folded.Substring(sentence.Start, sentence.Length);
            var best = words
                .Select(w => (w.Level, Match: Patterns.Match(s, w.Pattern)))
                .Where(x => x.Match.Success)
                .OrderBy(x => x.Match.Index)
                .FirstOrDefault();
            if (best.Match is not null)
            {
                b.Set("$.level", best.Level, new TextSpan(sentence.Start + best.Match.Index, best.Match.Length));
                return;
            }
        }
    }

    private static void ReadConvocatoria(DraftBuilder b, string folded)
    {
        var m = Convocatoria().Match(folded);
        if (m.Success)
        {
            var g = m.Groups["y"];
            b.Set("$.convocatoria", int.Parse(g.Value, CultureInfo.InvariantCulture), new TextSpan(m.Index, m.Length));
        }
    }

    /// <summary>Blanks web addresses and "Fuente:" lines (same length), so that words inside a URL are not read as facts.</summary>
    private static string MaskLinks(string folded)
    {
        var chars = folded.ToCharArray();
        foreach (Match m in Links().Matches(folded))
        {
            Array.Fill(chars, ' ', m.Index, m.Length);
        }

        foreach (Match m in SourceLine().Matches(folded))
        {
            Array.Fill(chars, ' ', m.Index, m.Length);
        }

        return new string(chars);
    }

    private static bool IsRubric(string s) => Rubric().IsMatch(s);

    private static bool IsNegated(string s) => Negation().IsMatch(s);

    private static bool IsListItem(string text, TextSpan sentence)
    {
        var lineStart = text.LastIndexOf('\n', Math.Max(0, sentence.Start - 1)) + 1;
        var prefix = text[lineStart..sentence.Start].Trim();
        return prefix.Length > 0 && prefix[0] is '-' or '•' or '*' or '·' || (sentence.Start > 0 && text[lineStart] is '-' or '•' or '*' or '·');
    }

    private static void ReadVacancies(DraftBuilder b, string s, TextSpan sentence)
    {
        if (History().IsMatch(s))
        {
            return;
        }

        var m = Vacancies().Match(s);
        if (m.Success && SpanishNumbers.TryParseInteger(m.Groups["n"].Value, out var n) && n is > 0 and < 1_000_000 && !(n is >= 1990 and <= 2100))
        {
            b.Set("$.vacancies", n, new TextSpan(sentence.Start + m.Index, m.Length));
        }
    }

    private static void ReadAmounts(DraftBuilder b, string s, TextSpan sentence)
    {
        var purpose = s.Contains("ingreso", StringComparison.Ordinal) ? AmountPurpose.IncomeCeiling
            : Stipend().IsMatch(s) ? AmountPurpose.Stipend
            : Grant().IsMatch(s) ? AmountPurpose.Grant
            : AmountPurpose.Other;
        foreach (Match m in SpanishNumbers.Soles().Matches(s))
        {
            if (SpanishNumbers.TryParseAmount(m.Groups["n"].Value, out var value))
            {
                b.AddItem("$.amounts", new MoneyAmount(value, "PEN", purpose), new TextSpan(sentence.Start + m.Index, m.Length));
            }
        }

        foreach (Match m in ForeignMoney().Matches(s))
        {
            var currency = m.Groups["usd"].Success || m.Groups["usd2"].Success ? "USD" : "EUR";
            if (SpanishNumbers.TryParseAmount(m.Groups["n"].Value, out var value))
            {
                b.AddItem("$.amounts", new MoneyAmount(value, currency, purpose == AmountPurpose.IncomeCeiling ? AmountPurpose.Other : purpose), new TextSpan(sentence.Start + m.Index, m.Length));
            }
        }
    }

    private static void ReadCoverage(DraftBuilder b, string s, TextSpan sentence)
    {
        var full = FullCoverage().Match(s);
        if (full.Success)
        {
            b.Set("$.coverage.type", CoverageType.Full, new TextSpan(sentence.Start + full.Index, full.Length));
        }
        else if (PartialCoverage().Match(s) is { Success: true } partial)
        {
            b.Set("$.coverage.type", CoverageType.Partial, new TextSpan(sentence.Start + partial.Index, partial.Length));
        }

        if (!CoverageTrigger().IsMatch(s))
        {
            return;
        }

        foreach (var (pattern, item) in CoverageWords)
        {
            var m = Patterns.Match(s, pattern);
            if (m.Success)
            {
                b.AddItem("$.coverage.items", item, new TextSpan(sentence.Start + m.Index, m.Length));
            }
        }
    }

    private static void ReadModalities(DraftBuilder b, string s, TextSpan sentence, string folded)
    {
        if (!s.Contains("modalidad", StringComparison.Ordinal) || !folded.Contains("beca 18", StringComparison.Ordinal))
        {
            return;
        }

        foreach (var (pattern, modality) in ModalityNames)
        {
            var m = Patterns.Match(s, pattern);
            if (m.Success)
            {
                b.AddItem("$.modalities", modality, new TextSpan(sentence.Start + m.Index, m.Length));
            }
        }
    }

    private static void ReadCountries(DraftBuilder b, string s, TextSpan sentence)
    {
        if (!StudyTrigger().IsMatch(s))
        {
            return;
        }

        foreach (var (pattern, code) in Countries)
        {
            var m = Patterns.Match(s, @"\b(?:en|de|del)\s+(?:el\s+|la\s+)?" + pattern + @"\b");
            if (m.Success)
            {
                b.AddItem("$.studyCountries", code, new TextSpan(sentence.Start + m.Index, m.Length));
            }
        }
    }

    private static void ReadDocuments(DraftBuilder b, string s, TextSpan sentence)
    {
        foreach (var (pattern, name) in DocumentNames)
        {
            var m = Patterns.Match(s, pattern);
            if (m.Success)
            {
                b.AddItem("$.documents", name, new TextSpan(sentence.Start + m.Index, m.Length));
            }
        }
    }

    private static void ReportGaps(DraftBuilder b, string text, string folded, IReadOnlyList<TextSpan> sentences)
    {
        foreach (var path in new[] { "$.name", "$.provider", "$.level", "$.convocatoria", "$.call.closes" })
        {
            if (!b.Has(path))
            {
                b.Issue(path, "parse.not-found");
            }
        }

        if (b.Criteria.Count == 0)
        {
            b.Issue("$.criteria", "parse.not-found");
        }

        if (b.Items<CoverageItem>("$.coverage.items").Count == 0)
        {
            b.Issue("$.coverage.items", "parse.not-found");
        }

        var inRequirements = false;
        foreach (var sentence in sentences)
        {
            var s = folded.Substring(sentence.Start, sentence.Length);
            var header = s.EndsWith(':') && s.Contains("requisit", StringComparison.Ordinal);
            inRequirements = header || (inRequirements && IsListItem(text, sentence));
            if (header || b.IsUsed(sentence))
            {
                continue;
            }

            if (inRequirements || RequirementCue().IsMatch(s))
            {
                b.Issue("$.criteria", "parse.unrecognized-requirement", sentence, ("text", sentence.Of(text)));
            }
        }
    }

    [GeneratedRegex(@"^\s*fuentes?\s*:.*$", RegexOptions.CultureInvariant | RegexOptions.Multiline)]
    private static partial Regex SourceLine();

    [GeneratedRegex(@"convocatoria\s+(?<y>20\d\d)|beca\s*18\s*[-–]?\s*(?<y>20\d\d)|\b(?<y>20\d\d)\s*[-/]\s*(?:20)?\d\d\b|\b(?:beca|becas|programa|concurso|premio)\b[^.\n]{0,60}?\b(?<y>20\d\d)\b", RegexOptions.CultureInvariant)]
    private static partial Regex Convocatoria();

    [GeneratedRegex(@"\bpuntos?\b|\bpuntaje|bonificacion|puntos adicionales", RegexOptions.CultureInvariant)]
    private static partial Regex Rubric();

    [GeneratedRegex(@"\bno (?:exige|es (?:un )?requisito|se exige|requiere|se requiere|necesita|pide|se pide|hay requisito|es necesario)|\bsin (?:requisito|exigir)|\bni (?:exige|requiere)", RegexOptions.CultureInvariant)]
    private static partial Regex Negation();

    [GeneratedRegex(@"ganador|beneficiad|becarios|han sido|fueron|se otorgaron|recibieron|desde 20\d\d|hasta la fecha|en total,? m[aá]s de", RegexOptions.CultureInvariant)]
    private static partial Regex History();

    [GeneratedRegex(@"(?:^|\s)(?<n>" + SpanishNumbers.IntegerPattern + @")\s+(?:nuevas\s+)?(?:becas|vacantes|plazas|cupos)\b", RegexOptions.CultureInvariant)]
    private static partial Regex Vacancies();

    [GeneratedRegex(@"mensual|al mes|cada mes|estipendio|subvencion|manutencion|asignacion", RegexOptions.CultureInvariant)]
    private static partial Regex Stipend();

    [GeneratedRegex(@"premio|monto unico|pago unico|financiamiento de hasta|subvencion unica", RegexOptions.CultureInvariant)]
    private static partial Regex Grant();

    [GeneratedRegex(@"(?:(?<usd>us\$|usd)\s?|(?<eur>€)\s?)(?<n>\d{1,3}(?:[ ,.]\d{3})+(?!\d)|\d+)|(?<n>\d{1,3}(?:[ ,.]\d{3})+(?!\d)|\d+)\s?(?:(?<eur2>euros)|(?<usd2>dolares))", RegexOptions.CultureInvariant)]
    private static partial Regex ForeignMoney();

    [GeneratedRegex(@"beca integral|becas integrales|financiamiento completo|todo pagado|todos los gastos|cobertura (total|completa)|becas? completas?", RegexOptions.CultureInvariant)]
    private static partial Regex FullCoverage();

    [GeneratedRegex(@"becas? parcial(es)?|cobertura parcial|financiamiento parcial", RegexOptions.CultureInvariant)]
    private static partial Regex PartialCoverage();

    [GeneratedRegex(@"cubre|cubren|cubrira|financia|incluye|incluyen|beneficios|comprende|costea|otorga|brinda|pagar|gastos|exonera|ofrece|recibir|recibiran", RegexOptions.CultureInvariant)]
    private static partial Regex CoverageTrigger();

    [GeneratedRegex(@"estudiar|universidades?|cursar|instituciones|programas?|maestrias?|doctorados?|estudios", RegexOptions.CultureInvariant)]
    private static partial Regex StudyTrigger();

    [GeneratedRegex(@"requisit|document|presentar|adjuntar|subir|cargar|escanead|copia|enviar|acompan", RegexOptions.CultureInvariant)]
    private static partial Regex DocumentTrigger();

    [GeneratedRegex(@"requisit|\bdebe|\bdeberan?\b|acreditar|contar con|es necesario|se exige|se requiere|podran postular|pueden postular|dirigid[ao]s? a", RegexOptions.CultureInvariant)]
    private static partial Regex RequirementCue();

    [GeneratedRegex(@"https?://[^\s<>""]+|\b(?:www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:gob\.pe|edu\.pe|com\.pe|org\.pe|pe|gov\.tr|go\.kr|es|org)(?:/[^\s<>""]*)?", RegexOptions.CultureInvariant)]
    private static partial Regex Links();
}
