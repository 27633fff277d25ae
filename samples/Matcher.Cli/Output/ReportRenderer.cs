using System.Globalization;
using Matcher.Eligibility;
using Matcher.Explanations;
using Matcher.Matching;
using Matcher.Scholarships;
using Spectre.Console;

namespace Matcher.Cli.Output;

/// <summary>Renders reports as tables for people at a terminal.</summary>
internal static class ReportRenderer
{
    public static void RenderReport(IAnsiConsole console, MatchReport report, CultureInfo culture)
    {
        console.MarkupLine("[bold]" + Markup.Escape(CliText.Get("report.header", culture, ("student", report.StudentId), ("date", report.AsOf), ("version", report.CatalogVersion))) + "[/]");
        if (report.Matches.Count == 0)
        {
            console.WriteLine(CliText.Get("report.none", culture));
            return;
        }

        var table = new Table().Border(TableBorder.Rounded).Expand();
        table.AddColumn(CliText.Get("report.col.rank", culture));
        table.AddColumn(CliText.Get("report.col.scholarship", culture));
        table.AddColumn(CliText.Get("report.col.verdict", culture));
        table.AddColumn(new TableColumn(CliText.Get("report.col.score", culture)).RightAligned());
        table.AddColumn(CliText.Get("report.col.call", culture));
        table.AddColumn(CliText.Get("report.col.why", culture));
        foreach (var m in report.Matches)
        {
            table.AddRow(
                new Text(m.Rank?.ToString(CultureInfo.InvariantCulture) ?? "–"),
                new Text(m.Name),
                new Markup(VerdictMarkup(m.Verdict, culture)),
                new Text(m.Score.ToString("0.00", CultureInfo.InvariantCulture)),
                new Text(CallText(m.Call, culture)),
                new Text(Why(m, culture)));
        }

        console.Write(table);
        foreach (var m in report.Matches.Where(m => m.Verdict != EligibilityVerdict.Ineligible && m.NextSteps.Count > 0))
        {
            console.MarkupLine("[bold]" + Markup.Escape(CliText.Get("report.next-steps", culture, ("name", m.Name))) + "[/]");
            foreach (var step in m.NextSteps)
            {
                console.WriteLine("  • " + step);
            }
        }
    }

    public static void RenderExplanation(IAnsiConsole console, ScholarshipMatch match, DateOnly asOf, CultureInfo culture)
    {
        console.MarkupLine("[bold]" + Markup.Escape(CliText.Get("explain.header", culture, ("name", match.Name), ("verdict", MatcherText.EnumName(match.Verdict, culture)), ("date", asOf))) + "[/]");
        var table = new Table().Border(TableBorder.Rounded).Expand();
        table.AddColumn(CliText.Get("explain.col.criterion", culture));
        table.AddColumn(CliText.Get("explain.col.result", culture));
        table.AddColumn(CliText.Get("explain.col.explanation", culture));
        foreach (var reason in match.Reasons)
        {
            AddReason(table, reason, 0, culture);
        }

        console.Write(table);
        if (match.Missing.Count > 0)
        {
            console.WriteLine(CliText.Get("explain.missing", culture, ("facts", string.Join(", ", match.Missing.Select(f => MatcherText.FactLabel(f, culture))))));
        }

        foreach (var step in match.NextSteps)
        {
            console.WriteLine("  • " + step);
        }

        console.WriteLine(CliText.Get("explain.source", culture, ("url", match.SourceUrl)));
    }

    private static void AddReason(Table table, MatchReason reason, int depth, CultureInfo culture)
    {
        table.AddRow(
            new Text(new string(' ', depth * 2) + reason.Criterion),
            new Markup(ReasonMarkup(reason.Verdict, culture)),
            new Text(reason.Message));
        foreach (var detail in reason.Details)
        {
            AddReason(table, detail, depth + 1, culture);
        }
    }

    private static string Why(ScholarshipMatch m, CultureInfo culture) => m.Verdict switch
    {
        EligibilityVerdict.Eligible => CliText.Get("report.ok", culture),
        EligibilityVerdict.Unknown => string.Join(", ", m.Missing.Select(f => MatcherText.FactLabel(f, culture))),
        _ => string.Join(" ", m.Reasons.Where(r => r.Verdict == Verdict.Fail).Select(r => r.Message)),
    };

    private static string CallText(CallInfo call, CultureInfo culture) => call.Status switch
    {
        CallStatus.Open => CliText.Get("report.call.open", culture, ("closes", call.Closes)),
        CallStatus.Upcoming => CliText.Get("report.call.upcoming", culture, ("opens", call.Opens)),
        CallStatus.Closed => CliText.Get("report.call.closed", culture, ("closes", call.Closes)),
        _ => CliText.Get("report.call.unknown", culture),
    };

    private static string VerdictMarkup(EligibilityVerdict verdict, CultureInfo culture)
    {
        var text = Markup.Escape(MatcherText.EnumName(verdict, culture));
        return verdict switch
        {
            EligibilityVerdict.Eligible => $"[green]{text}[/]",
            EligibilityVerdict.Unknown => $"[yellow]{text}[/]",
            _ => $"[red]{text}[/]",
        };
    }

    private static string ReasonMarkup(Verdict verdict, CultureInfo culture)
    {
        var text = Markup.Escape(MatcherText.EnumName(verdict, culture));
        return verdict switch
        {
            Verdict.Pass => $"[green]{text}[/]",
            Verdict.Unknown => $"[yellow]{text}[/]",
            _ => $"[red]{text}[/]",
        };
    }
}
