using Matcher.Eligibility.Criteria;
using Matcher.Geography;
using Matcher.Students;
using static Matcher.Eligibility.CriterionTestKit;

namespace Matcher.Eligibility;

public class OtherCriteriaTests
{
    [Theory]
    [InlineData(14.0, Verdict.Pass)]
    [InlineData(13.99, Verdict.Fail)]
    [InlineData(20.0, Verdict.Pass)]
    public void GradeAverage_BarIsInclusive(double grade, Verdict expected) =>
        Assert.Equal(expected, Eval(new GradeAverageCriterion(14m), Student(s => s with { BasicEducation = new BasicEducation { GradeAverage = (decimal)grade } })).Verdict);

    [Fact]
    public void GradeAverage_UnknownAsksForTheAverage() =>
        Assert.Equal(["basicEducation.gradeAverage"], Eval(new GradeAverageCriterion(12m), Student()).Missing);

    [Theory]
    [InlineData(7910.0, Verdict.Pass)]
    [InlineData(7910.01, Verdict.Fail)]
    public void Income_CeilingIsInclusive(double income, Verdict expected) =>
        Assert.Equal(expected, Eval(new IncomeCriterion(7910m), Student(s => s with { MonthlyPerCapitaIncome = (decimal)income })).Verdict);

    [Fact]
    public void BasicEducation_AKnownValueOutsideTheListFailsEvenIfTheOtherIsUnknown()
    {
        var criterion = new BasicEducationCriterion([EducationModality.Ebe], [BasicEducationStatus.Graduated]);
        var outcome = Eval(criterion, Student(s => s with { BasicEducation = new BasicEducation { Modality = EducationModality.Ebr } }));
        Assert.Equal(Verdict.Fail, outcome.Verdict);
        Assert.Equal("basic-education.modality-not-accepted", outcome.Code);
    }

    [Fact]
    public void BasicEducation_ListsEachAbsentFact()
    {
        var criterion = new BasicEducationCriterion([EducationModality.Ebr], [BasicEducationStatus.Graduated]);
        Assert.Equal(["basicEducation.modality", "basicEducation.status"], Eval(criterion, Student()).Missing);
        Assert.Equal(["basicEducation.status"], Eval(criterion, Student(s => s with { BasicEducation = new BasicEducation { Modality = EducationModality.Ebr } })).Missing);
    }

    [Theory]
    [InlineData("09", "090101", Verdict.Pass)]
    [InlineData("0901", "090101", Verdict.Pass)]
    [InlineData("090101", "090101", Verdict.Pass)]
    [InlineData("0902", "090101", Verdict.Fail)]
    [InlineData("15", "090101", Verdict.Fail)]
    public void Ubigeo_MatchesDepartmentProvinceOrDistrict(string area, string district, Verdict expected)
    {
        var criterion = new UbigeoCriterion(UbigeoFact.Residence, [UbigeoArea.Parse(area)]);
        Assert.Equal(expected, Eval(criterion, Student(s => s with { ResidenceUbigeo = Ubigeo.Parse(district) })).Verdict);
    }

    [Fact]
    public void Ubigeo_SchoolReadsTheSchoolDistrict()
    {
        var criterion = new UbigeoCriterion(UbigeoFact.School, [UbigeoArea.Parse("05")]);
        var student = Student(s => s with { ResidenceUbigeo = Ubigeo.Parse("150101"), BasicEducation = new BasicEducation { SchoolUbigeo = Ubigeo.Parse("050101") } });
        Assert.Equal(Verdict.Pass, Eval(criterion, student).Verdict);
        Assert.Equal(["basicEducation.schoolUbigeo"], Eval(criterion, Student(s => s with { ResidenceUbigeo = Ubigeo.Parse("050101") })).Missing);
    }

    [Fact]
    public void Condition_IsThreeValued()
    {
        var criterion = new ConditionCriterion(PriorityCondition.FamilyProtection);
        Assert.Equal(Verdict.Pass, Eval(criterion, Student(s => s with { Conditions = new ConditionSet { FamilyProtection = true } })).Verdict);
        Assert.Equal(Verdict.Fail, Eval(criterion, Student(s => s with { Conditions = new ConditionSet { FamilyProtection = false } })).Verdict);
        Assert.Equal(["conditions.familyProtection"], Eval(criterion, Student(s => s with { Conditions = new ConditionSet() })).Missing);
    }

