using Matcher.Eligibility;
using Matcher.Geography;
using Matcher.Matching;
using Matcher.Students;

namespace Matcher.Portal.Services;

/// <summary>Eligible and unknown rates of one group of students.</summary>
/// <param name="Key">The group's key (a department code, a gender, ...).</param>
/// <param name="Label">The group's name.</param>
/// <param name="Students">Students in the group.</param>
/// <param name="Eligible">Students eligible for at least one scholarship.</param>
/// <param name="Unknown">Students with no eligible scholarship but at least one that depends on missing facts.</param>
public sealed record GroupRate(string Key, string Label, int Students, int Eligible, int Unknown)
{
    /// <summary>Share of eligible students, 0–1.</summary>
    public double EligibleRate => Students == 0 ? 0 : (double)Eligible / Students;

    /// <summary>Share of unknown students, 0–1.</summary>
    public double UnknownRate => Students == 0 ? 0 : (double)Unknown / Students;
}

/// <summary>The analyst's tables.</summary>
/// <param name="Students">Students counted.</param>
/// <param name="ByDepartment">By department of residence (INEI code; "—" unknown).</param>
/// <param name="ByGender">By gender.</param>
/// <param name="ByNativeLanguage">By whether the student speaks a lengua originaria.</param>
/// <param name="BySchoolManagement">By the secondary school's management.</param>
/// <param name="Coverage">Per published scholarship: how many students are eligible and unknown.</param>
/// <param name="Departments">The map's figures, one per department with students (INEI code order).</param>
public sealed record CohortReport(int Students, IReadOnlyList<GroupRate> ByDepartment, IReadOnlyList<GroupRate> ByGender, IReadOnlyList<GroupRate> ByNativeLanguage, IReadOnlyList<GroupRate> BySchoolManagement, IReadOnlyList<GroupRate> Coverage, IReadOnlyList<DepartmentFigures> Departments);

/// <summary>Matches every stored student and aggregates; only counts leave this class, never a student's data.</summary>
internal sealed class CohortStatistics(IScholarshipMatcher matcher)
{
    public const string UnknownKey = "—";

    /// <summary>The program id of Beca 18's modalities (each modality is one call of the program).</summary>
    public const string Beca18Program = "beca18";

    public CohortReport Build(IReadOnlyList<StoredStudent> students, bool english, DateOnly? asOf = null)
    {
        ArgumentNullException.ThrowIfNull(students);
        var rows = students.Select(s =>
        {
            var report = matcher.Match(s.Profile, new MatchRequest { Explain = false, AsOf = asOf });
            var status = report.Matches.Any(m => m.Verdict == EligibilityVerdict.Eligible) ? 2
                : report.Matches.Any(m => m.Verdict == EligibilityVerdict.Unknown) ? 1 : 0;
            return (s.Profile, Status: status, report.Matches);
        }).ToList();

        List<GroupRate> By(Func<StudentProfile, (string Key, string Label)> key) =>
            rows.GroupBy(r => key(r.Profile))
                .Select(g => new GroupRate(g.Key.Key, g.Key.Label, g.Count(), g.Count(r => r.Status == 2), g.Count(r => r.Status == 1)))
                .OrderBy(g => g.Key == UnknownKey ? 1 : 0).ThenBy(g => g.Key, StringComparer.Ordinal).ToList();

        var unknownLabel = english ? "Not given" : "No indicado";
        var coverage = rows.SelectMany(r => r.Matches)
            .GroupBy(m => (m.ScholarshipId, m.Name))
            .Select(g => new GroupRate(g.Key.ScholarshipId, g.Key.Name, rows.Count, g.Count(m => m.Verdict == EligibilityVerdict.Eligible), g.Count(m => m.Verdict == EligibilityVerdict.Unknown)))
            .OrderByDescending(g => g.Eligible).ThenBy(g => g.Key, StringComparer.Ordinal).ToList();
        var departments = rows.Where(r => r.Profile.ResidenceUbigeo is not null)
            .GroupBy(r => r.Profile.ResidenceUbigeo!.Value.DepartmentCode)
            .OrderBy(g => g.Key)
            .Select(g => new DepartmentFigures(
                g.Key.ToString("D2", System.Globalization.CultureInfo.InvariantCulture),
                DepartmentName(g.Key),
                g.Count(),
                g.Count(r => r.Matches.Any(m => m.Verdict == EligibilityVerdict.Eligible && IsBeca18(m.ScholarshipId))),
                g.Sum(r => r.Matches.Count(m => m.Verdict == EligibilityVerdict.Eligible)),
                g.Count(r => r.Matches.Any(m => m.Verdict == EligibilityVerdict.Unknown))))
            .ToList();
        return new CohortReport(
            rows.Count,
            By(p => p.ResidenceUbigeo is { } u ? (u.DepartmentCode.ToString("D2", System.Globalization.CultureInfo.InvariantCulture), DepartmentName(u.DepartmentCode)) : (UnknownKey, unknownLabel)),
            By(p => p.Gender is { } g ? (g.ToString(), Matcher.Explanations.MatcherText.EnumName(g, Culture(english))) : (UnknownKey, unknownLabel)),
            By(p => p.NativeLanguages is { } langs
                ? (langs.Count > 0 ? ("yes", english ? "Speaks one" : "Habla una") : ("no", english ? "None" : "Ninguna"))
                : (UnknownKey, unknownLabel)),
            By(p => p.BasicEducation?.SchoolManagement is { } m ? (m.ToString(), Matcher.Explanations.MatcherText.EnumName(m, Culture(english))) : (UnknownKey, unknownLabel)),
            coverage,
            departments);
    }

    /// <summary>Whether a call is a Beca 18 modality (catalog ids <c>beca18-YYYY-modality</c>).</summary>
    public static bool IsBeca18(string scholarshipId) =>
        scholarshipId.StartsWith(Beca18Program + "-", StringComparison.Ordinal);

    private static System.Globalization.CultureInfo Culture(bool english) =>
        english ? Matcher.Explanations.MatcherCultures.English : Matcher.Explanations.MatcherCultures.Spanish;

    internal static string DepartmentName(int code) =>
        UbigeoDirectory.Default.Districts.FirstOrDefault(d => d.Ubigeo.DepartmentCode == code)?.Department ?? code.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
