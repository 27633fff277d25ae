using System.Security.Cryptography;
using System.Text;

namespace Matcher.Portal.Security;

/// <summary>Makes and hashes API keys: 256 random bits, shown once; only the SHA-256 is stored.</summary>
internal static class ApiKeyHasher
{
    public const string KeyPrefix = "mk_";

    public static string NewKey() => KeyPrefix + Base64Url(RandomNumberGenerator.GetBytes(32));

    public static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    public static string VisiblePrefix(string key) => key[..Math.Min(10, key.Length)];

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
