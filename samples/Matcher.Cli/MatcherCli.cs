using System.CommandLine;
using System.Globalization;
using Matcher.Cli.Commands;
using Matcher.Explanations;

namespace Matcher.Cli;

/// <summary>The <c>matcher</c> command line: parses arguments, runs the command, maps failures to CONTRACT §4 exit codes.</summary>
internal static class MatcherCli
{
    public static async Task<int> RunAsync(string[] args, CliContext context, CancellationToken cancellationToken = default)
    {
        CultureInfo culture;
        try
        {
            culture = MatcherCultures.Resolve(LanguageArgument(args));
        }
        catch (ArgumentException)
        {
            context.Fail(CliText.Get("err.usage", MatcherCultures.Spanish, ("message", CliText.Get("err.lang", MatcherCultures.Spanish, ("value", LanguageArgument(args))))));
            return ExitCodes.Usage;
        }

        context.Culture = culture;
        var previousUiCulture = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = culture;
        try
        {
            var common = new CommonOptions(culture);
            var root = new RootCommand(CliText.Get("root.description", culture))
            {
                MatchCommand.Create(context, common),
                ExplainCommand.Create(context, common),
                CatalogCommand.Create(context, common),
                ParseCommand.Create(context, common),
                SourcesCommand.Create(context, common),
                ModelCommand.Create(context, common),
                EvaluateCommand.Create(context, common),
                EvaluateCommand.CreateOutcomes(context, common),
            };
            var parse = root.Parse(args);
            if (parse.Errors.Count > 0)
            {
                foreach (var error in parse.Errors)
                {
                    context.Fail(CliText.Get("err.usage", culture, ("message", error.Message)));
                }

                return ExitCodes.Usage;
            }

            return await parse.InvokeAsync(
                new InvocationConfiguration { Output = context.Output, Error = context.Error, EnableDefaultExceptionHandler = false },
                cancellationToken).ConfigureAwait(false);
        }
        catch (UsageException ex)
        {
            context.Fail(CliText.Get("err.usage", culture, ("message", ex.Message)));
            return ExitCodes.Usage;
        }
        catch (OperationCanceledException)
        {
            return ExitCodes.Usage;
        }
#pragma warning disable CA1031 // The tool must never show a stack trace: a bug is reported in one line and a non-zero exit.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            context.Fail(CliText.Get("err.unexpected", culture, ("message", ex.GetType().Name + ": " + ex.Message)));
            return ExitCodes.Usage;
        }
        finally
        {
            CultureInfo.CurrentUICulture = previousUiCulture;
        }
    }

    /// <summary>The value of <c>--lang</c>, read before parsing so that parse errors are in the user's language.</summary>
    private static string? LanguageArgument(string[] args)
    {
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--lang" && i + 1 < args.Length)
            {
                return args[i + 1];
            }

            if (args[i].StartsWith("--lang=", StringComparison.Ordinal) || args[i].StartsWith("--lang:", StringComparison.Ordinal))
            {
                return args[i][7..];
            }
        }

        return null;
    }
}
