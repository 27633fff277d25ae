using Matcher.Eligibility.Criteria;
using Matcher.Students;
using static Matcher.Eligibility.CriterionTestKit;

namespace Matcher.Eligibility;

public class SisfohCriterionTests
{
    private static readonly SisfohCriterion PoorOrExtreme = new([SisfohLevel.Poor, SisfohLevel.ExtremePoor]);

    private static StudentProfile With(SisfohLevel? level, DateOnly? validUntil) =>
        Student(s => s with { Sisfoh = new SisfohRecord { Classification = level, ValidUntil = validUntil } });

    [Fact]
    public void ValidOnTheEvaluationDate_Passes()
    {
        var outcome = Eval(PoorOrExtreme, With(SisfohLevel.Poor, AsOf));
        Assert.Equal(Verdict.Pass, outcome.Verdict);
        Assert.Equal("sisfoh.accepted-valid", outcome.Code);
    }

    [Fact]
    public void ExpiredTheDayBefore_Fails()
    {
        var outcome = Eval(PoorOrExtreme, With(SisfohLevel.ExtremePoor, AsOf.AddDays(-1)));
        Assert.Equal(Verdict.Fail, outcome.Verdict);
        Assert.Equal("sisfoh.expired", outcome.Code);
        Assert.Equal(AsOf.AddDays(-1), outcome.Values["validUntil"]);
    }

    [Fact]
    public void NotPoor_Fails()
    {
        var outcome = Eval(PoorOrExtreme, With(SisfohLevel.NotPoor, AsOf.AddYears(1)));
        Assert.Equal(Verdict.Fail, outcome.Verdict);
        Assert.Equal("sisfoh.not-accepted", outcome.Code);
    }

    [Fact]
    public void NotPoorWithUnknownValidity_StillFails()
    {
        Assert.Equal(Verdict.Fail, Eval(PoorOrExtreme, With(SisfohLevel.NotPoor, null)).Verdict);
    }

    [Fact]
    public void AcceptedWithUnknownValidity_IsUnknownAndAsksForValidity()
    {
        var outcome = Eval(PoorOrExtreme, With(SisfohLevel.Poor, null));
        Assert.Equal(Verdict.Unknown, outcome.Verdict);
        Assert.Equal(["sisfoh.validUntil"], outcome.Missing);
    }

    [Fact]
    public void UnknownClassification_IsUnknown()
    {
        Assert.Equal(["sisfoh.classification"], Eval(PoorOrExtreme, Student()).Missing);
        Assert.Equal(["sisfoh.classification"], Eval(PoorOrExtreme, With(null, AsOf)).Missing);
    }

    [Fact]
    public void WithoutValidityRequirement_ExpiredPasses()
    {
        Assert.Equal(Verdict.Pass, Eval(new SisfohCriterion([SisfohLevel.Poor], requireValid: false), With(SisfohLevel.Poor, AsOf.AddYears(-1))).Verdict);
    }
}
