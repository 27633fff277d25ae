using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Matcher.Geography;

/// <summary>A department (2 digits), province (4 digits) or district (6 digits) given by its INEI code.</summary>
public readonly record struct UbigeoArea
{
    private UbigeoArea(int code, int digits)
    {
        Code = code;
        Digits = digits;
    }

    /// <summary>The numeric code.</summary>
    public int Code { get; }

    /// <summary>2, 4 or 6.</summary>
    public int Digits { get; }

    /// <summary>Parses a code of 2, 4 or 6 digits.</summary>
    /// <param name="text">The code.</param>
    /// <param name="area">The area when the text has the right form.</param>
    /// <returns><see langword="true"/> on success.</returns>
    public static bool TryParse([NotNullWhen(true)] string? text, out UbigeoArea area)
    {
        area = default;
        if (text is null || text.Length is not (2 or 4 or 6) || !text.All(char.IsAsciiDigit))
        {
            return false;
        }

        area = new UbigeoArea(int.Parse(text, CultureInfo.InvariantCulture), text.Length);
        return true;
    }

    /// <summary>Parses a code of 2, 4 or 6 digits.</summary>
    /// <param name="text">The code.</param>
    /// <returns>The area.</returns>
    /// <exception cref="FormatException">The text is not 2, 4 or 6 digits.</exception>
    public static UbigeoArea Parse(string text) =>
        TryParse(text, out var a) ? a : throw new FormatException($"'{text}' is not a UBIGEO code of 2, 4 or 6 digits.");

    /// <summary>The code with its leading zeros.</summary>
    /// <returns>The code.</returns>
    public override string ToString() => Code.ToString("D" + Digits.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
}
