using System.CommandLine;
using Matcher.Parsing;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace Matcher.Cli.Commands;

/// <summary><c>matcher parse call|student --text FILE.txt [--parser offline|openai] [--format json]</c> (CONTRACT §4).</summary>
internal static class ParseCommand
{
    public static Command Create(CliContext context, CommonOptions common, Func<string, string?>? environment = null)
    {
        var culture = context.Culture;
        var command = new Command("parse", CliText.Get("parse.description", culture));
        foreach (var kind in new[] { "call", "student" })
        {
            var text = new Option<string>("--text") { Description = CliText.Get("opt.text", culture), HelpName = "FILE.txt", Required = true };
            var parser = new Option<string?>("--parser") { Description = CliText.Get("opt.parser", culture), HelpName = "offline|openai" };
            var sub = new Command(kind, CliText.Get("parse." + kind + ".description", culture)) { text, parser, common.Format, common.Lang };
            sub.SetAction(async (parse, cancellationToken) =>
            {
                var path = parse.GetValue(text)!;
                var which = parse.GetValue(parser) ?? "offline";
                if (which is not ("offline" or "openai"))
                {
                    throw new UsageException(CliText.Get("err.parser", culture, ("value", which)));
                }

                var json = CommandSupport.UseJson(parse, common, context);

                string content;
                using (var stream = CommandSupport.OpenInput(path, culture))
                using (var reader = new StreamReader(stream))
                {
                    content = await reader.ReadToEndAsync(cancellationToken).ConfigureAwait(false);
                }

                var builder = new ServiceCollection().AddScholarshipMatcher();
                var variables = environment ?? Environment.GetEnvironmentVariable;
                if (which == "openai")
                {
                    if (string.IsNullOrWhiteSpace(variables("OPENAI_API_KEY")))
                    {
                        context.Fail(CliText.Get("parse.no-key", culture));
                    }
                    else
                    {
                        builder.AddOpenAIParsers(o => o.ApplyEnvironment(variables));
                    }
                }

                using var services = builder.Services.BuildServiceProvider();
                string output;
                try
                {
                    output = kind == "call"
                        ? ParseResultJson.Serialize(await services.GetRequiredService<IScholarshipCallParser>().ParseAsync(content, cancellationToken).ConfigureAwait(false), culture)
                        : ParseResultJson.Serialize(await services.GetRequiredService<IStudentProfileParser>().ParseAsync(content, Path.GetFileNameWithoutExtension(path), cancellationToken).ConfigureAwait(false), culture);
                }
                catch (TextParseException ex)
                {
                    throw new UsageException(ex.Describe(culture));
                }

                if (json)
                {
                    context.Output.WriteLine(output);
                }
                else
                {
                    Render(context, output);
                }

                return ExitCodes.Success;
            });
            command.Subcommands.Add(sub);
        }

        return command;
    }

    private static void Render(CliContext context, string json)
    {
        using var doc = System.Text.Json.JsonDocument.Parse(json);
        var table = new Table().AddColumn(CliText.Get("parse.col.field", context.Culture)).AddColumn(CliText.Get("parse.col.quote", context.Culture));
        foreach (var e in doc.RootElement.GetProperty("evidence").EnumerateArray())
        {
            table.AddRow(Markup.Escape(e.GetProperty("path").GetString()!), Markup.Escape(e.GetProperty("quote").GetString()!));
        }

        context.OutConsole.Write(table);
        foreach (var i in doc.RootElement.GetProperty("issues").EnumerateArray())
        {
            context.Output.WriteLine(i.GetProperty("path").GetString() + ": " + i.GetProperty("message").GetString());
        }
    }
}