    [Fact]
    public void NativeLanguage_EmptyListMeansNoneAndFails()
    {
        var any = new NativeLanguageCriterion();
        Assert.Equal(Verdict.Fail, Eval(any, Student(s => s with { NativeLanguages = [] })).Verdict);
        Assert.Equal(Verdict.Pass, Eval(any, Student(s => s with { NativeLanguages = ["asháninka"] })).Verdict);
        Assert.Equal(["nativeLanguages"], Eval(any, Student()).Missing);
        Assert.Equal(Verdict.Fail, Eval(new NativeLanguageCriterion(["aimara"]), Student(s => s with { NativeLanguages = ["quechua"] })).Verdict);
    }

    [Theory]
    [InlineData(11, Verdict.Fail)]
    [InlineData(12, Verdict.Pass)]
    public void MilitaryService_MinimumMonthsIsInclusive(int months, Verdict expected) =>
        Assert.Equal(expected, Eval(new MilitaryServiceCriterion(12), Student(s => s with { MilitaryServiceMonths = months })).Verdict);

    [Theory]
    [InlineData(1, Verdict.Fail)]
    [InlineData(2, Verdict.Pass)]
    [InlineData(10, Verdict.Pass)]
    [InlineData(11, Verdict.Fail)]
    public void CurrentCycle_BoundsAreInclusive(int cycle, Verdict expected) =>
        Assert.Equal(expected, Eval(new CurrentCycleCriterion(2, 10), Student(s => s with { HigherEducation = new HigherEducation { CurrentCycle = cycle } })).Verdict);

    [Fact]
    public void PreviousStudiesAndCurrentScholarship_AreThreeValued()
    {
        Assert.Equal(Verdict.Pass, Eval(new NoPreviousHigherStudiesCriterion(), Student(s => s with { PreviousHigherStudies = false })).Verdict);
        Assert.Equal(Verdict.Fail, Eval(new NoPreviousHigherStudiesCriterion(), Student(s => s with { PreviousHigherStudies = true })).Verdict);
        Assert.Equal(["holdsScholarship"], Eval(new NoCurrentScholarshipCriterion(), Student()).Missing);
        Assert.Equal(Verdict.Fail, Eval(new NoCurrentScholarshipCriterion(), Student(s => s with { HoldsScholarship = true })).Verdict);
    }

    [Fact]
    public void SetCriteria_ReadTheirFacts()
    {
        var student = Student(s => s with
        {
            Nationality = "PE",
            Gender = Gender.Female,
            BasicEducation = new BasicEducation { SchoolManagement = Management.Public, SchoolZone = SchoolZone.Vraem },
            HigherEducation = new HigherEducation { Status = HigherEducationStatus.Enrolled, InstitutionType = InstitutionType.University, Management = Management.Public, Degree = Degree.Bachelor },
        });
        Assert.Equal(Verdict.Pass, Eval(new NationalityCriterion(["PE"]), student).Verdict);
        Assert.Equal(Verdict.Fail, Eval(new NationalityCriterion(["CO"]), student).Verdict);
        Assert.Equal(Verdict.Pass, Eval(new GenderCriterion([Gender.Female]), student).Verdict);
        Assert.Equal(Verdict.Pass, Eval(new SchoolManagementCriterion([Management.Public]), student).Verdict);
        Assert.Equal(Verdict.Fail, Eval(new SchoolZoneCriterion([SchoolZone.Huallaga]), student).Verdict);
        Assert.Equal(Verdict.Pass, Eval(new HigherEducationStatusCriterion([HigherEducationStatus.Enrolled]), student).Verdict);
        Assert.Equal(Verdict.Pass, Eval(new InstitutionTypeCriterion([InstitutionType.University]), student).Verdict);
        Assert.Equal(Verdict.Fail, Eval(new InstitutionManagementCriterion([Management.Private]), student).Verdict);
        Assert.Equal(Verdict.Pass, Eval(new DegreeCriterion([Degree.Bachelor, Degree.Master]), student).Verdict);
        Assert.Equal(["higherEducation.degree"], Eval(new DegreeCriterion([Degree.Bachelor]), Student()).Missing);
    }
}
