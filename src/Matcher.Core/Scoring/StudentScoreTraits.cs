using System.Globalization;
using System.Text;
using Matcher.Geography;
using Matcher.Grades;
using Matcher.Students;

namespace Matcher.Scoring;

/// <summary>The parts of a score that depend only on the student, computed once per match.</summary>
internal readonly struct StudentScoreTraits
{
    public StudentScoreTraits(StudentProfile student, UbigeoDirectory geography, Func<string, string>? fold = null)
    {
        fold ??= Fold;
        Need = ComputeNeed(student, geography);
        BasicStrength = student.BasicEducation?.Coar == true ? AcademicRank.TopTenth.Strength()
            : student.BasicEducation?.AcademicRank is { } r ? r.Strength()
            : student.BasicEducation?.GradeAverage is { } g ? (double)g / 20
            : 0.5;
        HigherStrength = student.HigherEducation?.AcademicRank is { } hr ? hr.Strength() : 0.5;
        Interests = student.Interests is { Count: > 0 } list ? list.Select(fold).Where(i => i.Length > 0).ToArray() : null;
        var h = student.HigherEducation;
        HasDegree = h?.Degree is Degree.Bachelor or Degree.ProfessionalTitle or Degree.Master or Degree.Doctorate;
        Studying = h?.Status is HigherEducationStatus.Enrolled or HigherEducationStatus.Admitted;
        SchoolLeaver = student.BasicEducation?.Status is BasicEducationStatus.InLastGrade or BasicEducationStatus.Graduated && !HasDegree && !Studying;
    }

    /// <summary>0–1 economic need: mostly the SISFOH classification, with the district's poverty rate as a second signal.</summary>
    public double Need { get; }

    public double BasicStrength { get; }

    public double HigherStrength { get; }

    public string[]? Interests { get; }

    public bool HasDegree { get; }

    public bool Studying { get; }

    public bool SchoolLeaver { get; }

    internal static string Fold(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var ch in text.Trim().ToLowerInvariant().Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(ch) != UnicodeCategory.NonSpacingMark)
            {
                sb.Append(ch);
            }
        }

        return sb.ToString();
    }

    private static double ComputeNeed(StudentProfile student, UbigeoDirectory geography)
    {
        double? sisfoh = student.Sisfoh?.Classification switch
        {
            SisfohLevel.ExtremePoor => 1.0,
            SisfohLevel.Poor => 0.75,
            SisfohLevel.NotPoor => 0.25,
            _ => null,
        };
        double? district = student.ResidenceUbigeo is { } u && geography.Find(u)?.PovertyPercent is { } pct ? pct / 100 : null;
        return (sisfoh, district) switch
        {
            ({ } s, { } d) => (0.8 * s) + (0.2 * d),
            ({ } s, null) => s,
            (null, { } d) => d,
            _ => 0.5,
        };
    }
}
