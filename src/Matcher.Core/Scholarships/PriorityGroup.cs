namespace Matcher.Scholarships;

/// <summary>A group of priority items whose total is capped.</summary>
/// <param name="Id">Group id.</param>
/// <param name="Label">What the group is.</param>
/// <param name="Cap">Most points the group can give, when capped.</param>
/// <param name="Items">The items.</param>
public sealed record PriorityGroup(string Id, LocalizedText Label, int? Cap, IReadOnlyList<PriorityItem> Items)
{
    /// <summary>Most points the group can give: its cap, else the sum of its items.</summary>
    public int MaxPoints => Math.Min(Cap ?? int.MaxValue, Items.Sum(i => i.Points));
}
