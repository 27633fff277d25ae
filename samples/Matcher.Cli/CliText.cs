using System.Globalization;
using System.Resources;
using Matcher.Explanations;

namespace Matcher.Cli;

/// <summary>The tool's own messages, Spanish first, English with --lang en.</summary>
internal static class CliText
{
    private static readonly ResourceManager Resources = new("Matcher.Cli.Resources.Strings", typeof(CliText).Assembly);

    public static string Get(string key, CultureInfo culture, params (string Name, object? Value)[] values)
    {
        var template = Resources.GetString(key, culture) ?? throw new InvalidOperationException($"No CLI message '{key}'.");
        return values.Length == 0 ? template : MatcherText.Fill(template, values.ToDictionary(v => v.Name, v => v.Value), culture);
    }
}
