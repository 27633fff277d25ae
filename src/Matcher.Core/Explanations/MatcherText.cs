using System.Globalization;

namespace Matcher.Explanations;

/// <summary>
/// The texts of the matcher for applications that show them (CLI, portal): names of enum values ("tercio superior"),
/// labels of profile facts, dates, and template filling with named placeholders.
/// </summary>
public static class MatcherText
{
    /// <summary>The localized name of an enum value of the domain (<c>AcademicRank.TopThird</c> → "tercio superior").</summary>
    /// <param name="value">The value.</param>
    /// <param name="culture">The language; Spanish when <see langword="null"/>.</param>
    /// <returns>The name.</returns>
    public static string EnumName(Enum value, CultureInfo? culture = null)
    {
        ArgumentNullException.ThrowIfNull(value);
        return MessageTemplates.EnumName(value, culture ?? MatcherCultures.Spanish);
    }

    /// <summary>The localized label of a profile fact (<c>sisfoh.classification</c> → "clasificación SISFOH").</summary>
    /// <param name="factPath">The fact path (CONTRACT §1).</param>
    /// <param name="culture">The language; Spanish when <see langword="null"/>.</param>
    /// <returns>The label, or the path when there is none.</returns>
    public static string FactLabel(string factPath, CultureInfo? culture = null)
    {
        ArgumentNullException.ThrowIfNull(factPath);
        return MatchExplainer.FactLabel(factPath, culture ?? MatcherCultures.Spanish);
    }

    /// <summary>A date as users read it ("5 de setiembre de 2025").</summary>
    /// <param name="date">The date.</param>
    /// <param name="culture">The language; Spanish when <see langword="null"/>.</param>
    /// <returns>The text.</returns>
    public static string Date(DateOnly date, CultureInfo? culture = null) => MessageTemplates.FormatValue(date, culture ?? MatcherCultures.Spanish);

    /// <summary>Fills the named placeholders (<c>{name}</c>) of a template with values formatted for the culture.</summary>
    /// <param name="template">The template.</param>
    /// <param name="values">The values by name.</param>
    /// <param name="culture">The language; Spanish when <see langword="null"/>.</param>
    /// <returns>The text.</returns>
    public static string Fill(string template, IReadOnlyDictionary<string, object?> values, CultureInfo? culture = null)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(values);
        return MessageTemplates.Fill(template, values, culture ?? MatcherCultures.Spanish);
    }
}
