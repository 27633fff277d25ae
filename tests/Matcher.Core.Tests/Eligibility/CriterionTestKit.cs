using Matcher.Eligibility;
using Matcher.Students;

namespace Matcher.Eligibility;

/// <summary>Helpers to evaluate one criterion against a profile on given dates.</summary>
internal static class CriterionTestKit
{
    public static readonly DateOnly AsOf = new(2025, 9, 20);

    public static readonly DateOnly ReferenceDate = new(2025, 9, 5);

    public static CriterionOutcome Eval(Criterion criterion, StudentProfile student, DateOnly? asOf = null, DateOnly? reference = null) =>
        criterion.Evaluate(new EvaluationContext(student, asOf ?? AsOf, reference ?? ReferenceDate));

    public static StudentProfile Student(Func<StudentProfile, StudentProfile>? configure = null)
    {
        var s = new StudentProfile { Id = "st-1" };
        return configure is null ? s : configure(s);
    }
}
