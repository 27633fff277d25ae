using System.Globalization;
using System.Text.Json.Nodes;
using Matcher.Geography;
using Matcher.Serialization;
using Matcher.Students;

namespace Matcher.Portal.Services;

/// <summary>How a question is answered.</summary>
public enum QuestionKind
{
    /// <summary>One of a few options.</summary>
    Choice,

    /// <summary>A number within bounds.</summary>
    Number,

    /// <summary>A date.</summary>
    Date,

    /// <summary>A district of Peru (INEI ubigeo).</summary>
    District,
}

/// <summary>One option of a choice question.</summary>
/// <param name="Value">The value written into the profile.</param>
/// <param name="Es">Label in Spanish.</param>
/// <param name="En">Label in English.</param>
public sealed record QuestionOption(string Value, string Es, string En);

/// <summary>
/// One step of "Encuentra tu beca": what is asked, why it matters, and where the answer goes in the profile
/// (CONTRACT §1). Every question accepts "no sé": the field then stays absent, which the matcher reads as unknown.
/// </summary>
public sealed class Question
{
    /// <summary>Stable key; also the profile path the answer fills.</summary>
    public required string Key { get; init; }

    /// <summary>Kind of answer.</summary>
    public required QuestionKind Kind { get; init; }

    /// <summary>The question in Spanish.</summary>
    public required string PromptEs { get; init; }

    /// <summary>The question in English.</summary>
    public required string PromptEn { get; init; }

    /// <summary>Why it matters, in Spanish.</summary>
    public required string WhyEs { get; init; }

    /// <summary>Why it matters, in English.</summary>
    public required string WhyEn { get; init; }

    /// <summary>Options of a choice question.</summary>
    public IReadOnlyList<QuestionOption> Options { get; init; } = [];

    /// <summary>Lowest accepted number.</summary>
    public double Min { get; init; }

    /// <summary>Highest accepted number.</summary>
    public double Max { get; init; } = double.MaxValue;

    /// <summary>The answer; <see langword="null"/> when not answered yet.</summary>
    public string? Answer { get; set; }

    /// <summary>Whether the student said "no sé".</summary>
    public bool DoesNotKnow { get; set; }

    /// <summary>Whether the question has been answered, with a value or with "no sé".</summary>
    public bool IsAnswered => DoesNotKnow || !string.IsNullOrWhiteSpace(Answer);
}

/// <summary>
/// The step-by-step questionnaire of the public page. Holds the answers in memory only (nothing is stored) and turns
/// them into a student profile for the matcher.
/// </summary>
public sealed class Questionnaire
{
    /// <summary>The value used for "none" in the native-language question.</summary>
    public const string NoNativeLanguage = "ninguna";

    private static readonly QuestionOption[] Ranks =
    [
        new("firstPlace", "Primer puesto", "First place"),
        new("secondPlace", "Segundo puesto", "Second place"),
        new("topTenth", "Décimo superior", "Top tenth"),
        new("topFifth", "Quinto superior", "Top fifth"),
        new("topThird", "Tercio superior", "Top third"),
        new("topHalf", "Medio superior", "Top half"),
        new("belowHalf", "Debajo del medio", "Below the top half"),
    ];

