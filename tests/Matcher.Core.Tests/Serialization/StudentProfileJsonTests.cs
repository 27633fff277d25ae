using Matcher.Explanations;
using Matcher.Grades;
using Matcher.Serialization;
using Matcher.Students;

namespace Matcher.Serialization;

public class StudentProfileJsonTests
{
    private const string Full = """
        {
          "id": "st-0001", "nationality": "PE", "birthDate": "2008-05-14", "gender": "female", "residenceUbigeo": "080101",
          "sisfoh": { "classification": "poor", "validUntil": "2027-03-01" }, "monthlyPerCapitaIncome": 450.0,
          "basicEducation": { "modality": "ebr", "status": "graduated", "graduationYear": 2025, "schoolUbigeo": "050404",
            "schoolManagement": "public", "schoolZone": "vraem", "coar": false, "academicRank": "topThird", "gradeAverage": 15.4 },
          "higherEducation": { "status": "enrolled", "institutionType": "university", "management": "public", "currentCycle": 3,
            "academicRank": "topHalf", "degree": "bachelor", "workExperienceMonths": 24 },
          "conditions": { "disability": true, "amazonianNativeCommunity": false, "afroPeruvian": false, "familyProtection": false,
            "violenceVictimRegistry": false, "firefighter": false, "volunteer": false, "orphanhoodLaw31405": false,
            "heavyMetalsExposure": false, "communityHealthAgent": false, "teacherParentCpm": false },
          "militaryServiceMonths": 0, "nativeLanguages": ["quechua"], "previousHigherStudies": false, "holdsScholarship": false,
          "interests": ["enfermería"], "aspirations": "Quiero estudiar enfermería en Huancayo", "extensions": { "school": { "code": 123 } }
        }
        """;

    [Fact]
    public void Parse_ReadsEveryFieldOfTheContractExample()
    {
        var p = StudentProfileJson.Parse(Full);
        Assert.Equal("st-0001", p.Id);
        Assert.Equal(new DateOnly(2008, 5, 14), p.BirthDate);
        Assert.Equal("080101", p.ResidenceUbigeo.ToString());
        Assert.Equal(SisfohLevel.Poor, p.Sisfoh!.Classification);
        Assert.Equal(15.4m, p.BasicEducation!.GradeAverage);
        Assert.Equal(AcademicRank.TopThird, p.BasicEducation.AcademicRank);
        Assert.Equal("050404", p.BasicEducation.SchoolUbigeo.ToString());
        Assert.Equal(Degree.Bachelor, p.HigherEducation!.Degree);
        Assert.True(p.Conditions!.Disability);
        Assert.False(p.Conditions.TeacherParentCpm);
        Assert.Equal(["quechua"], p.NativeLanguages);
        Assert.Equal(123, p.Extensions!["school"].GetProperty("code").GetInt32());
    }

    [Fact]
    public void AbsentAndNull_AreUnknownNotFalse()
    {
        var p = StudentProfileJson.Parse("""{ "id": "a", "conditions": { "disability": null }, "nativeLanguages": null }""");
        Assert.Null(p.Conditions);
        Assert.Null(p.NativeLanguages);
        Assert.Null(p.PreviousHigherStudies);
        Assert.Null(p.BasicEducation);
        Assert.Empty(StudentProfileJson.Parse("""{ "id": "a", "nativeLanguages": [] }""").NativeLanguages!);
    }

