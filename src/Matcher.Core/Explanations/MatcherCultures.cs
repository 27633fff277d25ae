using System.Globalization;

namespace Matcher.Explanations;

/// <summary>The languages user-facing text is rendered in: Spanish (Peru) first, English available.</summary>
public static class MatcherCultures
{
    /// <summary>Spanish as spoken in Peru, the default.</summary>
    public static CultureInfo Spanish { get; } = CultureInfo.GetCultureInfo("es-PE");

    /// <summary>English.</summary>
    public static CultureInfo English { get; } = CultureInfo.GetCultureInfo("en");

    /// <summary>Maps a language tag (<c>es</c>, <c>en</c>, <c>es-PE</c>, <c>en-US</c>…) to a supported culture.</summary>
    /// <param name="language">The tag; <see langword="null"/> or empty gives Spanish.</param>
    /// <returns>The culture.</returns>
    /// <exception cref="ArgumentException">The language is neither Spanish nor English.</exception>
    public static CultureInfo Resolve(string? language)
    {
        if (string.IsNullOrWhiteSpace(language))
        {
            return Spanish;
        }

        var tag = language.Trim();
        if (tag.Equals("es", StringComparison.OrdinalIgnoreCase) || tag.StartsWith("es-", StringComparison.OrdinalIgnoreCase))
        {
            return Spanish;
        }

        if (tag.Equals("en", StringComparison.OrdinalIgnoreCase) || tag.StartsWith("en-", StringComparison.OrdinalIgnoreCase))
        {
            return English;
        }

        throw new ArgumentException($"Unsupported language '{language}': use 'es' or 'en'.", nameof(language));
    }

    /// <summary>Whether the culture is rendered in English.</summary>
    /// <param name="culture">The culture.</param>
    /// <returns><see langword="true"/> for English.</returns>
    internal static bool IsEnglish(CultureInfo culture) => culture.TwoLetterISOLanguageName == "en";
}