    /// <summary>A fresh questionnaire.</summary>
    public Questionnaire()
    {
        Questions =
        [
            new Question
            {
                Key = "birthDate", Kind = QuestionKind.Date,
                PromptEs = "¿Cuál es tu fecha de nacimiento?", PromptEn = "What is your date of birth?",
                WhyEs = "Muchas becas tienen edad máxima (Beca 18 pide menos de 22 años) y, si eres menor de edad, tu apoderado debe acompañarte.",
                WhyEn = "Many scholarships have an age limit (Beca 18 asks for under 22) and, if you are a minor, a guardian must take part.",
            },
            new Question
            {
                Key = "nationality", Kind = QuestionKind.Choice,
                PromptEs = "¿Cuál es tu nacionalidad?", PromptEn = "What is your nationality?",
                WhyEs = "Las becas del Estado peruano son para peruanos; algunas becas del extranjero piden otras nacionalidades.",
                WhyEn = "Peruvian state scholarships are for Peruvians; some foreign ones ask for other nationalities.",
                Options = [new("PE", "Peruana", "Peruvian"), new("VE", "Venezolana", "Venezuelan"), new("CO", "Colombiana", "Colombian"), new("BO", "Boliviana", "Bolivian"), new("EC", "Ecuatoriana", "Ecuadorian")],
            },
            new Question
            {
                Key = "residenceUbigeo", Kind = QuestionKind.District,
                PromptEs = "¿En qué distrito vives?", PromptEn = "Which district do you live in?",
                WhyEs = "Algunas modalidades son para quienes viven o estudiaron en zonas como el VRAEM o el Huallaga.",
                WhyEn = "Some modalities are for students who live or studied in areas such as the VRAEM or the Huallaga.",
            },
            new Question
            {
                Key = "sisfoh.classification", Kind = QuestionKind.Choice,
                PromptEs = "¿Qué clasificación socioeconómica (SISFOH) tiene tu hogar?", PromptEn = "What socioeconomic classification (SISFOH) does your household have?",
                WhyEs = "Beca 18 pide pobreza o pobreza extrema según el SISFOH. Si no sabes, lo puedes consultar en tu municipalidad (ULE).",
                WhyEn = "Beca 18 asks for poverty or extreme poverty according to SISFOH. If you do not know, ask your municipality (ULE).",
                Options = [new("extremePoor", "Pobre extremo", "Extremely poor"), new("poor", "Pobre", "Poor"), new("notPoor", "No pobre", "Not poor")],
            },
            new Question
            {
                Key = "basicEducation.modality", Kind = QuestionKind.Choice,
                PromptEs = "¿En qué modalidad estudias o estudiaste la secundaria?", PromptEn = "Which kind of secondary school do or did you attend?",
                WhyEs = "Las becas aceptan distintas modalidades: Educación Básica Regular, Alternativa o Especial.",
                WhyEn = "Scholarships accept different kinds: regular, alternative (EBA) or special (EBE) basic education.",
                Options = [new("ebr", "Básica Regular (EBR)", "Regular (EBR)"), new("eba", "Básica Alternativa (EBA)", "Alternative (EBA)"), new("ebe", "Básica Especial (EBE)", "Special (EBE)")],
            },
            new Question
            {
                Key = "basicEducation.status", Kind = QuestionKind.Choice,
                PromptEs = "¿Terminaste la secundaria?", PromptEn = "Have you finished secondary school?",
                WhyEs = "Muchas becas aceptan a quienes están en quinto de secundaria o ya egresaron.",
                WhyEn = "Many scholarships accept students in their last year or who have finished.",
                Options = [new("inLastGrade", "Estoy en el último año", "I am in the last year"), new("graduated", "Sí, ya terminé", "Yes, I finished"), new("notCompleted", "No la terminé", "I did not finish")],
            },
            new Question
            {
                Key = "basicEducation.graduationYear", Kind = QuestionKind.Number, Min = 1980, Max = 2100,
                PromptEs = "¿En qué año terminaste (o terminarás) la secundaria?", PromptEn = "In which year did (or will) you finish secondary school?",
                WhyEs = "Algunas convocatorias solo aceptan egresados de ciertos años.",
                WhyEn = "Some calls only accept students who finished in certain years.",
            },
            new Question
            {
                Key = "basicEducation.schoolManagement", Kind = QuestionKind.Choice,
                PromptEs = "¿Tu colegio de secundaria es público o privado?", PromptEn = "Is your secondary school public or private?",
                WhyEs = "Algunas becas son solo para estudiantes de colegios públicos.",
                WhyEn = "Some scholarships are only for students of public schools.",
                Options = [new("public", "Público", "Public"), new("private", "Privado", "Private")],
            },
            new Question
            {
                Key = "basicEducation.gradeAverage", Kind = QuestionKind.Number, Min = 0, Max = 20,
                PromptEs = "¿Cuál es tu promedio de notas (de 0 a 20) en los dos últimos grados?", PromptEn = "What is your grade average (0 to 20) in your last two grades?",
                WhyEs = "Las becas de mérito piden un promedio mínimo y el promedio cuenta en el puntaje.",
                WhyEn = "Merit scholarships ask for a minimum average, and it counts in the score.",
            },
            new Question
            {
                Key = "basicEducation.academicRank", Kind = QuestionKind.Choice,
                PromptEs = "¿En qué parte de tu promoción estás por notas?", PromptEn = "Where do you stand in your class by grades?",
                WhyEs = "Beca 18 pide estar en el tercio superior (o haber estudiado en un COAR).",
                WhyEn = "Beca 18 asks for the top third of the class (or a COAR school).",
                Options = Ranks,
            },
            new Question
            {
                Key = "monthlyPerCapitaIncome", Kind = QuestionKind.Number, Min = 0, Max = 1_000_000,
                PromptEs = "¿Cuánto dinero entra a tu hogar al mes por persona, en soles? (ingreso total ÷ número de personas)", PromptEn = "How much money does your household receive a month per person, in soles? (total income ÷ number of people)",
                WhyEs = "Algunas becas tienen un límite de ingresos y la necesidad económica cuenta en el puntaje.",
                WhyEn = "Some scholarships have an income limit, and economic need counts in the score.",
            },
            new Question
            {
                Key = "nativeLanguages", Kind = QuestionKind.Choice,
                PromptEs = "¿Hablas alguna lengua originaria?", PromptEn = "Do you speak an indigenous language?",
                WhyEs = "La modalidad EIB de Beca 18 y algunos puntajes son para hablantes de lenguas originarias.",
                WhyEn = "Beca 18's EIB modality and some points are for speakers of indigenous languages.",
                Options = [new("quechua", "Quechua", "Quechua"), new("aimara", "Aimara", "Aymara"), new("asháninka", "Asháninka", "Asháninka"), new("awajún", "Awajún", "Awajún"), new("shipibo-konibo", "Shipibo-konibo", "Shipibo-Konibo"), new(NoNativeLanguage, "Ninguna", "None")],
            },
            new Question
            {
                Key = "conditions.disability", Kind = QuestionKind.Choice,
                PromptEs = "¿Tienes una discapacidad registrada en el CONADIS?", PromptEn = "Do you have a disability registered with CONADIS?",
                WhyEs = "Hay una modalidad de Beca 18 para personas con discapacidad y a veces no se aplica el límite de edad.",
                WhyEn = "There is a Beca 18 modality for people with disabilities, and the age limit sometimes does not apply.",
                Options = [new("true", "Sí", "Yes"), new("false", "No", "No")],
            },
        ];
    }

