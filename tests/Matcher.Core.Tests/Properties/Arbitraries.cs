using FsCheck;
using FsCheck.Fluent;
using Matcher.Eligibility;
using Matcher.Eligibility.Criteria;
using Matcher.Geography;
using Matcher.Grades;
using Matcher.Students;

namespace Matcher.Properties;

/// <summary>FsCheck generators for profiles (partial and full) and criteria trees.</summary>
public static class Arbitraries
{
    /// <summary>A profile whose facts are each forgotten with probability 0, 0.2, 0.5 or 0.9, plus the seed that built it.</summary>
    public static Arbitrary<PartialProfile> PartialProfiles() =>
        Gen.Zip(Gen.Choose(0, int.MaxValue - 1), Gen.Elements(0.0, 0.2, 0.5, 0.9))
            .Select(t => new PartialProfile(t.Item1, Completion.Partial(new Random(t.Item1), t.Item2)))
            .ToArbitrary();

    public static Arbitrary<Criterion> Criteria() => CriterionGen(2).ToArbitrary();

    private static Gen<Criterion> CriterionGen(int depth)
    {
        var leaves = new[]
        {
            Gen.Elements<Criterion>(new NoPreviousHigherStudiesCriterion(), new NoCurrentScholarshipCriterion(), new NativeLanguageCriterion()),
            Gen.Elements("PE", "CO", "BO").Select(c => (Criterion)new NationalityCriterion([c])),
            Gen.Zip(Gen.Choose(16, 40), Gen.Elements(true, false)).Select(t => (Criterion)new AgeCriterion(lessThan: t.Item1, exemptIfDisability: t.Item2)),
            Gen.Zip(Gen.Choose(15, 20), Gen.Choose(21, 45)).Select(t => (Criterion)new AgeCriterion(atLeast: t.Item1, atMost: t.Item2)),
            Gen.Zip(Gen.SubListOf(Enum.GetValues<SisfohLevel>()).Where(l => l.Count > 0), Gen.Elements(true, false))
                .Select(t => (Criterion)new SisfohCriterion(t.Item1.ToArray(), t.Item2)),
            Gen.Zip(Gen.Elements(Enum.GetValues<AcademicRank>()), Gen.Elements(true, false))
                .Select(t => (Criterion)new AcademicRankCriterion(EducationLevel.Basic, t.Item1, t.Item2)),
            Gen.Elements(Enum.GetValues<AcademicRank>()).Select(r => (Criterion)new AcademicRankCriterion(EducationLevel.Higher, r)),
            Gen.Choose(0, 2000).Select(g => (Criterion)new GradeAverageCriterion(g / 100m)),
            Gen.Choose(0, 100_000).Select(i => (Criterion)new IncomeCriterion(i / 10m)),
            Gen.Elements(Enum.GetValues<PriorityCondition>()).Select(c => (Criterion)new ConditionCriterion(c)),
            Gen.Elements("09", "0901", "090101", "15", "1601", "05").Select(a => (Criterion)new UbigeoCriterion(UbigeoFact.School, [UbigeoArea.Parse(a)])),
            Gen.Choose(0, 24).Select(m => (Criterion)new MilitaryServiceCriterion(m)),
            Gen.Zip(Gen.Choose(1, 5), Gen.Choose(5, 12)).Select(t => (Criterion)new CurrentCycleCriterion(t.Item1, t.Item2)),
            Gen.SubListOf(Enum.GetValues<Degree>()).Where(l => l.Count > 0).Select(l => (Criterion)new DegreeCriterion(l.ToArray())),
            Gen.SubListOf(Enum.GetValues<SchoolZone>()).Where(l => l.Count > 0).Select(l => (Criterion)new SchoolZoneCriterion(l.ToArray())),
            Gen.Zip(Gen.SubListOf(Enum.GetValues<EducationModality>()).Where(l => l.Count > 0), Gen.SubListOf(Enum.GetValues<BasicEducationStatus>()).Where(l => l.Count > 0))
                .Select(t => (Criterion)new BasicEducationCriterion(t.Item1.ToArray(), t.Item2.ToArray())),
        };
        var leaf = Gen.OneOf(leaves);
        if (depth == 0)
        {
            return leaf;
        }

        var children = Gen.ListOf(CriterionGen(depth - 1)).Where(l => l.Count is > 0 and <= 3);
        return Gen.Frequency(
            (6, leaf),
            (1, children.Select(c => (Criterion)new AllOfCriterion(c.ToArray()))),
            (1, children.Select(c => (Criterion)new AnyOfCriterion(c.ToArray()))),
            (1, CriterionGen(depth - 1).Select(c => (Criterion)new NotCriterion(c))));
    }
}

/// <summary>A generated profile with the seed that reproduces it.</summary>
public sealed record PartialProfile(int Seed, StudentProfile Profile)
{
    public override string ToString() => $"seed {Seed}: {Serialization.StudentProfileJson.Serialize(Profile)}";
}
