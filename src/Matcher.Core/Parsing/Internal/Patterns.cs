using System.Collections.Concurrent;
using System.Text.RegularExpressions;

namespace Matcher.Parsing.Internal;

/// <summary>
/// The rule tables' patterns, each parsed once. The tables are static and finite, so this never grows past them;
/// without it every rule would be re-parsed on each sentence (the framework's regex cache holds only 15 patterns).
/// </summary>
internal static class Patterns
{
    private static readonly ConcurrentDictionary<string, Regex> Parsed = new(StringComparer.Ordinal);

    public static Regex Of(string pattern) =>
        Parsed.GetOrAdd(pattern, static p => new Regex(p, RegexOptions.CultureInvariant));

    public static Match Match(string input, string pattern) => Of(pattern).Match(input);

    public static bool IsMatch(string input, string pattern) => Of(pattern).IsMatch(input);
}
