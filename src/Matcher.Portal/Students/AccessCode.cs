using System.Security.Cryptography;
using System.Text;

namespace Matcher.Portal.Students;

/// <summary>
/// A student's private access code: 12 characters from an alphabet without look-alikes (no 0/O, 1/I/L, U), about 59
/// bits from a cryptographic generator, written in three groups of four (<c>K7QM-2XHD-9PRT</c>). Only its keyed hash
/// is stored; typing it in lower case, with spaces or without dashes works the same.
/// </summary>
internal static class AccessCode
{
    /// <summary>The characters a code is made of.</summary>
    public const string Alphabet = "23456789ABCDEFGHJKMNPQRSTVWXYZ";

    /// <summary>Characters in a code, dashes left out.</summary>
    public const int Length = 12;

    /// <summary>A fresh code, grouped for reading.</summary>
    public static string New()
    {
        var code = new StringBuilder(Length + 2);
        for (var i = 0; i < Length; i++)
        {
            if (i is 4 or 8)
            {
                code.Append('-');
            }

            code.Append(Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)]);
        }

        return code.ToString();
    }

    /// <summary>The code as it is hashed (upper case, no dashes or spaces); <see langword="null"/> when it cannot be a code.</summary>
    public static string? Normalize(string? typed)
    {
        if (typed is null)
        {
            return null;
        }

        var code = new string(typed.Where(c => c is not ('-' or ' ' or '\t')).Select(char.ToUpperInvariant).ToArray());
        return code.Length == Length && code.All(c => Alphabet.Contains(c, StringComparison.Ordinal)) ? code : null;
    }
}
