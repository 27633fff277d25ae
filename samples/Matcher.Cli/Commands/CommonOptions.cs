using System.CommandLine;
using System.Globalization;

namespace Matcher.Cli.Commands;

/// <summary>Options shared by several commands.</summary>
internal sealed class CommonOptions
{
    public CommonOptions(CultureInfo culture)
    {
        Catalog = new Option<string?>("--catalog") { Description = CliText.Get("opt.catalog", culture), HelpName = "DIR" };
        Date = new Option<string?>("--date") { Description = CliText.Get("opt.date", culture), HelpName = "YYYY-MM-DD" };
        Lang = new Option<string?>("--lang") { Description = CliText.Get("opt.lang", culture), HelpName = "es|en" };
        Format = new Option<string?>("--format") { Description = CliText.Get("opt.format", culture), HelpName = "table|json" };
    }

    public Option<string?> Catalog { get; }

    public Option<string?> Date { get; }

    public Option<string?> Lang { get; }

    public Option<string?> Format { get; }
}
