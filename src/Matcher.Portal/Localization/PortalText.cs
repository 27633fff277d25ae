using System.Globalization;

namespace Matcher.Portal.Localization;

/// <summary>
/// The pages' texts, written where they are used as a Spanish and an English pair (as the API's problem texts are):
/// Spanish for <c>es-PE</c> and any other culture, English when the user switched to it.
/// </summary>
public static class PortalText
{
    /// <summary>The text in the current UI culture.</summary>
    public static string T(string es, string en) => IsEnglish(CultureInfo.CurrentUICulture) ? en : es;

    /// <summary>Whether a culture is English.</summary>
    public static bool IsEnglish(CultureInfo culture) => culture.TwoLetterISOLanguageName == "en";

    /// <summary>The matcher's language code for the current UI culture: <c>es</c> or <c>en</c>.</summary>
    public static string Language => IsEnglish(CultureInfo.CurrentUICulture) ? "en" : "es";

    /// <summary>A number as the current culture writes it.</summary>
    public static string Number(double value, string format = "0.##") => value.ToString(format, CultureInfo.CurrentCulture);

    /// <summary>A share as a percentage.</summary>
    public static string Percent(double share) => (share * 100).ToString("0.#", CultureInfo.CurrentCulture) + " %";
}
