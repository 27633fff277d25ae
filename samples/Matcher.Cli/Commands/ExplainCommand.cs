using System.CommandLine;
using Matcher.Catalog;
using Matcher.Cli.Output;
using Matcher.Matching;
using Matcher.Serialization;
using Microsoft.Extensions.DependencyInjection;

namespace Matcher.Cli.Commands;

/// <summary><c>matcher explain --student FILE.json --scholarship ID [--date ...]</c>.</summary>
internal static class ExplainCommand
{
    public static Command Create(CliContext context, CommonOptions common)
    {
        var culture = context.Culture;
        var student = new Option<string>("--student") { Description = CliText.Get("opt.student", culture), HelpName = "FILE.json", Required = true };
        var scholarship = new Option<string>("--scholarship") { Description = CliText.Get("opt.scholarship", culture), HelpName = "ID", Required = true };
        var command = new Command("explain", CliText.Get("explain.description", culture))
        {
            student, scholarship, common.Catalog, common.Date, common.Lang, common.Format,
        };
        command.SetAction(parse =>
        {
            var date = CommandSupport.ParseDate(parse.GetValue(common.Date), culture);
            var json = CommandSupport.UseJson(parse, common, context);
            var path = parse.GetValue(student)!;
            var profile = CommandSupport.ReadProfile(path, culture);

            using var services = CommandSupport.BuildServices(parse.GetValue(common.Catalog), context);
            var id = parse.GetValue(scholarship)!;
            var asOf = date ?? services.GetRequiredService<IMatcherClock>().Today();
            var match = services.GetRequiredService<IScholarshipMatcher>().Explain(profile, id, CommandSupport.Request(asOf, null, true, culture));
            if (match is null)
            {
                var snapshot = services.GetRequiredService<ICatalogProvider>().Current;
                var suggestions = snapshot.Scholarships
                    .Select(s => s.Id)
                    .OrderBy(s => Distance(s, id))
                    .ThenBy(s => s, StringComparer.Ordinal)
                    .Take(3);
                throw new UsageException(CliText.Get("err.unknown-scholarship", culture, ("id", id), ("version", snapshot.Version), ("suggestions", string.Join(", ", suggestions))));
            }

            if (json)
            {
                using var buffer = new MemoryStream();
                using (var writer = MatchReportJson.CreateWriter(buffer, indented: true))
                {
                    MatchReportJson.WriteMatch(writer, match);
                }

                context.Output.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
            }
            else
            {
                ReportRenderer.RenderExplanation(context.OutConsole, match, asOf, culture);
            }

            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>Levenshtein distance, to suggest the id the user probably meant.</summary>
    private static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
