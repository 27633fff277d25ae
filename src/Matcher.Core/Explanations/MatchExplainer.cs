using System.Globalization;
using Matcher.Eligibility;
using Matcher.Matching;
using Matcher.Scholarships;
using Matcher.Scoring;
using Matcher.Students;

namespace Matcher.Explanations;

/// <summary>Renders explanations and next steps from the message resources.</summary>
internal sealed class MatchExplainer : IMatchExplainer
{
    /// <summary>Urban lead time of a CSE request at the ULE, in working days (Panamericana / Gestión, Beca 18-2026).</summary>
    internal const int CseUrbanWorkingDays = 25;

    /// <summary>Rural lead time of a CSE request at the ULE, in working days (same sources).</summary>
    internal const int CseRuralWorkingDays = 40;

    public MatchReason Explain(CriterionOutcome outcome, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        var details = outcome.Children.Select(c => Explain(c, culture)).ToArray();
        return new MatchReason(outcome.CriterionId, outcome.Verdict, outcome.Code, Message(outcome, details, culture), outcome.Values, details);
    }

    private static string Message(CriterionOutcome outcome, IReadOnlyList<MatchReason> details, CultureInfo culture)
    {
        if (outcome.CriterionType is "allOf" or "anyOf" or "not")
        {
            var relevant = details.Where(d => d.Verdict == (outcome.CriterionType == "not" ? Kleene.Not(outcome.Verdict) : outcome.Verdict)).ToArray();
            var chosen = outcome.CriterionType == "anyOf" && outcome.Verdict == Verdict.Pass ? relevant.Take(1) : relevant;
            var inner = string.Join(" ", chosen.Select(d => d.Message));
            return MessageTemplates.Render(outcome.Code, new Dictionary<string, object?> { ["details"] = inner }, culture);
        }

        return MessageTemplates.Render(outcome.Code, WithLimit(outcome.Values, culture), culture);
    }

    /// <summary>Adds a <c>limit</c> phrase ("menos de 22", "entre 17 y 39") built from the bounds among the values.</summary>
    private static IReadOnlyDictionary<string, object?> WithLimit(IReadOnlyDictionary<string, object?> values, CultureInfo culture)
    {
        var min = values.GetValueOrDefault("min");
        var max = values.GetValueOrDefault("max");
        var lessThan = values.GetValueOrDefault("lessThan");
        if (max is null && lessThan is int l && min is not null)
        {
            max = l - 1;
        }

        var key = (min, max, lessThan) switch
        {
            (not null, not null, _) => "limit.range",
            (not null, null, _) => "limit.atLeast",
            (null, not null, _) => "limit.atMost",
            (null, null, not null) => "limit.lessThan",
            _ => null,
        };
        if (key is null)
        {
            return values;
        }

        var bounds = new Dictionary<string, object?> { ["min"] = min, ["max"] = max, ["lessThan"] = lessThan };
        var enriched = new Dictionary<string, object?>(values, StringComparer.Ordinal)
        {
            ["limit"] = MessageTemplates.Render(key, bounds, culture),
        };
        return enriched;
    }

    public IReadOnlyList<string> NextSteps(ScoredCandidate candidate, DateOnly asOf, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        var steps = new List<string>();
        var s = candidate.Scholarship;
        var args = new Dictionary<string, object?>
        {
            ["opens"] = s.Call.Opens,
            ["closes"] = s.Call.Closes,
            ["provider"] = s.Provider,
            ["workingDays"] = s.Call.Closes is { } c && candidate.CallStatus == CallStatus.Open ? WorkingDaysBetween(asOf, c) : null,
            ["urbanDays"] = CseUrbanWorkingDays,
            ["ruralDays"] = CseRuralWorkingDays,
        };

        if (candidate.Eligibility.Verdict == EligibilityVerdict.Ineligible)
        {
            foreach (var outcome in Leaves(candidate.Eligibility.Outcomes).Where(o => o.Verdict == Verdict.Fail))
            {
                if (MessageTemplates.Has("next.fail." + outcome.Code))
                {
                    steps.Add(MessageTemplates.Render("next.fail." + outcome.Code, Merge(args, outcome.Values), culture));
                }
            }

            return steps.Distinct(StringComparer.Ordinal).ToArray();
        }

        foreach (var fact in candidate.Eligibility.Missing)
        {
            var key = "next.missing." + fact;
            var withDeadline = key + ".deadline";
            if (args["workingDays"] is not null && MessageTemplates.Has(withDeadline))
            {
                steps.Add(MessageTemplates.Render(withDeadline, args, culture));
            }
            else
            {
                steps.Add(MessageTemplates.Has(key)
                    ? MessageTemplates.Render(key, args, culture)
                    : MessageTemplates.Render("next.missing.generic", Merge(args, new Dictionary<string, object?> { ["fact"] = FactLabel(fact, culture) }), culture));
            }
        }

        steps.Add(MessageTemplates.Render("next.apply." + EnumTextOf(candidate.CallStatus), args, culture));
        foreach (var requirement in s.OtherRequirements)
        {
            steps.Add(MessageTemplates.Render("next.other-requirement", new Dictionary<string, object?> { ["text"] = requirement.Get(culture) }, culture));
        }

        if (s.Documents.Count > 0)
        {
            steps.Add(MessageTemplates.Render("next.documents", new Dictionary<string, object?> { ["documents"] = string.Join("; ", s.Documents.Select(d => d.Get(culture).TrimEnd('.', ' '))) }, culture));
        }

        if (candidate.PriorityPoints is { Potential: > 0 } points)
        {
            steps.Add(MessageTemplates.Render("next.priority-points", new Dictionary<string, object?> { ["points"] = points.Potential }, culture));
        }

        return steps.Distinct(StringComparer.Ordinal).ToArray();
    }

    internal static string FactLabel(string fact, CultureInfo culture) => MessageTemplates.Template("fact." + fact, culture) ?? fact;

    private static string EnumTextOf(CallStatus status) => Serialization.EnumText.Of(status);

    private static Dictionary<string, object?> Merge(Dictionary<string, object?> a, IReadOnlyDictionary<string, object?> b)
    {
        var merged = new Dictionary<string, object?>(a, StringComparer.Ordinal);
        foreach (var (k, v) in b)
        {
            merged[k] = v;
        }

        return merged;
    }

    private static IEnumerable<CriterionOutcome> Leaves(IEnumerable<CriterionOutcome> outcomes) =>
        outcomes.SelectMany(o => o.Children.Count == 0 ? [o] : Leaves(o.Children));

    /// <summary>Monday-to-Friday days after <paramref name="from"/> up to and including <paramref name="to"/> (public holidays not counted out).</summary>
    internal static int WorkingDaysBetween(DateOnly from, DateOnly to)
    {
        var days = 0;
        for (var d = from.AddDays(1); d <= to; d = d.AddDays(1))
        {
            if (d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
            {
                days++;
            }
        }

        return days;
    }
}
