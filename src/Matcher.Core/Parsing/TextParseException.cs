using System.Globalization;
using Matcher.Explanations;

namespace Matcher.Parsing;

/// <summary>A parser produced no draft; <see cref="Kind"/> says why. The text itself is never part of the message.</summary>
public sealed class TextParseException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="kind">Why no draft was produced.</param>
    /// <param name="detail">A short technical detail (status code, finish reason), never the text parsed.</param>
    /// <param name="innerException">The cause.</param>
    public TextParseException(ParseFailureKind kind, string? detail = null, Exception? innerException = null)
        : base(Describe(kind, detail, MatcherCultures.English), innerException)
    {
        Kind = kind;
        Detail = detail;
    }

    /// <summary>Creates the exception.</summary>
    public TextParseException()
        : this(ParseFailureKind.Unavailable)
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">Detail.</param>
    public TextParseException(string message)
        : this(ParseFailureKind.Unavailable, message)
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">Detail.</param>
    /// <param name="innerException">The cause.</param>
    public TextParseException(string message, Exception innerException)
        : this(ParseFailureKind.Unavailable, message, innerException)
    {
    }

    /// <summary>Why no draft was produced.</summary>
    public ParseFailureKind Kind { get; }

    /// <summary>A short technical detail.</summary>
    public string? Detail { get; }

    /// <summary>The message in a language.</summary>
    /// <param name="culture">Language; Spanish when <see langword="null"/>.</param>
    /// <returns>The message.</returns>
    public string Describe(CultureInfo? culture = null) => Describe(Kind, Detail, culture ?? MatcherCultures.Spanish);

    private static string Describe(ParseFailureKind kind, string? detail, CultureInfo culture) =>
        MessageTemplates.Render("parse.failed", new Dictionary<string, object?> { ["kind"] = kind, ["detail"] = detail ?? "—" }, culture);
}
