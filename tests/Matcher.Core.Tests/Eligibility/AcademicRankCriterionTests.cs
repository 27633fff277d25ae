using Matcher.Eligibility.Criteria;
using Matcher.Grades;
using Matcher.Students;
using static Matcher.Eligibility.CriterionTestKit;

namespace Matcher.Eligibility;

public class AcademicRankCriterionTests
{
    private static readonly AcademicRankCriterion TopThirdOrCoar = new(EducationLevel.Basic, AcademicRank.TopThird, coarCounts: true);

    private static StudentProfile With(AcademicRank? rank, bool? coar) =>
        Student(s => s with { BasicEducation = new BasicEducation { AcademicRank = rank, Coar = coar } });

    [Theory]
    [InlineData(AcademicRank.FirstPlace)]
    [InlineData(AcademicRank.SecondPlace)]
    [InlineData(AcademicRank.TopTenth)]
    [InlineData(AcademicRank.TopFifth)]
    [InlineData(AcademicRank.TopThird)]
    public void AtOrAboveTheBar_Passes(AcademicRank rank) => Assert.Equal(Verdict.Pass, Eval(TopThirdOrCoar, With(rank, false)).Verdict);

    [Theory]
    [InlineData(AcademicRank.TopHalf)]
    [InlineData(AcademicRank.BelowHalf)]
    public void BelowTheBar_FailsForANonCoarStudent(AcademicRank rank)
    {
        var outcome = Eval(TopThirdOrCoar, With(rank, false));
        Assert.Equal(Verdict.Fail, outcome.Verdict);
        Assert.Equal("academic-rank.below", outcome.Code);
    }

    [Fact]
    public void Coar_MeetsHighPerformanceWhateverTheRank()
    {
        var outcome = Eval(TopThirdOrCoar, With(AcademicRank.BelowHalf, true));
        Assert.Equal(Verdict.Pass, outcome.Verdict);
        Assert.Equal("academic-rank.coar", outcome.Code);
        Assert.Equal(Verdict.Pass, Eval(TopThirdOrCoar, With(null, true)).Verdict);
    }

    [Fact]
    public void BelowTheBarWithCoarUnknown_IsUnknownAndAsksAboutCoar()
    {
        var outcome = Eval(TopThirdOrCoar, With(AcademicRank.TopHalf, null));
        Assert.Equal(Verdict.Unknown, outcome.Verdict);
        Assert.Equal(["basicEducation.coar"], outcome.Missing);
    }

    [Fact]
    public void UnknownRank_IsUnknown() =>
        Assert.Equal(["basicEducation.academicRank"], Eval(TopThirdOrCoar, With(null, false)).Missing);

    [Fact]
    public void WithoutCoarRule_CoarDoesNotCount() =>
        Assert.Equal(Verdict.Fail, Eval(new AcademicRankCriterion(EducationLevel.Basic, AcademicRank.TopThird), With(AcademicRank.TopHalf, true)).Verdict);

    [Fact]
    public void HigherLevel_ReadsTheHigherEducationRank()
    {
        var criterion = new AcademicRankCriterion(EducationLevel.Higher, AcademicRank.TopHalf);
        var student = Student(s => s with
        {
            BasicEducation = new BasicEducation { AcademicRank = AcademicRank.BelowHalf },
            HigherEducation = new HigherEducation { AcademicRank = AcademicRank.TopHalf },
        });
        Assert.Equal(Verdict.Pass, Eval(criterion, student).Verdict);
        Assert.Equal(["higherEducation.academicRank"], Eval(criterion, Student()).Missing);
    }

    [Fact]
    public void CoarRule_IsRejectedForHigherEducation() =>
        Assert.Throws<ArgumentException>(() => new AcademicRankCriterion(EducationLevel.Higher, AcademicRank.TopHalf, coarCounts: true));
}
