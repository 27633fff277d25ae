namespace Matcher.Keras.Execution;

/// <summary>The error function in double precision (.NET has no <c>Math.Erf</c>); exact GELU needs it.</summary>
internal static class Erf
{
    /// <summary>erf(x) with an absolute error below 1e-14: Taylor series near zero, Lentz continued fraction for erfc beyond.</summary>
    public static double Compute(double x)
    {
        if (double.IsNaN(x))
        {
            return double.NaN;
        }

        var a = Math.Abs(x);
        double result;
        if (a < 2.5)
        {
            // erf(x) = 2/√π Σ (−1)^n x^(2n+1) / (n! (2n+1))
            double term = a, sum = a, x2 = a * a;
            for (var n = 1; n < 80; n++)
            {
                term *= -x2 / n;
                var add = term / ((2 * n) + 1);
                sum += add;
                if (Math.Abs(add) < 1e-17 * Math.Abs(sum))
                {
                    break;
                }
            }

            result = 2 / Math.Sqrt(Math.PI) * sum;
        }
        else if (a > 6)
        {
            result = 1;
        }
        else
        {
            result = 1 - Erfc(a);
        }

        return x < 0 ? -result : result;
    }

    /// <summary>erfc(x) for x ≥ 2.5: exp(−x²)/√π · 1/(x + 1/2/(x + 1/(x + 3/2/(x + ...)))).</summary>
    private static double Erfc(double x)
    {
        const double tiny = 1e-300;
        var f = x;
        var c = x;
        var d = 0.0;
        for (var n = 1; n < 200; n++)
        {
            var an = n / 2.0;
            d = x + (an * d);
            d = Math.Abs(d) < tiny ? tiny : d;
            c = x + (an / c);
            c = Math.Abs(c) < tiny ? tiny : c;
            d = 1 / d;
            var delta = c * d;
            f *= delta;
            if (Math.Abs(delta - 1) < 1e-16)
            {
                break;
            }
        }

        return Math.Exp(-x * x) / Math.Sqrt(Math.PI) / f;
    }
}
