using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Matcher.Indexing;

/// <summary>
/// Bitset kernels over <c>ulong</c> words: 512-bit vectors where the hardware has them, else 256, 128, or scalar code.
/// The fallbacks are exercised by running the differential tests with <c>DOTNET_EnableAVX512=0</c> and
/// <c>DOTNET_EnableHWIntrinsic=0</c>.
/// </summary>
internal static class BitKernels
{
    /// <summary>The widest vector path in use: "Vector512", "Vector256", "Vector128" or "Scalar".</summary>
    public static string ActivePath =>
        Vector512.IsHardwareAccelerated ? "Vector512" : Vector256.IsHardwareAccelerated ? "Vector256" : Vector128.IsHardwareAccelerated ? "Vector128" : "Scalar";

    public static int Words(int bits) => (bits + 63) >> 6;

    public static void Set(Span<ulong> bits, int index) => bits[index >> 6] |= 1UL << (index & 63);

    public static bool Get(ReadOnlySpan<ulong> bits, int index) => (bits[index >> 6] & (1UL << (index & 63))) != 0;

    /// <summary><paramref name="destination"/> |= <paramref name="a"/>.</summary>
    public static void Or(Span<ulong> destination, ReadOnlySpan<ulong> a)
    {
        var n = destination.Length;
        ref var d = ref MemoryMarshal.GetReference(destination);
        ref var x = ref MemoryMarshal.GetReference(a);
        nuint i = 0;
        if (Vector512.IsHardwareAccelerated)
        {
            for (; (int)i <= n - Vector512<ulong>.Count; i += (nuint)Vector512<ulong>.Count)
            {
                (Vector512.LoadUnsafe(ref d, i) | Vector512.LoadUnsafe(ref x, i)).StoreUnsafe(ref d, i);
            }
        }
        else if (Vector256.IsHardwareAccelerated)
        {
            for (; (int)i <= n - Vector256<ulong>.Count; i += (nuint)Vector256<ulong>.Count)
            {
                (Vector256.LoadUnsafe(ref d, i) | Vector256.LoadUnsafe(ref x, i)).StoreUnsafe(ref d, i);
            }
        }
        else if (Vector128.IsHardwareAccelerated)
        {
            for (; (int)i <= n - Vector128<ulong>.Count; i += (nuint)Vector128<ulong>.Count)
            {
                (Vector128.LoadUnsafe(ref d, i) | Vector128.LoadUnsafe(ref x, i)).StoreUnsafe(ref d, i);
            }
        }

        for (; (int)i < n; i++)
        {
            Unsafe.Add(ref d, i) |= Unsafe.Add(ref x, i);
        }
    }

    /// <summary><paramref name="destination"/> |= <paramref name="a"/> &amp; ~<paramref name="b"/>.</summary>
    public static void OrAndNot(Span<ulong> destination, ReadOnlySpan<ulong> a, ReadOnlySpan<ulong> b)
    {
        var n = destination.Length;
        ref var d = ref MemoryMarshal.GetReference(destination);
        ref var x = ref MemoryMarshal.GetReference(a);
        ref var y = ref MemoryMarshal.GetReference(b);
        nuint i = 0;
        if (Vector512.IsHardwareAccelerated)
        {
            for (; (int)i <= n - Vector512<ulong>.Count; i += (nuint)Vector512<ulong>.Count)
            {
                (Vector512.LoadUnsafe(ref d, i) | Vector512.AndNot(Vector512.LoadUnsafe(ref x, i), Vector512.LoadUnsafe(ref y, i))).StoreUnsafe(ref d, i);
            }
        }
        else if (Vector256.IsHardwareAccelerated)
        {
            for (; (int)i <= n - Vector256<ulong>.Count; i += (nuint)Vector256<ulong>.Count)
            {
                (Vector256.LoadUnsafe(ref d, i) | Vector256.AndNot(Vector256.LoadUnsafe(ref x, i), Vector256.LoadUnsafe(ref y, i))).StoreUnsafe(ref d, i);
            }
        }
        else if (Vector128.IsHardwareAccelerated)
        {
            for (; (int)i <= n - Vector128<ulong>.Count; i += (nuint)Vector128<ulong>.Count)
            {
                (Vector128.LoadUnsafe(ref d, i) | Vector128.AndNot(Vector128.LoadUnsafe(ref x, i), Vector128.LoadUnsafe(ref y, i))).StoreUnsafe(ref d, i);
            }
        }

        for (; (int)i < n; i++)
        {
            Unsafe.Add(ref d, i) |= Unsafe.Add(ref x, i) & ~Unsafe.Add(ref y, i);
        }
    }

