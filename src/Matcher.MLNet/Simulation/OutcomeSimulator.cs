using Matcher.Geography;
using Matcher.Grades;
using Matcher.MLNet.Outcomes;
using Matcher.Ranking.Features;
using Matcher.Scoring;
using Matcher.Students;

namespace Matcher.MLNet.Simulation;

/// <summary>
/// Produces plausible, clearly synthetic historical outcomes: students drawn from the real INEI district data, candidates
/// from the real catalog through the real eligibility engine and scorer (Beca 18 priority rubric included), applications
/// from a hidden preference over the documented features, decisions from merit, rubric points and need, all with seeded
/// noise. No public outcome data exists; every row it produces is marked <c>synthetic</c> (docs/outcomes.md).
/// </summary>
public static class OutcomeSimulator
{
    /// <summary>The hidden preference weights by feature name (docs/outcomes.md); unlisted features weigh 0.</summary>
    public static IReadOnlyDictionary<string, double> PreferenceWeights { get; } = new Dictionary<string, double>(StringComparer.Ordinal)
    {
        ["fit"] = 2.0,
        ["value"] = 1.0,
        ["priority"] = 1.5,
        ["eligible"] = 2.0,
        ["missingFacts"] = -1.0,
        ["need"] = 0.5,
        ["callIsRegional"] = 1.2,
        ["coverageFull"] = 0.8,
        ["vacancies"] = 0.6,
        ["hasPriorityRubric"] = 0.6,
    };

    private static readonly string[] Interests = ["enfermería", "ingeniería civil", "educación", "medicina", "administración", "agronomía", "derecho", "ingeniería de sistemas", "contabilidad"];

    /// <summary>Simulates one application season.</summary>
    /// <param name="services">A provider with the matcher registered (<c>AddScholarshipMatcher</c>): its catalog, evaluator and scorer are used.</param>
    /// <param name="options">Size, seed and dates.</param>
    /// <returns>One row per application, each marked synthetic.</returns>
    public static IReadOnlyList<OutcomeRecord> Simulate(IServiceProvider services, OutcomeSimulationOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        options ??= new OutcomeSimulationOptions();
        var random = new Random(options.Seed);
        var candidates = new Candidates(services);
        var districts = UbigeoDirectory.Default.Districts;
        var cumulative = new double[districts.Count];
        double total = 0;
        for (var i = 0; i < districts.Count; i++)
        {
            total += Math.Max(1, districts[i].Population);
            cumulative[i] = total;
        }

        var weights = RankingFeatures.Names.Select(n => PreferenceWeights.GetValueOrDefault(n)).ToArray();
        var rows = new List<OutcomeRecord>();
        for (var s = 0; s < options.Students; s++)
        {
            var index = Array.BinarySearch(cumulative, random.NextDouble() * total);
            var district = districts[index < 0 ? ~index : index];
            var student = Student(s, district, random, options.ApplicationDate);
            var list = candidates.For(student, options.ApplicationDate);
            if (list.Count == 0)
            {
                continue;
            }

            var features = new float[list.Count * RankingFeatures.Count];
            RankingFeatures.Compute(student, list, features);
            var utilities = new (double U, ScoredCandidate C)[list.Count];
            for (var i = 0; i < list.Count; i++)
            {
                var u = 0.0;
                for (var f = 0; f < weights.Length; f++)
                {
                    u += weights[f] * features[(i * RankingFeatures.Count) + f];
                }

                // Poorer students avoid calls abroad (travel and living costs); Gumbel noise makes the choice a logit draw.
                u -= 2.0 * features[(i * RankingFeatures.Count) + 24] * (features[(i * RankingFeatures.Count) + 8] + features[(i * RankingFeatures.Count) + 9]);
                u += -0.7 * Math.Log(-Math.Log(Math.Max(1e-12, random.NextDouble())));
                utilities[i] = (u, list[i]);
            }

            Array.Sort(utilities, static (a, b) => b.U.CompareTo(a.U));
            var applications = Math.Min(list.Count, 1 + random.Next(4));
            for (var k = 0; k < applications; k++)
            {
                var c = utilities[k].C;
                var strength = (0.5 * c.Components.Merit) + (0.3 * c.Components.Priority) + (0.2 * c.Components.Need);
                var p = 1 / (1 + Math.Exp(-((5 * strength) - 3.0 + (0.5 * Normal(random)))));
                var draw = random.NextDouble();
                var outcome = draw < p * 0.6 ? OutcomeKind.Awarded : draw < p ? OutcomeKind.Shortlisted : OutcomeKind.Rejected;
                rows.Add(new OutcomeRecord(student, c.Scholarship.Id, outcome, options.RecordedOn, Synthetic: true));
            }
        }

        return rows;
    }

