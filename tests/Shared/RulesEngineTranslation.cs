using System.Globalization;
using System.Text;
using Matcher.Catalog;
using Matcher.Eligibility;
using Matcher.Eligibility.Criteria;
using Matcher.Geography;
using Matcher.Indexing.Columns;
using Matcher.Students;
using RulesEngine.Models;

namespace Matcher.Testing;

/// <summary>
/// The catalog's criteria written as Microsoft RulesEngine workflows (one workflow per scholarship, one rule per
/// criterion) over a flat input, so that the benchmarks compare engines on identical rules. Two-valued: it is meant for
/// profiles with every fact known, where "unknown" cannot occur.
/// </summary>
internal static class RulesEngineTranslation
{
    public static Workflow[] Workflows(CatalogSnapshot snapshot, DateOnly asOf) =>
        snapshot.Scholarships.Select(s => new Workflow
        {
            WorkflowName = s.Id,
            // A call without checkable requirements still needs one rule: it is always met.
            Rules = s.Criteria.Count == 0
                ? [new Rule { RuleName = s.Id + "/open", Expression = "true" }]
                : s.Criteria.Select((c, i) => new Rule
                {
                    RuleName = s.Id + "/" + i.ToString(CultureInfo.InvariantCulture),
                    Expression = Expression(c, asOf, s.Call.AgeReferenceDate ?? asOf),
                }).ToList(),
        }).ToArray();

    public static string Expression(Criterion criterion, DateOnly asOf, DateOnly reference)
    {
        string Or(IEnumerable<string> parts) => "(" + string.Join(" || ", parts) + ")";
        string In<T>(string field, IEnumerable<T> values)
            where T : struct, Enum => Or(values.Select(v => $"input1.{field} == {Convert.ToInt32(v, CultureInfo.InvariantCulture)}"));
        string Num(decimal d) => d.ToString(CultureInfo.InvariantCulture) + "m";

        return criterion switch
        {
            NationalityCriterion n => Or(n.In.Select(c => $"input1.Nationality == \"{c}\"")),
            AgeCriterion a => AgeExpression(a, reference),
            SisfohCriterion s => "(" + In("Sisfoh", s.In) + (s.RequireValid ? $" && input1.SisfohValidUntil >= {asOf.DayNumber}" : string.Empty) + ")",
            AcademicRankCriterion r => "(" + (r.Level == EducationLevel.Basic ? "input1.BasicRank" : "input1.HigherRank") + $" <= {(int)r.AtLeast}" + (r.CoarCounts ? " || input1.Coar" : string.Empty) + ")",
            GradeAverageCriterion g => $"input1.GradeAverage >= {Num(g.AtLeast)}",
            IncomeCriterion i => $"input1.Income <= {Num(i.AtMost)}",
            BasicEducationCriterion b => "(" + string.Join(" && ", new[] { b.Modalities is null ? null : In("Modality", b.Modalities), b.Statuses is null ? null : In("Status", b.Statuses) }.OfType<string>()) + ")",
            GraduationYearCriterion y => Range("GraduationYear", y.AtLeast, y.AtMost),
            CurrentCycleCriterion c => Range("CurrentCycle", c.AtLeast, c.AtMost),
            WorkExperienceCriterion w => Range("WorkExperienceMonths", w.AtLeast, w.AtMost),
            MilitaryServiceCriterion m => Range("MilitaryServiceMonths", m.AtLeast, m.AtMost),
            SchoolManagementCriterion c => In("SchoolManagement", c.In),
            SchoolZoneCriterion c => In("SchoolZone", c.In),
            HigherEducationStatusCriterion c => In("HigherStatus", c.In),
            InstitutionTypeCriterion c => In("InstitutionType", c.In),
            InstitutionManagementCriterion c => In("InstitutionManagement", c.In),
            DegreeCriterion c => In("Degree", c.In),
            GenderCriterion c => In("Gender", c.In),
            ConditionCriterion c => $"input1.Conditions.Contains({(int)c.Condition})",
            UbigeoCriterion u => Or(u.In.Select(area => $"input1.{(u.Fact == UbigeoFact.Residence ? "Residence" : "School")}{area.Digits} == {area.Code}")),
            NativeLanguageCriterion l => l.In is null ? "input1.Languages.Count > 0" : Or(l.In.Select(x => $"input1.Languages.Contains(\"{x}\")")),
            NoPreviousHigherStudiesCriterion => "input1.PreviousHigherStudies == false",
            NoCurrentScholarshipCriterion => "input1.HoldsScholarship == false",
            AllOfCriterion all => "(" + string.Join(" && ", all.Criteria.Select(c => Expression(c, asOf, reference))) + ")",
            AnyOfCriterion any => Or(any.Criteria.Select(c => Expression(c, asOf, reference))),
            NotCriterion not => "!(" + Expression(not.Inner, asOf, reference) + ")",
            _ => throw new NotSupportedException(criterion.Type),
        };
    }

