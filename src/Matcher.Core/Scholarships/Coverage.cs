namespace Matcher.Scholarships;

/// <summary>What a scholarship covers.</summary>
/// <param name="Type">Full or partial.</param>
/// <param name="Items">The benefits.</param>
/// <param name="Notes">Amounts and conditions, for students.</param>
public sealed record Coverage(CoverageType Type, IReadOnlyList<CoverageItem> Items, LocalizedText? Notes);
