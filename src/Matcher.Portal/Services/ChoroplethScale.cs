namespace Matcher.Portal.Services;

/// <summary>One class of a choropleth legend: values from <see cref="Lower"/> to <see cref="Upper"/>.</summary>
/// <param name="Fill">The class's colour.</param>
/// <param name="Lower">Smallest value in the class (inclusive).</param>
/// <param name="Upper">Upper bound: exclusive, except for the last class, where it is the largest value.</param>
/// <param name="IsLast">Whether this is the last class (its upper bound is inclusive).</param>
/// <param name="Count">How many of the data's values fall in the class.</param>
public sealed record ScaleClass(string Fill, double Lower, double Upper, bool IsLast, int Count)
{
    /// <summary>Whether the class holds a single value.</summary>
    public bool IsSingleValue => Lower == Upper;
}

/// <summary>
/// A sequential colour scale whose classes are computed from the data: each distinct value its own class when there are
/// at most <c>classes</c> of them, otherwise quantile classes (breaks at values of the data, so no class is empty). The
/// colours are ColorBrewer's YlGnBu (colour-blind safe, readable in grey), light for low values and dark for high ones.
/// </summary>
public sealed class ChoroplethScale
{
    /// <summary>The fill of a department without data (a hatch pattern defined by the map).</summary>
    public const string NoDataFill = "url(#map-no-data)";

    private static readonly string[] Palette = ["#ffffcc", "#c7e9b4", "#7fcdbb", "#41b6c4", "#2c7fb8", "#253494"];

    private readonly double[] _thresholds;

    private ChoroplethScale(double[] thresholds, IReadOnlyList<ScaleClass> classes)
    {
        _thresholds = thresholds;
        Classes = classes;
    }

    /// <summary>The classes, lowest first; empty when there is no data.</summary>
    public IReadOnlyList<ScaleClass> Classes { get; }

    /// <summary>Builds the scale for the values that exist (departments without data are left out by the caller).</summary>
    /// <param name="values">The data's values; NaN and infinities are refused.</param>
    /// <param name="classes">At most this many classes (2–6).</param>
    public static ChoroplethScale Create(IEnumerable<double> values, int classes = 5)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentOutOfRangeException.ThrowIfLessThan(classes, 2);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(classes, Palette.Length);
        var sorted = values.ToArray();
        if (sorted.Any(v => !double.IsFinite(v)))
        {
            throw new ArgumentException("Every value must be a finite number.", nameof(values));
        }

        Array.Sort(sorted);
        if (sorted.Length == 0)
        {
            return new ChoroplethScale([], []);
        }

        var distinct = sorted.Distinct().ToArray();
        // A class starts at each threshold; the first starts at the minimum.
        var thresholds = distinct.Length <= classes
            ? distinct.Skip(1).ToArray()
            : Enumerable.Range(1, classes - 1).Select(j => sorted[j * sorted.Length / classes]).Where(t => t > sorted[0]).Distinct().ToArray();
        var starts = new[] { sorted[0] }.Concat(thresholds).ToArray();
        var colours = Colours(starts.Length);
        var list = new List<ScaleClass>(starts.Length);
        for (var i = 0; i < starts.Length; i++)
        {
            var last = i == starts.Length - 1;
            var upper = last ? sorted[^1] : starts[i + 1];
            var lower = starts[i];
            var count = sorted.Count(v => v >= lower && (last ? v <= upper : v < upper));
            list.Add(new ScaleClass(colours[i], lower, distinct.Length <= classes ? lower : upper, last, count));
        }

        return new ChoroplethScale(thresholds, list);
    }

    /// <summary>The fill for a value: its class's colour, or <see cref="NoDataFill"/> when there is no value.</summary>
    public string Fill(double? value) => ClassOf(value) is { } c ? c.Fill : NoDataFill;

    /// <summary>The class of a value; <see langword="null"/> for no value or an empty scale.</summary>
    public ScaleClass? ClassOf(double? value)
    {
        if (value is not { } v || Classes.Count == 0)
        {
            return null;
        }

        var index = 0;
        while (index < _thresholds.Length && v >= _thresholds[index])
        {
            index++;
        }

        return Classes[index];
    }

    /// <summary><paramref name="n"/> colours spread over the palette, always from its lightest to its darkest.</summary>
    private static string[] Colours(int n) => n == 1
        ? [Palette[Palette.Length / 2]]
        : Enumerable.Range(0, n).Select(i => Palette[(int)Math.Round(i * (Palette.Length - 1) / (double)(n - 1))]).ToArray();
}