    [Theory]
    [InlineData("""{ "id": "a", "favouriteColour": "blue" }""", "$.favouriteColour", "input.unknown-field")]
    [InlineData("""{ "id": "a", "basicEducation": { "gpa": 3.5 } }""", "$.basicEducation.gpa", "input.unknown-field")]
    [InlineData("""{ "id": "a", "basicEducation": { "gradeAverage": 25 } }""", "$.basicEducation.gradeAverage", "input.out-of-range")]
    [InlineData("""{ "id": "a", "basicEducation": { "gradeAverage": "15" } }""", "$.basicEducation.gradeAverage", "input.expected-type")]
    [InlineData("""{ "id": "a", "residenceUbigeo": "999999" }""", "$.residenceUbigeo", "input.unknown-ubigeo")]
    [InlineData("""{ "id": "a", "residenceUbigeo": "80101" }""", "$.residenceUbigeo", "input.invalid-ubigeo")]
    [InlineData("""{ "id": "a", "birthDate": "2025-02-30" }""", "$.birthDate", "input.invalid-date")]
    [InlineData("""{ "id": "a", "birthDate": "14/05/2008" }""", "$.birthDate", "input.invalid-date")]
    [InlineData("""{ "id": "a", "sisfoh": { "classification": "Poor" } }""", "$.sisfoh.classification", "input.invalid-enum")]
    [InlineData("""{ "id": "a", "gender": "f" }""", "$.gender", "input.invalid-enum")]
    [InlineData("""{ "id": "a", "nationality": "PER" }""", "$.nationality", "input.invalid-country")]
    [InlineData("""{ "id": "a", "conditions": { "disability": "yes" } }""", "$.conditions.disability", "input.expected-type")]
    [InlineData("""{ "id": "a", "higherEducation": { "currentCycle": 2.5 } }""", "$.higherEducation.currentCycle", "input.expected-type")]
    [InlineData("""{ "nationality": "PE" }""", "$.id", "input.required")]
    [InlineData("""{ "id": "a", "id": "b" }""", "$.id", "input.duplicate-field")]
    [InlineData("""[ { "id": "a" } ]""", "$", "input.expected-type")]
    [InlineData("""{ "id": "a", """, "$", "input.invalid-json")]
    public void InvalidInput_IsAnErrorNamingThePath(string json, string path, string code)
    {
        var ex = Assert.Throws<MatcherInputException>(() => StudentProfileJson.Parse(json, "student.json"));
        var error = Assert.Single(ex.Errors, e => e.Path == path);
        Assert.Equal(code, error.Code);
        Assert.Equal("student.json", error.Source);
        Assert.Contains(path, error.Describe(), StringComparison.Ordinal);
    }

    [Fact]
    public void EveryErrorInTheDocumentIsReportedAtOnce()
    {
        var ex = Assert.Throws<MatcherInputException>(() => StudentProfileJson.Parse(
            """{ "id": "a", "birthDate": "2025-13-01", "basicEducation": { "gradeAverage": 21, "academicRank": "best" }, "extra": 1 }"""));
        Assert.Equal(
            ["$.basicEducation.academicRank", "$.basicEducation.gradeAverage", "$.birthDate", "$.extra"],
            ex.Errors.Select(e => e.Path).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Errors_AreRenderedInSpanishByDefaultAndInEnglishOnRequest()
    {
        var ex = Assert.Throws<MatcherInputException>(() => StudentProfileJson.Parse("""{ "id": "a", "basicEducation": { "gradeAverage": 25 } }""", "alumna.json"));
        var error = Assert.Single(ex.Errors);
        Assert.Equal("alumna.json: $.basicEducation.gradeAverage: 25 está fuera del rango permitido (0 a 20).", error.Describe());
        Assert.Equal("alumna.json: $.basicEducation.gradeAverage: 25 is outside the allowed range (0 to 20).", error.Describe(MatcherCultures.English));
    }

    [Fact]
    public void JsonLinesErrors_CarryTheLine()
    {
        Assert.False(StudentProfileJson.TryParse("""{ "id": "a", "gender": "x" }"""u8.ToArray(), out _, out var errors, "batch.jsonl", 7));
        Assert.Equal("batch.jsonl:línea 7: $.gender: «x» no es un valor válido (valores válidos: female, male, other, undisclosed).", Assert.Single(errors).Describe());
    }

    [Fact]
    public void Serialize_RoundTripsTheContractExample()
    {
        var once = StudentProfileJson.Serialize(StudentProfileJson.Parse(Full));
        var twice = StudentProfileJson.Serialize(StudentProfileJson.Parse(once));
        Assert.Equal(once, twice);
        Assert.Contains("\"residenceUbigeo\":\"080101\"", once, StringComparison.Ordinal);
        Assert.Contains("\"aspirations\":\"Quiero estudiar enfermería en Huancayo\"", once, StringComparison.Ordinal);
    }

    [Fact]
    public void NativeLanguages_AreNormalizedToLowercase() =>
        Assert.Equal(["quechua", "aimara"], StudentProfileJson.Parse("""{ "id": "a", "nativeLanguages": ["Quechua", " aimara ", "QUECHUA"] }""").NativeLanguages);
}