    /// <summary>The questions, in order.</summary>
    public IReadOnlyList<Question> Questions { get; }

    /// <summary>The 0-based current step.</summary>
    public int Step { get; private set; }

    /// <summary>The current question.</summary>
    public Question Current => Questions[Step];

    /// <summary>Whether the current step is the last one.</summary>
    public bool IsLast => Step == Questions.Count - 1;

    /// <summary>Share of the questions answered, 0–100.</summary>
    public int Progress => (int)Math.Round(100.0 * Questions.Count(q => q.IsAnswered) / Questions.Count);

    /// <summary>The problem with the current answer in the current language, or <see langword="null"/> when it may go on.</summary>
    /// <param name="english">Whether to answer in English.</param>
    public string? Validate(bool english) => Validate(Current, english);

    /// <summary>The problem with a question's answer, or <see langword="null"/>.</summary>
    public static string? Validate(Question question, bool english)
    {
        ArgumentNullException.ThrowIfNull(question);
        if (!question.IsAnswered)
        {
            return english ? "Choose an answer or \"I don't know\"." : "Elige una respuesta o \"No sé\".";
        }

        if (question.DoesNotKnow)
        {
            return null;
        }

        var answer = question.Answer!.Trim();
        switch (question.Kind)
        {
            case QuestionKind.Number:
                if (!double.TryParse(answer.Replace(',', '.'), NumberStyles.Float, CultureInfo.InvariantCulture, out var number) || number < question.Min || number > question.Max)
                {
                    return english
                        ? $"Write a number from {question.Min.ToString(CultureInfo.InvariantCulture)} to {question.Max.ToString(CultureInfo.InvariantCulture)}."
                        : $"Escribe un número de {question.Min.ToString(CultureInfo.InvariantCulture)} a {question.Max.ToString(CultureInfo.InvariantCulture)}.";
                }

                break;
            case QuestionKind.Date:
                if (!DateOnly.TryParseExact(answer, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) || date.Year < 1900)
                {
                    return english ? "Write a date as YYYY-MM-DD." : "Escribe una fecha como AAAA-MM-DD.";
                }

                break;
            case QuestionKind.District:
                if (!Ubigeo.TryParse(answer, out var ubigeo) || !UbigeoDirectory.Default.Contains(ubigeo))
                {
                    return english ? "Choose a district from the list." : "Elige un distrito de la lista.";
                }

                break;
            case QuestionKind.Choice:
                if (question.Options.All(o => !string.Equals(o.Value, answer, StringComparison.Ordinal)))
                {
                    return english ? "Choose one of the options." : "Elige una de las opciones.";
                }

                break;
        }

        return null;
    }

