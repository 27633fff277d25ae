using Matcher.Grades;
using Matcher.Serialization;
using Matcher.Students;

namespace Matcher.Serialization;

public class StudentProfileCsvTests
{
    private static readonly string[] Header =
        ["id", "birthDate", "basicEducation.academicRank", "basicEducation.gradeAverage", "conditions.disability", "nativeLanguages", "extensions.school"];

    [Fact]
    public void TryRead_BuildsTheProfileFromFlattenedColumns()
    {
        Assert.True(StudentProfileCsv.TryRead(Header, ["st-1", "2008-05-14", "topThird", "15.4", "true", "quechua|aimara", "IE 123"], 2, out var p, out var errors), string.Join("; ", errors));
        Assert.Equal(AcademicRank.TopThird, p.BasicEducation!.AcademicRank);
        Assert.Equal(15.4m, p.BasicEducation.GradeAverage);
        Assert.True(p.Conditions!.Disability);
        Assert.Equal(["quechua", "aimara"], p.NativeLanguages);
        Assert.Equal("IE 123", p.Extensions!["school"].GetString());
    }

    [Fact]
    public void EmptyCells_AreUnknown()
    {
        Assert.True(StudentProfileCsv.TryRead(Header, ["st-1", "", " ", "", "", "", ""], 2, out var p, out _));
        Assert.Null(p.BirthDate);
        Assert.Null(p.BasicEducation);
        Assert.Null(p.Conditions);
        Assert.Null(p.NativeLanguages);
    }

    [Fact]
    public void BadCells_AreReportedByLineAndColumn()
    {
        Assert.False(StudentProfileCsv.TryRead(Header, ["st-1", "2008-02-30", "tercio", "15,4", "si", "", ""], 12, out _, out var errors, "clase.csv"));
        Assert.Equal(
            [
                ("basicEducation.academicRank", "input.invalid-enum"),
                ("basicEducation.gradeAverage", "input.invalid-number"),
                ("birthDate", "input.invalid-date"),
                ("conditions.disability", "input.invalid-boolean"),
            ],
            errors.Select(e => (e.Path, e.Code)).Order());
        Assert.All(errors, e => Assert.Equal(12, e.Line));
        Assert.Equal("clase.csv:línea 12: basicEducation.gradeAverage: «15,4» no es un número (usa punto decimal, por ejemplo 15.4).", errors.First(e => e.Path == "basicEducation.gradeAverage").Describe());
    }

    [Fact]
    public void DomainErrors_NameTheColumnNotTheJsonPath()
    {
        Assert.False(StudentProfileCsv.TryRead(Header, ["st-1", "2008-02-30", "tercio", "25", "", "", ""], 3, out _, out var errors));
        Assert.Equal(["basicEducation.academicRank", "basicEducation.gradeAverage", "birthDate"], errors.Select(e => e.Path).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void ValidateHeader_RejectsUnknownDuplicateAndMissingIdColumns()
    {
        var errors = StudentProfileCsv.ValidateHeader(["name", "birthDate", "birthDate"], "clase.csv");
        Assert.Equal(["input.csv-unknown-column", "input.duplicate-field", "input.csv-missing-id-column"], errors.Select(e => e.Code));
        Assert.Empty(StudentProfileCsv.ValidateHeader(StudentProfileCsv.KnownColumns.ToArray()));
    }

    [Fact]
    public void RowsWithTheWrongNumberOfCells_AreRejected()
    {
        Assert.False(StudentProfileCsv.TryRead(Header, ["st-1", "2008-05-14"], 4, out _, out var errors));
        Assert.Equal("input.csv-field-count", Assert.Single(errors).Code);
    }

    [Fact]
    public void KnownColumns_FollowTheContractOrder()
    {
        Assert.Equal("id", StudentProfileCsv.KnownColumns[0]);
        Assert.Contains("conditions.teacherParentCpm", StudentProfileCsv.KnownColumns);
        Assert.Equal("aspirations", StudentProfileCsv.KnownColumns[^1]);
    }
}
