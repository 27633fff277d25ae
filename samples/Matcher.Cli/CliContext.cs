using System.Globalization;
using Spectre.Console;

namespace Matcher.Cli;

/// <summary>Where the tool writes, and whether those are terminals.</summary>
internal sealed class CliContext
{
    public CliContext(TextWriter output, TextWriter error, bool outputIsTerminal, bool errorIsTerminal, int? width = null)
    {
        Output = output;
        Error = error;
        OutputIsTerminal = outputIsTerminal;
        ErrorIsTerminal = errorIsTerminal;
        OutConsole = CreateConsole(output, outputIsTerminal);
        ErrorConsole = CreateConsole(error, errorIsTerminal);
        if (width is { } w)
        {
            OutConsole.Profile.Width = w;
        }
    }

    public TextWriter Output { get; }

    public TextWriter Error { get; }

    public bool OutputIsTerminal { get; }

    public bool ErrorIsTerminal { get; }

    public IAnsiConsole OutConsole { get; }

    public IAnsiConsole ErrorConsole { get; }

    public CultureInfo Culture { get; set; } = Explanations.MatcherCultures.Spanish;

    public static CliContext FromConsole() =>
        new(Console.Out, Console.Error, !Console.IsOutputRedirected, !Console.IsErrorRedirected);

    public void Fail(string message) => Error.WriteLine(message);

    private static IAnsiConsole CreateConsole(TextWriter writer, bool terminal) =>
        AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = terminal ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = terminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = terminal ? InteractionSupport.Detect : InteractionSupport.No,
        });
}
