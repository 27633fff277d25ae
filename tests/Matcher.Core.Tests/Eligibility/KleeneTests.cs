using Matcher.Eligibility.Criteria;
using Matcher.Students;
using static Matcher.Eligibility.CriterionTestKit;

namespace Matcher.Eligibility;

public class KleeneTests
{
    [Theory]
    [InlineData(Verdict.Pass, Verdict.Pass, Verdict.Pass, Verdict.Pass)]
    [InlineData(Verdict.Pass, Verdict.Fail, Verdict.Fail, Verdict.Pass)]
    [InlineData(Verdict.Pass, Verdict.Unknown, Verdict.Unknown, Verdict.Pass)]
    [InlineData(Verdict.Fail, Verdict.Unknown, Verdict.Fail, Verdict.Unknown)]
    [InlineData(Verdict.Fail, Verdict.Fail, Verdict.Fail, Verdict.Fail)]
    [InlineData(Verdict.Unknown, Verdict.Unknown, Verdict.Unknown, Verdict.Unknown)]
    public void AndOr_FollowStrongKleeneTables(Verdict a, Verdict b, Verdict and, Verdict or)
    {
        Assert.Equal(and, Kleene.And([a, b]));
        Assert.Equal(and, Kleene.And([b, a]));
        Assert.Equal(or, Kleene.Or([a, b]));
        Assert.Equal(or, Kleene.Or([b, a]));
    }

    [Fact]
    public void EmptyConjunctionPasses_EmptyDisjunctionFails()
    {
        Assert.Equal(Verdict.Pass, Kleene.And([]));
        Assert.Equal(Verdict.Fail, Kleene.Or([]));
    }

    [Fact]
    public void Not_SwapsPassAndFailAndKeepsUnknown()
    {
        Assert.Equal(Verdict.Fail, Kleene.Not(Verdict.Pass));
        Assert.Equal(Verdict.Pass, Kleene.Not(Verdict.Fail));
        Assert.Equal(Verdict.Unknown, Kleene.Not(Verdict.Unknown));
    }

    [Fact]
    public void AnyOf_UnknownCollectsOnlyTheUnknownChildrensMissingFacts()
    {
        var secondary = new AnyOfCriterion(
        [
            new BasicEducationCriterion([EducationModality.Ebr, EducationModality.Eba], [BasicEducationStatus.InLastGrade, BasicEducationStatus.Graduated]),
            new BasicEducationCriterion([EducationModality.Ebe], [BasicEducationStatus.Graduated]),
        ]);
        var outcome = Eval(secondary, Student(s => s with { BasicEducation = new BasicEducation { Modality = EducationModality.Ebe } }));
        Assert.Equal(Verdict.Unknown, outcome.Verdict);
        Assert.Equal(["basicEducation.status"], outcome.Missing);
        Assert.Equal([Verdict.Fail, Verdict.Unknown], outcome.Children.Select(c => c.Verdict));

        Assert.Equal(Verdict.Fail, Eval(secondary, Student(s => s with { BasicEducation = new BasicEducation { Modality = EducationModality.Ebe, Status = BasicEducationStatus.InLastGrade } })).Verdict);
        Assert.Equal(Verdict.Pass, Eval(secondary, Student(s => s with { BasicEducation = new BasicEducation { Modality = EducationModality.Eba, Status = BasicEducationStatus.InLastGrade } })).Verdict);
    }

    [Fact]
    public void AllOf_FailWinsOverUnknown()
    {
        var both = new AllOfCriterion([new NoPreviousHigherStudiesCriterion(), new NoCurrentScholarshipCriterion()]);
        var outcome = Eval(both, Student(s => s with { PreviousHigherStudies = true }));
        Assert.Equal(Verdict.Fail, outcome.Verdict);
        Assert.Empty(outcome.Missing);
    }

    [Fact]
    public void Not_NegatesTheInnerCriterion()
    {
        var notHolding = new NotCriterion(new ConditionCriterion(PriorityCondition.Volunteer));
        Assert.Equal(Verdict.Pass, Eval(notHolding, Student(s => s with { Conditions = new ConditionSet { Volunteer = false } })).Verdict);
        Assert.Equal(Verdict.Fail, Eval(notHolding, Student(s => s with { Conditions = new ConditionSet { Volunteer = true } })).Verdict);
        Assert.Equal(["conditions.volunteer"], Eval(notHolding, Student()).Missing);
    }
}
