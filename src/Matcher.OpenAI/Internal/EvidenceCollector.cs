using System.Globalization;
using Matcher.Parsing;

namespace Matcher.OpenAI.Internal;

/// <summary>
/// Grounds each extracted value: the quote must occur in the text, must not lie in an embedded instruction, and must
/// contain the value's numbers. A value that fails becomes an issue, never a fact.
/// </summary>
internal sealed class EvidenceCollector(string text, IReadOnlyList<TextSpan> instructions)
{
    public List<ParseIssue> Issues { get; } = [];

    public List<ParseEvidence> Evidence { get; } = [];

    public bool Accept(string path, string? quote, params long[] numbers)
    {
        var span = Grounding.Locate(text, quote);
        if (span is not { } s)
        {
            Issues.Add(ParseIssue.Create(path, "parse.quote-not-found", null, ("quote", Short(quote))));
            return false;
        }

        if (instructions.Any(i => i.Overlaps(s)))
        {
            Issues.Add(ParseIssue.Create(path, "parse.quote-in-instruction", s, ("quote", Short(quote))));
            return false;
        }

        if (numbers.Length > 0 && !Grounding.NumbersIn(s.Of(text), numbers))
        {
            Issues.Add(ParseIssue.Create(path, "parse.value-not-in-quote", s, ("value", string.Join(", ", numbers.Select(n => n.ToString(CultureInfo.InvariantCulture)))), ("quote", Short(quote))));
            return false;
        }

        Evidence.Add(new ParseEvidence(path, s, s.Of(text)));
        return true;
    }

    public void Reject(string path, string code, string? quote, object? value) =>
        Issues.Add(ParseIssue.Create(path, code, Grounding.Locate(text, quote), ("value", value), ("quote", Short(quote))));

    private static string Short(string? quote) => quote is null ? "—" : quote.Length <= 120 ? quote : quote[..117] + "...";
}
