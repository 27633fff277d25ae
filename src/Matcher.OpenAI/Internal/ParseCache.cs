using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Caching.Memory;

namespace Matcher.OpenAI.Internal;

/// <summary>Parsed results keyed by SHA-256 of the text, the model and the prompt version (a new prompt never reuses an old answer).</summary>
internal sealed class ParseCache(IMemoryCache cache, OpenAIMetrics metrics)
{
    public static string Key(string operation, string model, string promptVersion, string text) =>
        operation + "|" + model + "|" + promptVersion + "|" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    public bool TryGet<T>(string operation, string key, out T value)
        where T : class
    {
        if (cache.TryGetValue(key, out var hit) && hit is T typed)
        {
            metrics.CacheHit(operation);
            value = typed;
            return true;
        }

        value = null!;
        return false;
    }

    public void Set<T>(string key, T value, TimeSpan duration)
        where T : class
    {
        if (duration > TimeSpan.Zero)
        {
            cache.Set(key, value, new MemoryCacheEntryOptions { AbsoluteExpirationRelativeToNow = duration, Size = 1 });
        }
    }
}
