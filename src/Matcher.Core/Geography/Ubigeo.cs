using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Matcher.Geography;

/// <summary>
/// An INEI UBIGEO code of a district: six digits <c>DDPPdd</c> (department, province, district), leading zero kept.
/// </summary>
/// <remarks>
/// INEI and RENIEC codes are different codings and are not interchangeable (Lima is INEI <c>150101</c> and RENIEC
/// <c>140101</c>). This type always holds the INEI code; <see cref="District.ReniecCode"/> gives the RENIEC one.
/// Parsing checks the form only; whether the district exists is checked against <see cref="UbigeoDirectory"/>.
/// </remarks>
public readonly record struct Ubigeo : IComparable<Ubigeo>
{
    private Ubigeo(int value) => Value = value;

    /// <summary>The code as a number (e.g. 80101 for <c>080101</c>).</summary>
    public int Value { get; }

    /// <summary>The two-digit department code.</summary>
    public int DepartmentCode => Value / 10000;

    /// <summary>The four-digit province code.</summary>
    public int ProvinceCode => Value / 100;

    /// <summary>Parses a six-digit code.</summary>
    /// <param name="text">The code, for example <c>"080101"</c>.</param>
    /// <param name="ubigeo">The code when the text is six digits.</param>
    /// <returns><see langword="true"/> when the text is six ASCII digits.</returns>
    public static bool TryParse([NotNullWhen(true)] string? text, out Ubigeo ubigeo)
    {
        ubigeo = default;
        if (text is null || text.Length != 6 || !text.All(char.IsAsciiDigit))
        {
            return false;
        }

        ubigeo = new Ubigeo(int.Parse(text, CultureInfo.InvariantCulture));
        return true;
    }

    /// <summary>Parses a six-digit code.</summary>
    /// <param name="text">The code.</param>
    /// <returns>The code.</returns>
    /// <exception cref="FormatException">The text is not six digits.</exception>
    public static Ubigeo Parse(string text) =>
        TryParse(text, out var u) ? u : throw new FormatException($"'{text}' is not a six-digit UBIGEO code.");

    /// <summary>Whether this district lies inside <paramref name="area"/>.</summary>
    /// <param name="area">A department, province or district.</param>
    /// <returns><see langword="true"/> when the code starts with the area's code.</returns>
    public bool IsIn(UbigeoArea area) => area.Digits switch
    {
        2 => DepartmentCode == area.Code,
        4 => ProvinceCode == area.Code,
        _ => Value == area.Code,
    };

    /// <summary>Compares two codes.</summary>
    /// <param name="left">The first code.</param>
    /// <param name="right">The second code.</param>
    /// <returns>Whether the first is lower.</returns>
    public static bool operator <(Ubigeo left, Ubigeo right) => left.Value < right.Value;

    /// <summary>Compares two codes.</summary>
    /// <param name="left">The first code.</param>
    /// <param name="right">The second code.</param>
    /// <returns>Whether the first is higher.</returns>
    public static bool operator >(Ubigeo left, Ubigeo right) => left.Value > right.Value;

    /// <summary>Compares two codes.</summary>
    /// <param name="left">The first code.</param>
    /// <param name="right">The second code.</param>
    /// <returns>Whether the first is lower or equal.</returns>
    public static bool operator <=(Ubigeo left, Ubigeo right) => left.Value <= right.Value;

    /// <summary>Compares two codes.</summary>
    /// <param name="left">The first code.</param>
    /// <param name="right">The second code.</param>
    /// <returns>Whether the first is higher or equal.</returns>
    public static bool operator >=(Ubigeo left, Ubigeo right) => left.Value >= right.Value;

    /// <inheritdoc />
    public int CompareTo(Ubigeo other) => Value.CompareTo(other.Value);

    /// <summary>The six-digit code.</summary>
    /// <returns>The code with leading zeros.</returns>
    public override string ToString() => Value.ToString("D6", CultureInfo.InvariantCulture);
}