    /// <summary><paramref name="destination"/> |= <paramref name="a"/> &amp; <paramref name="b"/>.</summary>
    public static void OrAnd(Span<ulong> destination, ReadOnlySpan<ulong> a, ReadOnlySpan<ulong> b)
    {
        var n = destination.Length;
        ref var d = ref MemoryMarshal.GetReference(destination);
        ref var x = ref MemoryMarshal.GetReference(a);
        ref var y = ref MemoryMarshal.GetReference(b);
        nuint i = 0;
        if (Vector512.IsHardwareAccelerated)
        {
            for (; (int)i <= n - Vector512<ulong>.Count; i += (nuint)Vector512<ulong>.Count)
            {
                (Vector512.LoadUnsafe(ref d, i) | (Vector512.LoadUnsafe(ref x, i) & Vector512.LoadUnsafe(ref y, i))).StoreUnsafe(ref d, i);
            }
        }
        else if (Vector256.IsHardwareAccelerated)
        {
            for (; (int)i <= n - Vector256<ulong>.Count; i += (nuint)Vector256<ulong>.Count)
            {
                (Vector256.LoadUnsafe(ref d, i) | (Vector256.LoadUnsafe(ref x, i) & Vector256.LoadUnsafe(ref y, i))).StoreUnsafe(ref d, i);
            }
        }
        else if (Vector128.IsHardwareAccelerated)
        {
            for (; (int)i <= n - Vector128<ulong>.Count; i += (nuint)Vector128<ulong>.Count)
            {
                (Vector128.LoadUnsafe(ref d, i) | (Vector128.LoadUnsafe(ref x, i) & Vector128.LoadUnsafe(ref y, i))).StoreUnsafe(ref d, i);
            }
        }

        for (; (int)i < n; i++)
        {
            Unsafe.Add(ref d, i) |= Unsafe.Add(ref x, i) & Unsafe.Add(ref y, i);
        }
    }

    /// <summary><see cref="Or(Span{ulong}, ReadOnlySpan{ulong})"/> over the given runs of words only.</summary>
    public static void Or(Span<ulong> destination, ReadOnlySpan<ulong> a, ReadOnlySpan<WordRun> runs)
    {
        foreach (var r in runs)
        {
            Or(destination.Slice(r.Start, r.Length), a.Slice(r.Start, r.Length));
        }
    }

    /// <summary><see cref="OrAndNot(Span{ulong}, ReadOnlySpan{ulong}, ReadOnlySpan{ulong})"/> over the given runs of words only.</summary>
    public static void OrAndNot(Span<ulong> destination, ReadOnlySpan<ulong> a, ReadOnlySpan<ulong> b, ReadOnlySpan<WordRun> runs)
    {
        foreach (var r in runs)
        {
            OrAndNot(destination.Slice(r.Start, r.Length), a.Slice(r.Start, r.Length), b.Slice(r.Start, r.Length));
        }
    }

    /// <summary><see cref="OrAnd(Span{ulong}, ReadOnlySpan{ulong}, ReadOnlySpan{ulong})"/> over the given runs of words only.</summary>
    public static void OrAnd(Span<ulong> destination, ReadOnlySpan<ulong> a, ReadOnlySpan<ulong> b, ReadOnlySpan<WordRun> runs)
    {
        foreach (var r in runs)
        {
            OrAnd(destination.Slice(r.Start, r.Length), a.Slice(r.Start, r.Length), b.Slice(r.Start, r.Length));
        }
    }

    /// <summary>Number of set bits of <paramref name="a"/> &amp; ~<paramref name="b"/>.</summary>
    public static int CountAndNot(ReadOnlySpan<ulong> a, ReadOnlySpan<ulong> b)
    {
        var count = 0;
        for (var i = 0; i < a.Length; i++)
        {
            count += BitOperations.PopCount(a[i] & ~b[i]);
        }

        return count;
    }

    /// <summary>Number of set bits of <paramref name="a"/> | <paramref name="b"/>.</summary>
    public static int CountOr(ReadOnlySpan<ulong> a, ReadOnlySpan<ulong> b)
    {
        var count = 0;
        for (var i = 0; i < a.Length; i++)
        {
            count += BitOperations.PopCount(a[i] | b[i]);
        }

        return count;
    }

    /// <summary>Number of set bits.</summary>
    public static int Count(ReadOnlySpan<ulong> a)
    {
        var count = 0;
        for (var i = 0; i < a.Length; i++)
        {
            count += BitOperations.PopCount(a[i]);
        }

        return count;
    }
}
