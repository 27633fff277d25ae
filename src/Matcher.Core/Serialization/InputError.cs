using System.Globalization;
using System.Text;
using Matcher.Explanations;

namespace Matcher.Serialization;

/// <summary>
/// One problem in user data (a profile, a batch row, a catalog file): where it is and what is wrong, as a stable code
/// with the values involved, rendered in Spanish or English on demand.
/// </summary>
/// <param name="Path">JSON path of the field (<c>$.basicEducation.gradeAverage</c>), or <c>$</c> for the whole document.</param>
/// <param name="Code">Stable code, e.g. <c>input.out-of-range</c>.</param>
/// <param name="Values">Values the message refers to.</param>
public sealed record InputError(string Path, string Code, IReadOnlyDictionary<string, object?> Values)
{
    /// <summary>File (or other source) the error was found in, when known.</summary>
    public string? Source { get; init; }

    /// <summary>1-based line of the source, when known (batch rows, CSV lines).</summary>
    public int? Line { get; init; }

    /// <summary>The message alone, without the location.</summary>
    /// <param name="culture">Language; Spanish when <see langword="null"/>.</param>
    /// <returns>The message.</returns>
    public string Message(CultureInfo? culture = null) => MessageTemplates.Render(Code, Values, culture ?? MatcherCultures.Spanish);

    /// <summary>Location and message: <c>file:line: $.field: message</c>.</summary>
    /// <param name="culture">Language; Spanish when <see langword="null"/>.</param>
    /// <returns>The description.</returns>
    public string Describe(CultureInfo? culture = null)
    {
        var c = culture ?? MatcherCultures.Spanish;
        var sb = new StringBuilder();
        if (Source is not null)
        {
            sb.Append(Source).Append(Line is null ? ": " : ":");
        }

        if (Line is not null)
        {
            sb.Append(MessageTemplates.Fill(MessageTemplates.Template("input.line", c)!, new Dictionary<string, object?> { ["line"] = Line }, c)).Append(": ");
        }

        sb.Append(Path).Append(": ").Append(Message(c));
        return sb.ToString();
    }

    /// <summary>The Spanish description.</summary>
    /// <returns>The description.</returns>
    public override string ToString() => Describe();
}
