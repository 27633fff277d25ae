using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;

namespace Matcher.Serialization;

/// <summary>
/// The JSON spelling of the domain's enums: the member name in camelCase (<c>TopThird</c> ↔ <c>topThird</c>).
/// Parsing is exact and case-sensitive, as the contract requires.
/// </summary>
public static class EnumText
{
    /// <summary>The camelCase name of a value.</summary>
    /// <typeparam name="T">The enum type.</typeparam>
    /// <param name="value">The value.</param>
    /// <returns>Its JSON spelling.</returns>
    public static string Of<T>(T value)
        where T : struct, Enum => Names<T>.ToText[value];

    /// <summary>Parses the camelCase name of a value.</summary>
    /// <typeparam name="T">The enum type.</typeparam>
    /// <param name="text">The text.</param>
    /// <param name="value">The value when the text names one.</param>
    /// <returns><see langword="true"/> when the text is exactly the spelling of a value.</returns>
    public static bool TryParse<T>([NotNullWhen(true)] string? text, out T value)
        where T : struct, Enum
    {
        if (text is not null && Names<T>.FromText.TryGetValue(text, out value))
        {
            return true;
        }

        value = default;
        return false;
    }

    /// <summary>All spellings of an enum, in declaration order.</summary>
    /// <typeparam name="T">The enum type.</typeparam>
    /// <returns>The names.</returns>
    public static IReadOnlyList<string> All<T>()
        where T : struct, Enum => Names<T>.Ordered;

    internal static string OfAny(Enum value) => CamelCase(value.ToString());

    private static string CamelCase(string name) => char.ToLowerInvariant(name[0]) + name[1..];

    private static class Names<T>
        where T : struct, Enum
    {
        public static readonly string[] Ordered = Enum.GetValues<T>().Select(v => CamelCase(v.ToString())).ToArray();

        public static readonly FrozenDictionary<T, string> ToText =
            Enum.GetValues<T>().ToFrozenDictionary(v => v, v => CamelCase(v.ToString()));

        public static readonly FrozenDictionary<string, T> FromText =
            Enum.GetValues<T>().ToFrozenDictionary(v => CamelCase(v.ToString()), v => v, StringComparer.Ordinal);
    }
}
