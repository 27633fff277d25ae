using Matcher.Eligibility.Criteria;
using Matcher.Students;
using static Matcher.Eligibility.CriterionTestKit;

namespace Matcher.Eligibility;

public class AgeCriterionTests
{
    private static readonly AgeCriterion UnderTwentyTwo = new(lessThan: 22, exemptIfDisability: true);

    [Fact]
    public void AgeOn_BirthdayOnTheDateCounts()
    {
        Assert.Equal(22, AgeCriterion.AgeOn(new DateOnly(2003, 9, 5), ReferenceDate));
        Assert.Equal(21, AgeCriterion.AgeOn(new DateOnly(2003, 9, 6), ReferenceDate));
    }

    [Fact]
    public void AgeOn_LeapDayBirthdayTurnsOnTheLastDayOfFebruary()
    {
        Assert.Equal(21, AgeCriterion.AgeOn(new DateOnly(2004, 2, 29), new DateOnly(2025, 2, 28)));
        Assert.Equal(20, AgeCriterion.AgeOn(new DateOnly(2004, 2, 29), new DateOnly(2025, 2, 27)));
    }

    [Fact]
    public void LessThan_FailsOnTheTwentySecondBirthdayAtTheReferenceDate()
    {
        var outcome = Eval(UnderTwentyTwo, Student(s => s with { BirthDate = new DateOnly(2003, 9, 5), Conditions = new ConditionSet { Disability = false } }));
        Assert.Equal(Verdict.Fail, outcome.Verdict);
        Assert.Equal("age.over-limit", outcome.Code);
        Assert.Equal(22, outcome.Values["age"]);
    }

    [Fact]
    public void LessThan_PassesTheDayBeforeTheTwentySecondBirthday()
    {
        var outcome = Eval(UnderTwentyTwo, Student(s => s with { BirthDate = new DateOnly(2003, 9, 6), Conditions = new ConditionSet { Disability = false } }));
        Assert.Equal(Verdict.Pass, outcome.Verdict);
        Assert.Equal("age.within-limits", outcome.Code);
    }

    [Fact]
    public void AgeIsComputedAtTheReferenceDateNotTheEvaluationDate()
    {
        // 22 on 2025-09-10: under 22 on the Bases date (2025-09-05) even though 22 on the evaluation date.
        var student = Student(s => s with { BirthDate = new DateOnly(2003, 9, 10), Conditions = new ConditionSet { Disability = false } });
        Assert.Equal(Verdict.Pass, Eval(UnderTwentyTwo, student).Verdict);
        Assert.Equal(Verdict.Fail, Eval(UnderTwentyTwo, student, reference: AsOf).Verdict);
    }

    [Fact]
    public void Disability_LiftsTheLimit()
    {
        var outcome = Eval(UnderTwentyTwo, Student(s => s with { BirthDate = new DateOnly(1990, 1, 1), Conditions = new ConditionSet { Disability = true } }));
        Assert.Equal(Verdict.Pass, outcome.Verdict);
        Assert.Equal("age.exempt-disability", outcome.Code);
    }

    [Fact]
    public void Disability_PassesEvenWithoutABirthDate()
    {
        Assert.Equal(Verdict.Pass, Eval(UnderTwentyTwo, Student(s => s with { Conditions = new ConditionSet { Disability = true } })).Verdict);
    }

    [Fact]
    public void OverTheLimitWithDisabilityUnknown_IsUnknownAndAsksForDisability()
    {
        var outcome = Eval(UnderTwentyTwo, Student(s => s with { BirthDate = new DateOnly(1990, 1, 1) }));
        Assert.Equal(Verdict.Unknown, outcome.Verdict);
        Assert.Equal(["conditions.disability"], outcome.Missing);
    }

    [Fact]
    public void WithoutExemption_DisabilityDoesNotMatter()
    {
        var beca = new AgeCriterion(atLeast: 17, atMost: 39);
        Assert.Equal(Verdict.Fail, Eval(beca, Student(s => s with { BirthDate = new DateOnly(1980, 1, 1), Conditions = new ConditionSet { Disability = true } })).Verdict);
        Assert.Equal(Verdict.Fail, Eval(beca, Student(s => s with { BirthDate = new DateOnly(1980, 1, 1) })).Verdict);
    }

    [Fact]
    public void UnknownBirthDate_IsUnknown()
    {
        var outcome = Eval(UnderTwentyTwo, Student(s => s with { Conditions = new ConditionSet { Disability = false } }));
        Assert.Equal(Verdict.Unknown, outcome.Verdict);
        Assert.Equal(["birthDate"], outcome.Missing);
    }

    [Theory]
    [InlineData("1995-09-05", Verdict.Pass)]
    [InlineData("1994-09-06", Verdict.Pass)]
    [InlineData("1994-09-05", Verdict.Fail)]
    public void AtMost_IncludesTheBound(string birth, Verdict expected)
    {
        // FF.AA.: at most 30 on the reference date (2025-09-05); the 31st birthday on that date fails.
        var student = Student(s => s with { BirthDate = DateOnly.Parse(birth, System.Globalization.CultureInfo.InvariantCulture) });
        Assert.Equal(expected, Eval(new AgeCriterion(atMost: 30), student).Verdict);
    }

    [Fact]
    public void AtLeast_FailsBelowTheMinimum()
    {
        var outcome = Eval(new AgeCriterion(atLeast: 17, atMost: 39), Student(s => s with { BirthDate = new DateOnly(2008, 9, 6) }));
        Assert.Equal(Verdict.Fail, outcome.Verdict);
        Assert.Equal("age.under-minimum", outcome.Code);
    }

    [Fact]
    public void Constructor_RejectsInconsistentBounds()
    {
        Assert.Throws<ArgumentException>(() => new AgeCriterion());
        Assert.Throws<ArgumentException>(() => new AgeCriterion(atMost: 30, lessThan: 22));
        Assert.Throws<ArgumentException>(() => new AgeCriterion(atLeast: 40, atMost: 30));
    }
}
