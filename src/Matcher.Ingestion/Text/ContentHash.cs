using System.Security.Cryptography;
using System.Text;

namespace Matcher.Ingestion.Text;

/// <summary>The SHA-256 of a normalized text, in lower-case hex: equal hashes mean nothing worth parsing changed.</summary>
public static class ContentHash
{
    /// <summary>Hashes a text after normalizing it.</summary>
    /// <param name="text">The text (normalized or not).</param>
    /// <returns>64 lower-case hex digits.</returns>
    public static string Of(string text) => OfNormalized(TextNormalizer.Normalize(text));

    /// <summary>Hashes a text that is already normalized.</summary>
    /// <param name="normalized">The normalized text.</param>
    /// <returns>64 lower-case hex digits.</returns>
    public static string OfNormalized(string normalized)
    {
        ArgumentNullException.ThrowIfNull(normalized);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(normalized)));
    }
}
