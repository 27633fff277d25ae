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
    /// <remarks>
    /// Rows go four at a time: each weight vector is loaded once and multiplied into four independent accumulators,
    /// which hides the FMA latency and quarters the weight traffic. A padded output goes through the scratch row.
    /// </remarks>
    public static void Dense(ReadOnlySpan<float> x, int rows, int inDim, ReadOnlySpan<float> w, ReadOnlySpan<float> b, int units, int padded, Span<float> y, Span<float> scratch, KernelWidth width)
    {
        var direct = units == padded;
        var r = 0;
        if (width != KernelWidth.Scalar)
        {
            for (; r + 4 <= rows; r += 4)
            {
                var target = direct ? y.Slice(r * units, 4 * units) : scratch[..(4 * padded)];
                if (width == KernelWidth.Vector512)
                {
                    Block512(x.Slice(r * inDim, 4 * inDim), inDim, w, b, padded, target);
                }
                else
                {
                    Block256(x.Slice(r * inDim, 4 * inDim), inDim, w, b, padded, target);
                }

                if (!direct)
                {
                    for (var k = 0; k < 4; k++)
                    {
                        scratch.Slice(k * padded, units).CopyTo(y.Slice((r + k) * units, units));
                    }
                }
            }
        }

        for (; r < rows; r++)
        {
            var xr = x.Slice(r * inDim, inDim);
            var target = direct ? y.Slice(r * units, units) : scratch[..padded];
            RowScalar(xr, w, b, padded, target);
            if (!direct)
            {
                scratch[..units].CopyTo(y.Slice(r * units, units));
            }
        }
    }

    /// <summary>Four rows of <paramref name="x"/> into four rows of <paramref name="y"/> (stride <paramref name="padded"/>).</summary>
    /// <remarks>
    /// Columns go 64 at a time (16 accumulators: four rows × four vectors), then 16: each broadcast input and each
    /// weight vector feeds four FMAs, so the loop is bound by FMA throughput rather than by loads.
    /// </remarks>
    private static void Block512(ReadOnlySpan<float> x, int n, ReadOnlySpan<float> w, ReadOnlySpan<float> b, int padded, Span<float> y)
    {
        ref var wr = ref MemoryMarshal.GetReference(w);
        ref var br = ref MemoryMarshal.GetReference(b);
        ref var yr = ref MemoryMarshal.GetReference(y);
        ref var x0 = ref MemoryMarshal.GetReference(x);
        ref var x1 = ref Unsafe.Add(ref x0, n);
        ref var x2 = ref Unsafe.Add(ref x0, 2 * n);
        ref var x3 = ref Unsafe.Add(ref x0, 3 * n);
        var j = 0;
        for (; j + 64 <= padded; j += 64)
        {
            var b0 = Vector512.LoadUnsafe(ref br, (nuint)j);
            var b1 = Vector512.LoadUnsafe(ref br, (nuint)(j + 16));
            var b2 = Vector512.LoadUnsafe(ref br, (nuint)(j + 32));
            var b3 = Vector512.LoadUnsafe(ref br, (nuint)(j + 48));
            var (a00, a01, a02, a03) = (b0, b1, b2, b3);
            var (a10, a11, a12, a13) = (b0, b1, b2, b3);
            var (a20, a21, a22, a23) = (b0, b1, b2, b3);
            var (a30, a31, a32, a33) = (b0, b1, b2, b3);
            for (var i = 0; i < n; i++)
            {
                ref var row = ref Unsafe.Add(ref wr, (i * padded) + j);
                var w0 = Vector512.LoadUnsafe(ref row);
                var w1 = Vector512.LoadUnsafe(ref row, 16);
                var w2 = Vector512.LoadUnsafe(ref row, 32);
                var w3 = Vector512.LoadUnsafe(ref row, 48);
                var v = Vector512.Create(Unsafe.Add(ref x0, i));
                a00 = Vector512.FusedMultiplyAdd(w0, v, a00);
                a01 = Vector512.FusedMultiplyAdd(w1, v, a01);
                a02 = Vector512.FusedMultiplyAdd(w2, v, a02);
                a03 = Vector512.FusedMultiplyAdd(w3, v, a03);
                v = Vector512.Create(Unsafe.Add(ref x1, i));
                a10 = Vector512.FusedMultiplyAdd(w0, v, a10);
                a11 = Vector512.FusedMultiplyAdd(w1, v, a11);
                a12 = Vector512.FusedMultiplyAdd(w2, v, a12);
                a13 = Vector512.FusedMultiplyAdd(w3, v, a13);
                v = Vector512.Create(Unsafe.Add(ref x2, i));
                a20 = Vector512.FusedMultiplyAdd(w0, v, a20);
                a21 = Vector512.FusedMultiplyAdd(w1, v, a21);
                a22 = Vector512.FusedMultiplyAdd(w2, v, a22);
                a23 = Vector512.FusedMultiplyAdd(w3, v, a23);
                v = Vector512.Create(Unsafe.Add(ref x3, i));
                a30 = Vector512.FusedMultiplyAdd(w0, v, a30);
                a31 = Vector512.FusedMultiplyAdd(w1, v, a31);
                a32 = Vector512.FusedMultiplyAdd(w2, v, a32);
                a33 = Vector512.FusedMultiplyAdd(w3, v, a33);
            }

            Store4(ref Unsafe.Add(ref yr, j), a00, a01, a02, a03);
            Store4(ref Unsafe.Add(ref yr, padded + j), a10, a11, a12, a13);
            Store4(ref Unsafe.Add(ref yr, (2 * padded) + j), a20, a21, a22, a23);
            Store4(ref Unsafe.Add(ref yr, (3 * padded) + j), a30, a31, a32, a33);
        }

        for (; j < padded; j += 16)
        {
            var bias = Vector512.LoadUnsafe(ref br, (nuint)j);
            var (a0, a1, a2, a3) = (bias, bias, bias, bias);
            for (var i = 0; i < n; i++)
            {
                var wv = Vector512.LoadUnsafe(ref Unsafe.Add(ref wr, (i * padded) + j));
                a0 = Vector512.FusedMultiplyAdd(wv, Vector512.Create(Unsafe.Add(ref x0, i)), a0);
                a1 = Vector512.FusedMultiplyAdd(wv, Vector512.Create(Unsafe.Add(ref x1, i)), a1);
                a2 = Vector512.FusedMultiplyAdd(wv, Vector512.Create(Unsafe.Add(ref x2, i)), a2);
                a3 = Vector512.FusedMultiplyAdd(wv, Vector512.Create(Unsafe.Add(ref x3, i)), a3);
            }

            a0.StoreUnsafe(ref yr, (nuint)j);
            a1.StoreUnsafe(ref yr, (nuint)(padded + j));
            a2.StoreUnsafe(ref yr, (nuint)((2 * padded) + j));
            a3.StoreUnsafe(ref yr, (nuint)((3 * padded) + j));
        }
    }

    private static void Store4(ref float target, Vector512<float> a, Vector512<float> b, Vector512<float> c, Vector512<float> d)
    {
        a.StoreUnsafe(ref target);
        b.StoreUnsafe(ref target, 16);
        c.StoreUnsafe(ref target, 32);
        d.StoreUnsafe(ref target, 48);
    }

    private static void Block256(ReadOnlySpan<float> x, int n, ReadOnlySpan<float> w, ReadOnlySpan<float> b, int padded, Span<float> y)
    {
        ref var wr = ref MemoryMarshal.GetReference(w);
        ref var br = ref MemoryMarshal.GetReference(b);
        ref var yr = ref MemoryMarshal.GetReference(y);
        ref var x0 = ref MemoryMarshal.GetReference(x);
        ref var x1 = ref Unsafe.Add(ref x0, n);
        ref var x2 = ref Unsafe.Add(ref x0, 2 * n);
        ref var x3 = ref Unsafe.Add(ref x0, 3 * n);
        for (var j = 0; j < padded; j += 8)
        {
            var bias = Vector256.LoadUnsafe(ref br, (nuint)j);
            var (a0, a1, a2, a3) = (bias, bias, bias, bias);
            for (var i = 0; i < n; i++)
            {
                var wv = Vector256.LoadUnsafe(ref Unsafe.Add(ref wr, (i * padded) + j));
                a0 = Vector256.FusedMultiplyAdd(wv, Vector256.Create(Unsafe.Add(ref x0, i)), a0);
                a1 = Vector256.FusedMultiplyAdd(wv, Vector256.Create(Unsafe.Add(ref x1, i)), a1);
                a2 = Vector256.FusedMultiplyAdd(wv, Vector256.Create(Unsafe.Add(ref x2, i)), a2);
                a3 = Vector256.FusedMultiplyAdd(wv, Vector256.Create(Unsafe.Add(ref x3, i)), a3);
            }

            a0.StoreUnsafe(ref yr, (nuint)j);
            a1.StoreUnsafe(ref yr, (nuint)(padded + j));
            a2.StoreUnsafe(ref yr, (nuint)((2 * padded) + j));
            a3.StoreUnsafe(ref yr, (nuint)((3 * padded) + j));
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
