using Matcher.Grades;
using Matcher.Parsing.Internal;
using Matcher.Serialization;
using Matcher.Students;

namespace Matcher.Parsing;

public class OfflineStudentProfileParserTests
{
    private static readonly OfflineStudentProfileParser Parser = new();

    [Fact]
    public void SelfDescription_BecomesAContractProfile_WithEvidence()
    {
        const string text = "Hola, soy peruana y nací el 14 de mayo de 2008. Vivo en Huanta, Ayacucho. Estoy en quinto de secundaria en un colegio público y estoy en el tercio superior, mi promedio es 15,4. " +
            "Mi familia es pobre extremo según el SISFOH. Hablo quechua y castellano. Tengo discapacidad, registrada en el CONADIS. No tengo ninguna beca. Quiero estudiar enfermería en Huancayo.";
        var result = Parser.Parse(text, "st-1");
        var p = result.Draft;
        Assert.Equal("PE", p.Nationality);
        Assert.Equal(new DateOnly(2008, 5, 14), p.BirthDate);
        Assert.Equal("050401", p.ResidenceUbigeo?.ToString());
        Assert.Equal(BasicEducationStatus.InLastGrade, p.BasicEducation?.Status);
        Assert.Equal(Management.Public, p.BasicEducation?.SchoolManagement);
        Assert.Equal(AcademicRank.TopThird, p.BasicEducation?.AcademicRank);
        Assert.Equal(15.4m, p.BasicEducation?.GradeAverage);
        Assert.Equal(SisfohLevel.ExtremePoor, p.Sisfoh?.Classification);
        Assert.Equal(["quechua"], p.NativeLanguages);
        Assert.True(p.Conditions?.Disability);
        Assert.False(p.HoldsScholarship);
        Assert.Equal(["enfermería"], p.Interests);
        Assert.Null(p.Gender);
        Assert.All(result.Evidence, e => Assert.Equal(e.Quote, e.Span.Of(text)));

        var json = StudentProfileJson.Serialize(p);
        Assert.True(StudentProfileJson.TryParse(System.Text.Encoding.UTF8.GetBytes(json), out _, out var errors), string.Join("; ", errors));
    }

    [Fact]
    public void AgeWithoutBirthDate_AndDepartmentWithoutDistrict_AreIssues()
    {
        var result = Parser.Parse("Tengo 17 años y vivo en Cusco.", "st-2");
        Assert.Null(result.Draft.BirthDate);
        Assert.Null(result.Draft.ResidenceUbigeo);
        Assert.Contains(result.Issues, i => i.Code == "parse.age-without-birth-date" && i.Path == "$.birthDate");
        Assert.Contains(result.Issues, i => i.Code == "parse.district-needed" && i.Path == "$.residenceUbigeo");
        Assert.Equal(17, result.Draft.Extensions!["statedAge"].GetInt32());
    }

    [Fact]
    public void NegatedConditions_AreKnownFalse_AndGradesOutsideTheScaleAreIssues()
    {
        var result = Parser.Parse("No tengo discapacidad. Mi promedio es 35.", "st-3");
        Assert.False(result.Draft.Conditions?.Disability);
        Assert.Null(result.Draft.BasicEducation?.GradeAverage);
        Assert.Contains(result.Issues, i => i.Code == "parse.out-of-range");
    }

    [Fact]
    public void StatesNothing_GivesAnEmptyDraft()
    {
        var result = Parser.Parse("Buenas tardes.", "st-4");
        Assert.Equal(new StudentProfile { Id = "st-4" }, result.Draft);
        Assert.Empty(result.Evidence);
    }
}
