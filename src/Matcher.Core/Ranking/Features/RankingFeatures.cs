using System.Runtime.CompilerServices;
using Matcher.Eligibility;
using Matcher.Eligibility.Criteria;
using Matcher.Geography;
using Matcher.Scholarships;
using Matcher.Scoring;
using Matcher.Students;

namespace Matcher.Ranking.Features;

/// <summary>
/// The feature specification shared by every learned ranker (Matcher.MLNet, Matcher.Keras): a documented, versioned
/// mapping from (student, candidate call) to a vector of <see cref="Count"/> floats (docs/learned-rankers.md).
/// </summary>
/// <remarks>
/// A model is trained for one <see cref="Version"/>; a ranker refuses a model whose input width or declared version
/// differs. Unknown facts are encoded as −1 where a feature is a scaled quantity, so they never look like a real value.
/// A change to any feature's meaning is a new version. Pure and thread-safe.
/// </remarks>
public static class RankingFeatures
{
    /// <summary>The version of this specification.</summary>
    public const string Version = "matcher-features/1";

    /// <summary>Feature names, in vector order.</summary>
    public static IReadOnlyList<string> Names { get; } =
    [
        "need", "merit", "fit", "value", "urgency", "priority",
        "eligible", "missingFacts",
        "sisfohExtremePoor", "sisfohPoor", "sisfohKnown",
        "districtPoverty", "altitudeKm",
        "callIsRegional", "distanceToCallRegion1000Km",
        "priorityConditions", "nativeLanguage", "publicSchool", "gradeAverage",
        "coverageFull", "coverageBreadth", "vacancies",
        "callStatus", "hasPriorityRubric", "studyAbroad",
    ];

    /// <summary>Length of the vector.</summary>
    public static int Count => Names.Count;

    private static readonly ConditionalWeakTable<Scholarship, CallTraits> Traits = [];

    /// <summary>Fills one row of features per candidate.</summary>
    /// <param name="student">The student.</param>
    /// <param name="candidates">The candidates, as the pipeline hands them to a ranker.</param>
    /// <param name="destination"><c>candidates.Count × Count</c> floats, row-major.</param>
    /// <param name="geography">The district directory; the embedded one when <see langword="null"/>.</param>
    public static void Compute(StudentProfile student, IReadOnlyList<ScoredCandidate> candidates, Span<float> destination, UbigeoDirectory? geography = null)
    {
        ArgumentNullException.ThrowIfNull(student);
        ArgumentNullException.ThrowIfNull(candidates);
        if (destination.Length < candidates.Count * Count)
        {
            throw new ArgumentException($"Needs {candidates.Count * Count} floats.", nameof(destination));
        }

        geography ??= UbigeoDirectory.Default;
        var district = student.ResidenceUbigeo is { } u ? geography.Find(u) : null;
        var sisfoh = student.Sisfoh?.Classification;
        var conditions = CountConditions(student.Conditions);
        var native = student.NativeLanguages is null ? -1f : student.NativeLanguages.Count > 0 ? 1f : 0f;
        var school = student.BasicEducation?.SchoolManagement switch
        {
            Management.Public => 1f,
            Management.Private => 0f,
            _ => -1f,
        };
        var grade = student.BasicEducation?.GradeAverage is { } g ? (float)g / 20f : -1f;
        for (var i = 0; i < candidates.Count; i++)
        {
            var c = candidates[i];
            var traits = Traits.GetValue(c.Scholarship, static s => new CallTraits(s, UbigeoDirectory.Default));
            var row = destination.Slice(i * Count, Count);
            var components = c.Components;
            row[0] = (float)components.Need;
            row[1] = (float)components.Merit;
            row[2] = (float)components.Fit;
            row[3] = (float)components.Value;
            row[4] = (float)components.Urgency;
            row[5] = (float)components.Priority;
            row[6] = c.Eligibility.Verdict switch
            {
                EligibilityVerdict.Eligible => 1f,
                EligibilityVerdict.Unknown => 0.5f,
                _ => 0f,
            };
            row[7] = Math.Min(1f, c.Eligibility.Missing.Count / 5f);
            row[8] = sisfoh == SisfohLevel.ExtremePoor ? 1f : 0f;
            row[9] = sisfoh == SisfohLevel.Poor ? 1f : 0f;
            row[10] = sisfoh is null ? 0f : 1f;
            row[11] = district?.PovertyPercent is { } p ? (float)(p / 100) : -1f;
            row[12] = district is null ? -1f : (float)(district.AltitudeMeters / 1000);
            row[13] = traits.Regional ? 1f : 0f;
            row[14] = traits.Regional && district is not null ? (float)(Kilometres(district.Latitude, district.Longitude, traits.Latitude, traits.Longitude) / 1000) : 0f;
            row[15] = Math.Min(1f, conditions / 3f);
            row[16] = native;
            row[17] = school;
            row[18] = grade;
            row[19] = traits.Full ? 1f : 0f;
            row[20] = traits.Breadth;
            row[21] = traits.Vacancies;
            row[22] = c.CallStatus switch
            {
                CallStatus.Open => 1f,
                CallStatus.Upcoming => 0.5f,
                CallStatus.Closed => 0f,
                _ => 0.25f,
            };
            row[23] = c.PriorityPoints is null ? 0f : 1f;
            row[24] = traits.Abroad ? 1f : 0f;
        }
    }

