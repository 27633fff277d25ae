using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Matcher.Keras.Execution;

/// <summary>Which SIMD width the kernels use; the widest the machine accelerates, or forced narrower by tests.</summary>
internal enum KernelWidth
{
    Scalar,
    Vector256,
    Vector512,
}

/// <summary>The dense kernel: a register-blocked multiply over a kernel padded to 16 columns, with Vector512, Vector256 and scalar paths.</summary>
internal static class Kernels
{
    public const int Pad = 16;

    public static KernelWidth Best { get; } =
        Vector512.IsHardwareAccelerated ? KernelWidth.Vector512 : Vector256.IsHardwareAccelerated ? KernelWidth.Vector256 : KernelWidth.Scalar;

    public static int Padded(int units) => (units + Pad - 1) / Pad * Pad;

    /// <summary>y[r, 0..units) = b + x[r, 0..inDim) · W, W stored row-major as [inDim, padded].</summary>
    public static void Dense(ReadOnlySpan<float> x, int rows, int inDim, ReadOnlySpan<float> w, ReadOnlySpan<float> b, int units, int padded, Span<float> y, Span<float> scratch, KernelWidth width)
    {
        for (var r = 0; r < rows; r++)
        {
            var xr = x.Slice(r * inDim, inDim);
            var target = units == padded ? y.Slice(r * units, units) : scratch[..padded];
            switch (width)
            {
                case KernelWidth.Vector512:
                    Row512(xr, w, b, padded, target);
                    break;
                case KernelWidth.Vector256:
                    Row256(xr, w, b, padded, target);
                    break;
                default:
                    RowScalar(xr, w, b, padded, target);
                    break;
            }

            if (units != padded)
            {
                scratch[..units].CopyTo(y.Slice(r * units, units));
            }
        }
    }

    private static void Row512(ReadOnlySpan<float> x, ReadOnlySpan<float> w, ReadOnlySpan<float> b, int padded, Span<float> y)
    {
        ref var wr = ref MemoryMarshal.GetReference(w);
        ref var br = ref MemoryMarshal.GetReference(b);
        ref var yr = ref MemoryMarshal.GetReference(y);
        var n = x.Length;
        var j = 0;
        for (; j + 64 <= padded; j += 64)
        {
            var a0 = Vector512.LoadUnsafe(ref br, (nuint)j);
            var a1 = Vector512.LoadUnsafe(ref br, (nuint)(j + 16));
            var a2 = Vector512.LoadUnsafe(ref br, (nuint)(j + 32));
            var a3 = Vector512.LoadUnsafe(ref br, (nuint)(j + 48));
            for (var i = 0; i < n; i++)
            {
                var xi = Vector512.Create(x[i]);
                ref var row = ref Unsafe.Add(ref wr, (i * padded) + j);
                a0 = Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref row), xi, a0);
                a1 = Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref row, 16), xi, a1);
                a2 = Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref row, 32), xi, a2);
                a3 = Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref row, 48), xi, a3);
            }

            a0.StoreUnsafe(ref yr, (nuint)j);
            a1.StoreUnsafe(ref yr, (nuint)(j + 16));
            a2.StoreUnsafe(ref yr, (nuint)(j + 32));
            a3.StoreUnsafe(ref yr, (nuint)(j + 48));
        }

        for (; j < padded; j += 16)
        {
            var a = Vector512.LoadUnsafe(ref br, (nuint)j);
            for (var i = 0; i < n; i++)
            {
                a = Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref Unsafe.Add(ref wr, (i * padded) + j)), Vector512.Create(x[i]), a);
            }

            a.StoreUnsafe(ref yr, (nuint)j);
        }
    }

    private static void Row256(ReadOnlySpan<float> x, ReadOnlySpan<float> w, ReadOnlySpan<float> b, int padded, Span<float> y)
    {
        ref var wr = ref MemoryMarshal.GetReference(w);
        ref var br = ref MemoryMarshal.GetReference(b);
        ref var yr = ref MemoryMarshal.GetReference(y);
        var n = x.Length;
        var j = 0;
        for (; j + 32 <= padded; j += 32)
        {
            var a0 = Vector256.LoadUnsafe(ref br, (nuint)j);
            var a1 = Vector256.LoadUnsafe(ref br, (nuint)(j + 8));
            var a2 = Vector256.LoadUnsafe(ref br, (nuint)(j + 16));
            var a3 = Vector256.LoadUnsafe(ref br, (nuint)(j + 24));
            for (var i = 0; i < n; i++)
            {
                var xi = Vector256.Create(x[i]);
                ref var row = ref Unsafe.Add(ref wr, (i * padded) + j);
                a0 = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref row), xi, a0);
                a1 = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref row, 8), xi, a1);
                a2 = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref row, 16), xi, a2);
                a3 = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref row, 24), xi, a3);
            }

            a0.StoreUnsafe(ref yr, (nuint)j);
            a1.StoreUnsafe(ref yr, (nuint)(j + 8));
            a2.StoreUnsafe(ref yr, (nuint)(j + 16));
            a3.StoreUnsafe(ref yr, (nuint)(j + 24));
        }

        for (; j < padded; j += 8)
        {
            var a = Vector256.LoadUnsafe(ref br, (nuint)j);
            for (var i = 0; i < n; i++)
            {
                a = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref Unsafe.Add(ref wr, (i * padded) + j)), Vector256.Create(x[i]), a);
            }

            a.StoreUnsafe(ref yr, (nuint)j);
        }
    }

    private static void RowScalar(ReadOnlySpan<float> x, ReadOnlySpan<float> w, ReadOnlySpan<float> b, int padded, Span<float> y)
    {
        b[..padded].CopyTo(y);
        for (var i = 0; i < x.Length; i++)
        {
            var xi = x[i];
            var row = w.Slice(i * padded, padded);
            for (var j = 0; j < padded; j++)
            {
                y[j] = MathF.FusedMultiplyAdd(row[j], xi, y[j]);
            }
        }
    }

    /// <summary>y = x·scale + shift per channel of the last axis.</summary>
    public static void Affine(ReadOnlySpan<float> x, ReadOnlySpan<float> scale, ReadOnlySpan<float> shift, Span<float> y)
    {
        var c = scale.Length;
        for (var start = 0; start < x.Length; start += c)
        {
            TensorPrimitives.FusedMultiplyAdd(x.Slice(start, c), scale, shift, y.Slice(start, c));
        }
    }
}
