using System.Globalization;
using Matcher.Explanations;

namespace Matcher.Parsing;

/// <summary>
/// Something a parser could not extract, or extracted and then rejected: where in the draft (<see cref="Path"/>), where
/// in the source (<see cref="Span"/>), and why (<see cref="Code"/>, rendered in Spanish or English on demand).
/// </summary>
/// <param name="Path">JSON path of the draft field (<c>$.call.closes</c>, <c>$.criteria</c>), or <c>$</c> for the whole text.</param>
/// <param name="Code">Stable code, e.g. <c>parse.not-found</c> or <c>parse.quote-not-found</c>.</param>
/// <param name="Span">The part of the source text concerned, when there is one.</param>
/// <param name="Values">Values the message refers to.</param>
public sealed record ParseIssue(string Path, string Code, TextSpan? Span, IReadOnlyDictionary<string, object?> Values)
{
    /// <summary>Creates an issue.</summary>
    /// <param name="path">JSON path of the draft field.</param>
    /// <param name="code">Stable code.</param>
    /// <param name="span">The part of the source text concerned.</param>
    /// <param name="values">Values the message refers to.</param>
    /// <returns>The issue.</returns>
    public static ParseIssue Create(string path, string code, TextSpan? span = null, params (string Name, object? Value)[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var dict = new Dictionary<string, object?>(values.Length, StringComparer.Ordinal);
        foreach (var (name, value) in values)
        {
            dict[name] = value;
        }

        return new ParseIssue(path, code, span, dict);
    }

    /// <summary>The message in a language.</summary>
    /// <param name="culture">Language; Spanish when <see langword="null"/>.</param>
    /// <returns>The message.</returns>
    public string Message(CultureInfo? culture = null) =>
        MessageTemplates.Render(Code, Values, culture ?? MatcherCultures.Spanish);

    /// <summary>The Spanish message with its path.</summary>
    /// <returns>The description.</returns>
    public override string ToString() => Path + ": " + Message();
}
