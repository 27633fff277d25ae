using System.Globalization;

namespace Matcher.Ingestion.Feeds;

/// <summary>A problem in a feed, naming where it is.</summary>
/// <param name="Line">The CSV line, or the JSON array element's position (1-based); 0 for the whole feed.</param>
/// <param name="Field">The column or property, or <c>$</c> for the whole row.</param>
/// <param name="Spanish">The message in Spanish.</param>
/// <param name="English">The message in English.</param>
public sealed record FeedError(int Line, string Field, string Spanish, string English)
{
    /// <summary>The message in a culture's language (Spanish unless English is asked for), prefixed with the place.</summary>
    /// <param name="culture">The culture.</param>
    /// <returns>The message.</returns>
    public string Message(CultureInfo? culture)
    {
        var english = culture?.TwoLetterISOLanguageName == "en";
        var place = Line == 0 ? "" : english ? $"line {Line}, " : $"línea {Line}, ";
        return $"{place}{Field}: {(english ? English : Spanish)}";
    }
}
