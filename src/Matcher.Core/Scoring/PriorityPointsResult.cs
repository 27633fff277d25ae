using Matcher.Eligibility;
using Matcher.Scholarships;

namespace Matcher.Scoring;

/// <summary>Priority points a student earns in a call's rubric.</summary>
/// <param name="Earned">Points earned (group caps applied).</param>
/// <param name="Potential">Further points the student could earn by accrediting facts that are unknown now.</param>
/// <param name="Max">Most points the rubric gives.</param>
/// <param name="Items">Each item with its verdict.</param>
/// <param name="ThirdPartyReconstruction">Whether the rubric is a third-party reconstruction.</param>
public sealed record PriorityPointsResult(int Earned, int Potential, int Max, IReadOnlyList<PriorityPointsItem> Items, bool ThirdPartyReconstruction)
{
    /// <summary>Evaluates a rubric for a student.</summary>
    /// <param name="rubric">The rubric.</param>
    /// <param name="context">The student and dates.</param>
    /// <returns>The points.</returns>
    public static PriorityPointsResult Evaluate(PriorityRubric rubric, EvaluationContext context)
    {
        ArgumentNullException.ThrowIfNull(rubric);
        ArgumentNullException.ThrowIfNull(context);
        var items = new List<PriorityPointsItem>();
        var (earned, potential, max) = Tally(rubric, context.Student, context.AsOf, context.AgeReferenceDate, items);
        return new PriorityPointsResult(earned, potential, max, items, rubric.ThirdPartyReconstruction);
    }

    /// <summary>Points earned only, without allocating (the compiled index's path).</summary>
    internal static int EarnedPoints(PriorityRubric rubric, Students.StudentProfile student, DateOnly asOf, DateOnly referenceDate) =>
        Tally(rubric, student, asOf, referenceDate, null).Earned;

    private static (int Earned, int Potential, int Max) Tally(PriorityRubric rubric, Students.StudentProfile student, DateOnly asOf, DateOnly referenceDate, List<PriorityPointsItem>? items)
    {
        int earned = 0, potential = 0;
        foreach (var group in rubric.Groups)
        {
            int groupEarned = 0, groupPossible = 0;
            foreach (var item in group.Items)
            {
                var verdict = item.When.Decide(student, asOf, referenceDate);
                items?.Add(new PriorityPointsItem(group.Id, item.Label, item.Points, verdict));
                if (verdict == Verdict.Pass)
                {
                    groupEarned += item.Points;
                }
                else if (verdict == Verdict.Unknown)
                {
                    groupPossible += item.Points;
                }
            }

            var cap = group.MaxPoints;
            var g = Math.Min(groupEarned, cap);
            earned += g;
            potential += Math.Min(groupEarned + groupPossible, cap) - g;
        }

        var max = rubric.MaxPoints;
        var capped = Math.Min(earned, max);
        return (capped, Math.Min(earned + potential, max) - capped, max);
    }
}