    /// <summary>Great-circle distance (haversine, Earth radius 6,371 km).</summary>
    internal static double Kilometres(double lat1, double lon1, double lat2, double lon2)
    {
        static double Rad(double d) => d * Math.PI / 180;
        var dLat = Rad(lat2 - lat1);
        var dLon = Rad(lon2 - lon1);
        var a = (Math.Sin(dLat / 2) * Math.Sin(dLat / 2)) + (Math.Cos(Rad(lat1)) * Math.Cos(Rad(lat2)) * Math.Sin(dLon / 2) * Math.Sin(dLon / 2));
        return 2 * 6371 * Math.Asin(Math.Min(1, Math.Sqrt(a)));
    }

    private static int CountConditions(ConditionSet? c) =>
        c is null ? 0 : new[]
        {
            c.Disability, c.AmazonianNativeCommunity, c.AfroPeruvian, c.FamilyProtection, c.ViolenceVictimRegistry, c.Firefighter,
            c.Volunteer, c.OrphanhoodLaw31405, c.HeavyMetalsExposure, c.CommunityHealthAgent, c.TeacherParentCpm,
        }.Count(v => v == true);

    /// <summary>What the features need from a call, computed once per call.</summary>
    private sealed class CallTraits
    {
        public CallTraits(Scholarship s, UbigeoDirectory geography)
        {
            Full = s.Coverage.Type == CoverageType.Full;
            Breadth = Math.Min(1f, s.Coverage.Items.Count / 12f);
            Vacancies = s.Vacancies is { } v ? (float)(Math.Log10(1 + v) / 4) : -1f;
            Abroad = !s.StudyCountries.Contains("PE", StringComparer.Ordinal);
            var areas = new List<UbigeoArea>();
            foreach (var criterion in s.Criteria)
            {
                Collect(criterion, areas);
            }

            var districts = geography.Districts.Where(d => areas.Any(a => d.Ubigeo.IsIn(a))).ToArray();
            Regional = districts.Length > 0;
            if (Regional)
            {
                Latitude = districts.Average(d => d.Latitude);
                Longitude = districts.Average(d => d.Longitude);
            }
        }

        public bool Full { get; }

        public float Breadth { get; }

        public float Vacancies { get; }

        public bool Abroad { get; }

        public bool Regional { get; }

        public double Latitude { get; }

        public double Longitude { get; }

        private static void Collect(Criterion criterion, List<UbigeoArea> areas)
        {
            switch (criterion)
            {
                case AllOfCriterion all:
                    foreach (var c in all.Criteria)
                    {
                        Collect(c, areas);
                    }

                    break;
                case UbigeoCriterion ubigeo:
                    areas.AddRange(ubigeo.In);
                    break;
            }
        }
    }
}
