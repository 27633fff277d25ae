namespace Matcher.Parsing;

/// <summary>An amount of money a call text states.</summary>
/// <param name="Value">The amount.</param>
/// <param name="Currency">ISO 4217 code (<c>PEN</c> for soles).</param>
/// <param name="Purpose">What it is for.</param>
public sealed record MoneyAmount(decimal Value, string Currency, AmountPurpose Purpose);
