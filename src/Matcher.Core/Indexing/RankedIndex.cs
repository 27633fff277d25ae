using Matcher.Eligibility;
using Matcher.Scholarships;

namespace Matcher.Indexing;

/// <summary>A candidate scholarship chosen by <see cref="CatalogIndex"/> ranking: its position, verdict, call status and score.</summary>
/// <param name="Index">Position in <see cref="CatalogIndex.Scholarships"/>.</param>
/// <param name="Verdict">Eligible or unknown.</param>
/// <param name="CallStatus">The call's status on the query date.</param>
/// <param name="Score">The weighted score, 0–1.</param>
public readonly record struct RankedIndex(int Index, EligibilityVerdict Verdict, CallStatus CallStatus, double Score)
{
    /// <summary>The scholarship's position in id order, the final tie-break.</summary>
    internal int IdOrder { get; init; }

    /// <summary>Report order: open-or-upcoming before closed, eligible before unknown, higher score, then catalog order (scholarship id).</summary>
    internal static int Compare(in RankedIndex a, in RankedIndex b)
    {
        var c = Group(a).CompareTo(Group(b));
        if (c != 0)
        {
            return c;
        }

        c = b.Score.CompareTo(a.Score);
        return c != 0 ? c : a.IdOrder.CompareTo(b.IdOrder);
    }

    private static int Group(in RankedIndex r) =>
        (r.CallStatus == CallStatus.Closed ? 2 : 0) + (r.Verdict == EligibilityVerdict.Eligible ? 0 : 1);
}