    /// <summary>Goes to the next step when the current answer is valid.</summary>
    /// <returns>The problem, or <see langword="null"/> when it moved on (or is on the last step).</returns>
    public string? Next(bool english)
    {
        var problem = Validate(english);
        if (problem is null && !IsLast)
        {
            Step++;
        }

        return problem;
    }

    /// <summary>Goes back one step.</summary>
    public void Back()
    {
        if (Step > 0)
        {
            Step--;
        }
    }

    /// <summary>Answers the current question with "no sé" and moves on.</summary>
    public void DoNotKnow()
    {
        Current.DoesNotKnow = true;
        Current.Answer = null;
        if (!IsLast)
        {
            Step++;
        }
    }

    /// <summary>The profile JSON (CONTRACT §1): only the answered fields; "no sé" leaves a field absent.</summary>
    public JsonObject ToJson()
    {
        var root = new JsonObject { ["id"] = "encuentra-tu-beca" };
        foreach (var question in Questions)
        {
            if (question.DoesNotKnow || string.IsNullOrWhiteSpace(question.Answer) || Validate(question, english: false) is not null)
            {
                continue;
            }

            var answer = question.Answer.Trim();
            JsonNode value = question.Key switch
            {
                "nativeLanguages" => answer == NoNativeLanguage ? new JsonArray() : new JsonArray(answer),
                "conditions.disability" => JsonValue.Create(answer == "true"),
                _ when question.Kind == QuestionKind.Number => question.Key.EndsWith("Year", StringComparison.Ordinal)
                    ? JsonValue.Create((int)double.Parse(answer.Replace(',', '.'), CultureInfo.InvariantCulture))
                    : JsonValue.Create(double.Parse(answer.Replace(',', '.'), CultureInfo.InvariantCulture)),
                _ => JsonValue.Create(answer),
            };
            Place(root, question.Key, value);
        }

        return root;
    }

    /// <summary>The profile the answers describe.</summary>
    public StudentProfile ToProfile() => StudentProfileJson.Parse(ToJson().ToJsonString(), "encuentra-tu-beca");

    private static void Place(JsonObject root, string path, JsonNode value)
    {
        var parts = path.Split('.');
        var node = root;
        for (var i = 0; i < parts.Length - 1; i++)
        {
            if (node[parts[i]] is not JsonObject child)
            {
                child = [];
                node[parts[i]] = child;
            }

            node = child;
        }

        node[parts[^1]] = value;
    }
}
