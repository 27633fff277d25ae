using System.Globalization;

namespace Matcher.Portal.Api;

/// <summary>
/// Reads a whole-number query parameter itself, so that a bad one is a 400 naming the parameter in every environment
/// (minimal APIs' own binding throws in Development and answers an empty 400 elsewhere).
/// </summary>
internal static class QueryNumber
{
    /// <summary>Absent or empty is <see langword="null"/>; otherwise a signed 64-bit integer.</summary>
    public static bool TryRead(string? text, out long? value)
    {
        value = null;
        if (string.IsNullOrEmpty(text))
        {
            return true;
        }

        if (!long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var parsed))
        {
            return false;
        }

        value = parsed;
        return true;
    }
}
