using System.Globalization;
using Matcher.Explanations;

namespace Matcher.Scholarships;

/// <summary>A text in Spanish and English.</summary>
/// <param name="Es">Spanish.</param>
/// <param name="En">English.</param>
public sealed record LocalizedText(string Es, string En)
{
    /// <summary>The text in the culture's language (English for English cultures, Spanish otherwise).</summary>
    /// <param name="culture">The culture; Spanish when <see langword="null"/>.</param>
    /// <returns>The text.</returns>
    public string Get(CultureInfo? culture = null) => culture is not null && MatcherCultures.IsEnglish(culture) ? En : Es;

    /// <summary>The Spanish text.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => Es;
}
