namespace Matcher.Ingestion.Fetching;

/// <summary>
/// The rules of a robots.txt file for one user agent (RFC 9309): the group naming the agent's product token, else the
/// <c>*</c> group; the longest matching <c>Allow</c>/<c>Disallow</c> path wins, <c>Allow</c> on a tie; <c>*</c> and
/// <c>$</c> wildcards.
/// </summary>
public sealed class RobotsTxt
{
    private readonly IReadOnlyList<(bool Allow, string Pattern)> _rules;

    private RobotsTxt(IReadOnlyList<(bool Allow, string Pattern)> rules) => _rules = rules;

    /// <summary>Rules that allow everything (no robots.txt, or a 4xx answer).</summary>
    public static RobotsTxt AllowAll { get; } = new([]);

    /// <summary>Rules that allow nothing (robots.txt could not be read: RFC 9309 §2.3.1.4).</summary>
    public static RobotsTxt DisallowAll { get; } = new([(false, "/")]);

    /// <summary>Parses a robots.txt file for an agent.</summary>
    /// <param name="text">The file's text.</param>
    /// <param name="userAgent">The User-Agent; its first product token is matched against the groups.</param>
    /// <returns>The rules that apply to the agent.</returns>
    public static RobotsTxt Parse(string text, string userAgent)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(userAgent);
        var token = userAgent.Split('/', ' ')[0].Trim().ToLowerInvariant();
        var mine = new List<(bool, string)>();
        var star = new List<(bool, string)>();
        var agents = new List<string>();
        var inRules = false;
        var foundMine = false;
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Split('#')[0].Trim();
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                continue;
            }

            var key = line[..colon].Trim().ToLowerInvariant();
            var value = line[(colon + 1)..].Trim();
            if (key == "user-agent")
            {
                if (inRules)
                {
                    agents.Clear();
                    inRules = false;
                }

                agents.Add(value.ToLowerInvariant());
                continue;
            }

            if (key is not ("allow" or "disallow"))
            {
                continue;
            }

            inRules = true;
            if (value.Length == 0)
            {
                // "Disallow:" with no path allows everything; it adds no rule.
                continue;
            }

            var rule = (key == "allow", value);
            if (agents.Any(a => a.Length > 0 && a != "*" && token.Contains(a, StringComparison.Ordinal)))
            {
                mine.Add(rule);
                foundMine = true;
            }

            if (agents.Contains("*"))
            {
                star.Add(rule);
            }
        }

        return new RobotsTxt(foundMine ? mine : star);
    }

    /// <summary>Whether a path (with its query) may be fetched.</summary>
    /// <param name="pathAndQuery">The URL's path and query, e.g. <c>/becas/2026?x=1</c>.</param>
    /// <returns>Whether it is allowed.</returns>
    public bool IsAllowed(string pathAndQuery)
    {
        ArgumentNullException.ThrowIfNull(pathAndQuery);
        if (pathAndQuery == "/robots.txt")
        {
            return true;
        }

        var best = -1;
        var allowed = true;
        foreach (var (allow, pattern) in _rules)
        {
            if (Matches(pattern, pathAndQuery) && (pattern.Length > best || (pattern.Length == best && allow)))
            {
                best = pattern.Length;
                allowed = allow;
            }
        }

        return allowed;
    }

    private static bool Matches(string pattern, string path)
    {
        var anchored = pattern.EndsWith('$');
        var parts = (anchored ? pattern[..^1] : pattern).Split('*');
        var position = 0;
        for (var i = 0; i < parts.Length; i++)
        {
            var part = parts[i];
            if (i == 0)
            {
                if (!path.StartsWith(part, StringComparison.Ordinal))
                {
                    return false;
                }

                position = part.Length;
                continue;
            }

            var found = i == parts.Length - 1 && anchored
                ? (path.Length - part.Length >= position && path.EndsWith(part, StringComparison.Ordinal) ? path.Length - part.Length : -1)
                : path.IndexOf(part, position, StringComparison.Ordinal);
            if (found < 0)
            {
                return false;
            }

            position = found + part.Length;
        }

        return !anchored || position == path.Length;
    }
}