    private static string AgeExpression(AgeCriterion a, DateOnly reference)
    {
        var bounds = new StringBuilder("(true");
        if (a.AtMost is not null || a.LessThan is not null)
        {
            bounds.Append(CultureInfo.InvariantCulture, $" && input1.BirthDay >= {AgeColumn.EarliestBirth(a, reference)}");
        }

        if (a.AtLeast is not null)
        {
            bounds.Append(CultureInfo.InvariantCulture, $" && input1.BirthDay <= {AgeColumn.LatestBirth(a, reference)}");
        }

        bounds.Append(')');
        return a.ExemptIfDisability ? $"(input1.Conditions.Contains({(int)PriorityCondition.Disability}) || {bounds})" : bounds.ToString();
    }

    private static string Range(string field, int? min, int? max) =>
        "(" + string.Join(" && ", new[] { min is null ? null : $"input1.{field} >= {min}", max is null ? null : $"input1.{field} <= {max}" }.OfType<string>()) + ")";
}

/// <summary>A complete profile flattened for RulesEngine expressions.</summary>
public sealed class RulesInput
{
    public RulesInput(StudentProfile p)
    {
        Nationality = p.Nationality!;
        BirthDay = p.BirthDate!.Value.DayNumber;
        Gender = (int)p.Gender!.Value;
        var r = p.ResidenceUbigeo!.Value;
        (Residence2, Residence4, Residence6) = (r.DepartmentCode, r.ProvinceCode, r.Value);
        Sisfoh = (int)p.Sisfoh!.Classification!.Value;
        SisfohValidUntil = p.Sisfoh.ValidUntil!.Value.DayNumber;
        Income = p.MonthlyPerCapitaIncome!.Value;
        var b = p.BasicEducation!;
        (Modality, Status, GraduationYear) = ((int)b.Modality!.Value, (int)b.Status!.Value, b.GraduationYear!.Value);
        var school = b.SchoolUbigeo!.Value;
        (School2, School4, School6) = (school.DepartmentCode, school.ProvinceCode, school.Value);
        (SchoolManagement, SchoolZone, Coar, BasicRank, GradeAverage) = ((int)b.SchoolManagement!.Value, (int)b.SchoolZone!.Value, b.Coar!.Value, (int)b.AcademicRank!.Value, b.GradeAverage!.Value);
        var h = p.HigherEducation!;
        (HigherStatus, InstitutionType, InstitutionManagement, CurrentCycle, HigherRank, Degree, WorkExperienceMonths) =
            ((int)h.Status!.Value, (int)h.InstitutionType!.Value, (int)h.Management!.Value, h.CurrentCycle!.Value, (int)h.AcademicRank!.Value, (int)h.Degree!.Value, h.WorkExperienceMonths!.Value);
        Conditions = Enum.GetValues<PriorityCondition>().Where(c => p.Conditions!.Get(c) == true).Select(c => (int)c).ToList();
        MilitaryServiceMonths = p.MilitaryServiceMonths!.Value;
        Languages = [.. p.NativeLanguages!];
        PreviousHigherStudies = p.PreviousHigherStudies!.Value;
        HoldsScholarship = p.HoldsScholarship!.Value;
    }

#pragma warning disable CS1591, SA1600 // Flat facts named after the profile's.
    public string Nationality { get; }
    public int BirthDay { get; }
    public int Gender { get; }
    public int Residence2 { get; }
    public int Residence4 { get; }
    public int Residence6 { get; }
    public int Sisfoh { get; }
    public int SisfohValidUntil { get; }
    public decimal Income { get; }
    public int Modality { get; }
    public int Status { get; }
    public int GraduationYear { get; }
    public int School2 { get; }
    public int School4 { get; }
    public int School6 { get; }
    public int SchoolManagement { get; }
    public int SchoolZone { get; }
    public bool Coar { get; }
    public int BasicRank { get; }
    public decimal GradeAverage { get; }
    public int HigherStatus { get; }
    public int InstitutionType { get; }
    public int InstitutionManagement { get; }
    public int CurrentCycle { get; }
    public int HigherRank { get; }
    public int Degree { get; }
    public int WorkExperienceMonths { get; }
    public List<int> Conditions { get; }
    public int MilitaryServiceMonths { get; }
    public List<string> Languages { get; }
    public bool PreviousHigherStudies { get; }
    public bool HoldsScholarship { get; }
#pragma warning restore CS1591, SA1600
}