    private static StudentProfile Student(int n, District district, Random random, DateOnly asOf)
    {
        var poverty = (district.PovertyPercent ?? 25) / 100;
        var extreme = (district.ExtremePovertyPercent ?? 5) / 100;
        var u = random.NextDouble();
        var sisfoh = u < Math.Min(0.6, extreme * 1.5) ? SisfohLevel.ExtremePoor : u < Math.Min(0.95, (extreme * 1.5) + (poverty * 1.3)) ? SisfohLevel.Poor : SisfohLevel.NotPoor;
        var grade = Math.Clamp(14.0 + (2.2 * Normal(random)), 11, 20);
        var rank = grade >= 18 ? AcademicRank.TopTenth : grade >= 16.5 ? AcademicRank.TopFifth : grade >= 15 ? AcademicRank.TopThird : grade >= 13.5 ? AcademicRank.TopHalf : AcademicRank.BelowHalf;
        var amazon = district.Department is "Loreto" or "Ucayali" or "Madre de Dios" or "Amazonas";
        var native = district.AltitudeMeters > 3000 && random.NextDouble() < 0.5 ? (district.Department == "Puno" && random.NextDouble() < 0.4 ? "aimara" : "quechua")
            : amazon && random.NextDouble() < 0.2 ? "asháninka"
            : random.NextDouble() < 0.08 ? "quechua"
            : null;
        var age = 16 + random.Next(5);
        return new StudentProfile
        {
            Id = $"syn-{n + 1:D5}",
            Nationality = "PE",
            BirthDate = asOf.AddYears(-age).AddDays(-random.Next(365)),
            Gender = random.NextDouble() < 0.5 ? Gender.Female : Gender.Male,
            ResidenceUbigeo = district.Ubigeo,
            Sisfoh = new SisfohRecord { Classification = sisfoh, ValidUntil = asOf.AddYears(2) },
            BasicEducation = new BasicEducation
            {
                Modality = EducationModality.Ebr,
                Status = age <= 17 && random.NextDouble() < 0.5 ? BasicEducationStatus.InLastGrade : BasicEducationStatus.Graduated,
                GraduationYear = asOf.Year - random.Next(2),
                SchoolUbigeo = district.Ubigeo,
                SchoolManagement = random.NextDouble() < 0.78 ? Management.Public : Management.Private,
                SchoolZone = SchoolZone.None,
                Coar = random.NextDouble() < 0.02,
                AcademicRank = rank,
                GradeAverage = Math.Round((decimal)grade, 1),
            },
            Conditions = new ConditionSet
            {
                Disability = random.NextDouble() < 0.03,
                AmazonianNativeCommunity = amazon && native is not null,
                AfroPeruvian = random.NextDouble() < 0.02,
                FamilyProtection = random.NextDouble() < 0.01,
                ViolenceVictimRegistry = random.NextDouble() < 0.03,
                Firefighter = false,
                Volunteer = random.NextDouble() < 0.02,
                OrphanhoodLaw31405 = random.NextDouble() < 0.01,
                HeavyMetalsExposure = false,
                CommunityHealthAgent = false,
                TeacherParentCpm = random.NextDouble() < 0.04,
            },
            MilitaryServiceMonths = 0,
            NativeLanguages = native is null ? [] : [native],
            PreviousHigherStudies = false,
            HoldsScholarship = false,
            Interests = [Interests[random.Next(Interests.Length)]],
        };
    }

    private static double Normal(Random random) =>
        Math.Sqrt(-2 * Math.Log(Math.Max(1e-12, random.NextDouble()))) * Math.Cos(2 * Math.PI * random.NextDouble());
}
