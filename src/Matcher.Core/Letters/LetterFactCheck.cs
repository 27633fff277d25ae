using System.Globalization;
using System.Text.RegularExpressions;
using Matcher.Matching;
using Matcher.Parsing.Internal;

namespace Matcher.Letters;

/// <summary>Checks that a letter states no number and names no scholarship that its report does not contain.</summary>
public static partial class LetterFactCheck
{
    /// <summary>The numbers and scholarship names in <paramref name="letter"/> that are not in <paramref name="report"/>.</summary>
    /// <param name="letter">The letter text.</param>
    /// <param name="report">The report it retells.</param>
    /// <returns>The unsupported mentions; empty when the letter only retells the report.</returns>
    /// <remarks>
    /// Numbers are compared by value (<c>05</c> in <c>2025-10-05</c> supports a <c>5</c>); a date in the report supports
    /// its day, month and year. A scholarship name is any "Beca …" or "Programa …" phrase, which must be the start of
    /// the name of a scholarship in the report, or be quoted from the report's providers or next steps (accents and case ignored).
    /// </remarks>
    public static IReadOnlyList<string> FindUnsupported(string letter, MatchReport report)
    {
        ArgumentNullException.ThrowIfNull(letter);
        ArgumentNullException.ThrowIfNull(report);
        var known = new HashSet<long>();
        var names = new List<string>();
        var texts = new List<string>();
        void AddNumbers(string? text)
        {
            foreach (Match m in Number().Matches(text ?? string.Empty))
            {
                if (long.TryParse(m.Value.Replace(" ", string.Empty, StringComparison.Ordinal).Replace(",", string.Empty, StringComparison.Ordinal).Replace(".", string.Empty, StringComparison.Ordinal), NumberStyles.None, CultureInfo.InvariantCulture, out var v))
                {
                    known.Add(v);
                }

                foreach (var part in m.Value.Split([' ', ',', '.'], StringSplitOptions.RemoveEmptyEntries))
                {
                    if (long.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var p))
                    {
                        known.Add(p);
                    }
                }
            }
        }

        void AddDate(DateOnly? date)
        {
            if (date is { } d)
            {
                known.Add(d.Year);
                known.Add(d.Month);
                known.Add(d.Day);
            }
        }

        AddDate(report.AsOf);
        AddNumbers(report.StudentId);
        known.Add(report.Matches.Count(m => m.Verdict == Eligibility.EligibilityVerdict.Eligible));
        known.Add(report.Matches.Count(m => m.Verdict == Eligibility.EligibilityVerdict.Unknown));
        known.Add(report.Matches.Count);
        foreach (var m in report.Matches)
        {
            names.Add(SpanishText.Key(m.Name));
            texts.Add(SpanishText.Key(m.Provider));
            texts.AddRange(m.NextSteps.Select(SpanishText.Key));
            AddNumbers(m.Name);
            AddNumbers(m.ScholarshipId);
            AddDate(m.Call.Opens);
            AddDate(m.Call.Closes);
            if (m.Rank is { } r)
            {
                known.Add(r);
            }

            foreach (var step in m.NextSteps)
            {
                AddNumbers(step);
            }

            foreach (var reason in Flatten(m.Reasons))
            {
                AddNumbers(reason.Message);
            }
        }

        var unsupported = new List<string>();
        foreach (Match m in Number().Matches(letter))
        {
            var digits = m.Value.Replace(" ", string.Empty, StringComparison.Ordinal).Replace(",", string.Empty, StringComparison.Ordinal).Replace(".", string.Empty, StringComparison.Ordinal);
            if (!long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var v) || !known.Contains(v))
            {
                unsupported.Add(m.Value);
            }
        }

        foreach (var (start, phrase) in NamePhrases(letter))
        {
            var key = SpanishText.Key(phrase);
            if (!names.Any(n => n.StartsWith(key, StringComparison.Ordinal)) && !texts.Any(t => t.Contains(key, StringComparison.Ordinal)))
            {
                unsupported.Add(letter.Substring(start, phrase.Length));
            }
        }

        return unsupported;
    }

    private static IEnumerable<MatchReason> Flatten(IEnumerable<MatchReason> reasons)
    {
        foreach (var r in reasons)
        {
            yield return r;
            foreach (var d in Flatten(r.Details))
            {
                yield return d;
            }
        }
    }

    [GeneratedRegex(@"\d{1,3}(?:[ ,.]\d{3})+(?!\d)|\d+", RegexOptions.CultureInvariant)]
    private static partial Regex Number();

    /// <summary>"Beca …" / "Programa …" followed by capitalized words or numbers (connectors allowed in between).</summary>
    private static IEnumerable<(int Start, string Phrase)> NamePhrases(string letter)
    {
        foreach (Match m in NameStart().Matches(letter))
        {
            var tokens = new List<string>();
            var accepted = 0;
            foreach (Match t in Token().Matches(letter[(m.Index + m.Length)..]))
            {
                var word = t.Groups["w"].Value;
                var connector = word is "de" or "del" or "la" or "las" or "los" or "para" or "y" or "-" or "–" or "en";
                if (!connector && !(char.IsUpper(word[0]) || char.IsDigit(word[0])))
                {
                    break;
                }

                tokens.Add(t.Value);
                if (!connector)
                {
                    accepted = tokens.Count;
                }

                if (t.Groups["end"].Success)
                {
                    break;
                }
            }

            if (accepted > 0)
            {
                yield return (m.Index, m.Value + string.Concat(tokens.Take(accepted)).TrimEnd().TrimEnd('.', ',', ';', ':'));
            }
        }
    }

    [GeneratedRegex(@"\b(?:Beca|Programa)\s", RegexOptions.CultureInvariant)]
    private static partial Regex NameStart();

    [GeneratedRegex(@"\G(?<w>[\p{L}\d](?:[\p{L}\d\-–/]|\.(?=[\p{L}\d]))*|[-–])(?<end>[,;:!?)]|\.(?=\s|$))?\s*", RegexOptions.CultureInvariant)]
    private static partial Regex Token();
}
