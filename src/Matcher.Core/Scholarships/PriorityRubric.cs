namespace Matcher.Scholarships;

/// <summary>
/// Extra points for priority conditions (for example Beca 18's preselection rubric). A score layer: it never changes
/// a verdict.
/// </summary>
/// <param name="ThirdPartyReconstruction">Whether the rubric was rebuilt by a third party rather than taken from the Bases.</param>
/// <param name="Source">Where the rubric comes from.</param>
/// <param name="Groups">The groups of items.</param>
/// <param name="Cap">Most points all groups together can give, when capped.</param>
public sealed record PriorityRubric(bool ThirdPartyReconstruction, string? Source, IReadOnlyList<PriorityGroup> Groups, int? Cap = null)
{
    /// <summary>Most points the rubric can give: the sum of the groups' maxima, capped by <see cref="Cap"/>.</summary>
    public int MaxPoints => Math.Min(Cap ?? int.MaxValue, Groups.Sum(g => g.MaxPoints));
}
