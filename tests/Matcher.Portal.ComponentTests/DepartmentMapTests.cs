using Bunit;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Matcher.Portal.Components.Shared;
using Matcher.Portal.Services;
using Microsoft.Extensions.DependencyInjection;
using Radzen;

namespace Matcher.Portal.ComponentTests;

public sealed class DepartmentMapTests
{
    private static readonly DepartmentShape[] Shapes =
    [
        new("01", "AMAZONAS", "M0,0L10,0L10,10Z"),
        new("02", "ANCASH", "M10,0L20,0L20,10Z"),
        new("03", "APURIMAC", "M20,0L30,0L30,10Z"),
        new("04", "AREQUIPA", "M30,0L40,0L40,10Z"),
        new("05", "AYACUCHO", "M40,0L50,0L50,10Z"),
    ];

    // Beca 18 shares 0, 1/4, 1/2 and 1; Ayacucho has no students.
    private static readonly DepartmentFigures[] Figures =
    [
        new("01", "Amazonas", 3, 0, 3, 3),
        new("02", "Áncash", 4, 1, 8, 2),
        new("03", "Apurímac", 2, 1, 2, 0),
        new("04", "Arequipa", 5, 5, 15, 1),
    ];

    private static IRenderedComponent<DepartmentMap> Render(BunitContext ctx, MapMeasure measure)
    {
        ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        ctx.Services.AddRadzenComponents();
        return ctx.Render<DepartmentMap>(p => p.Add(x => x.Shapes, Shapes).Add(x => x.Height, 10).Add(x => x.Figures, Figures).Add(x => x.InitialMeasure, measure));
    }

    private static Dictionary<string, string> Fills(IRenderedComponent<DepartmentMap> cut) =>
        cut.FindAll("path.department").ToDictionary(p => p.GetAttribute("data-code")!, p => p.GetAttribute("fill")!);

    [Fact]
    public void Departments_with_different_values_get_different_fills_and_the_legend_matches()
    {
        using var ctx = new BunitContext();
        var cut = Render(ctx, MapMeasure.Beca18Share);
        var fills = Fills(cut);
        Assert.Equal(5, fills.Count);
        Assert.Equal(4, fills.Where(f => f.Key != "05").Select(f => f.Value).Distinct().Count());
        Assert.Equal(ChoroplethScale.NoDataFill, fills["05"]);

        var legend = cut.FindAll("#map-legend li").Select(li => li.GetAttribute("data-fill")!).ToList();
        Assert.Equal(5, legend.Count);
        Assert.Equal(ChoroplethScale.NoDataFill, legend[^1]);
        // Every colour on the map is in the legend, and every class in the legend is on the map.
        Assert.Equal(fills.Values.ToHashSet(), legend.ToHashSet());
        // Lowest value, lightest class first: Amazonas (0 %) takes the legend's first colour, Arequipa (100 %) the last.
        Assert.Equal(legend[0], fills["01"]);
        Assert.Equal(legend[3], fills["04"]);
        Assert.Contains("100", cut.Find("#map-legend li:nth-child(4)").TextContent, StringComparison.Ordinal);
        Assert.Contains("sin datos", cut.Find("path[data-code='05'] title").TextContent, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("n = 4", cut.Find("path[data-code='02'] title").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Switching_the_measure_recolours_the_map_and_the_table()
    {
        using var ctx = new BunitContext();
        var cut = Render(ctx, MapMeasure.Beca18Share);
        var before = Fills(cut);
        // Amazonas has the lowest Beca 18 share but the highest unknown share.
        cut.FindAll("#map-measure .rz-radio-btn")[(int)MapMeasure.UnknownShare].Click();
        var after = Fills(cut);
        Assert.NotEqual(before["01"], after["01"]);
        Assert.Equal(cut.FindAll("#map-legend li")[^2].GetAttribute("data-fill"), after["01"]);
        Assert.Contains("100", cut.Find("#map-table tr[data-code='01'] td:last-child").TextContent, StringComparison.Ordinal);
        Assert.Contains("por confirmar", cut.Find("#map-title").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void The_table_lists_every_department_with_its_count()
    {
        using var ctx = new BunitContext();
        var cut = Render(ctx, MapMeasure.Students);
        var rows = cut.FindAll("#map-table tbody tr");
        Assert.Equal(5, rows.Count);
        Assert.Equal("5", cut.Find("#map-table tr[data-code='04'] td").TextContent);
        Assert.Contains("sin datos", cut.Find("#map-table tr[data-code='05'] td:last-child").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Few_distinct_values_get_one_class_each_and_many_get_quantiles()
    {
        var few = ChoroplethScale.Create([0.5, 0.5, 1, 0]);
        Assert.Equal(3, few.Classes.Count);
        Assert.All(few.Classes, c => Assert.True(c.IsSingleValue));
        Assert.NotEqual(few.Fill(0), few.Fill(1));

        var many = ChoroplethScale.Create(Enumerable.Range(1, 20).Select(i => (double)i), classes: 4);
        Assert.Equal(4, many.Classes.Count);
        Assert.All(many.Classes, c => Assert.Equal(5, c.Count));
        Assert.Equal(ChoroplethScale.NoDataFill, many.Fill(null));
        Assert.Empty(ChoroplethScale.Create([]).Classes);
    }

    [Property]
    public Property Every_value_falls_in_one_class_that_holds_it_and_classes_rise(NonEmptyArray<NormalFloat> data, PositiveInt k)
    {
        var values = data.Get.Select(v => Math.Round(v.Get, 2)).ToArray();
        var scale = ChoroplethScale.Create(values, 2 + (k.Get % 5));
        var classes = scale.Classes;
        var inOwnClass = values.All(v => scale.ClassOf(v) is { } c && v >= c.Lower && (c.IsLast || c.IsSingleValue ? v <= c.Upper : v < c.Upper));
        var rising = classes.Zip(classes.Skip(1)).All(p => p.First.Lower < p.Second.Lower);
        var counted = classes.Sum(c => c.Count) == values.Length && classes.All(c => c.Count > 0);
        var distinctFills = classes.Select(c => c.Fill).Distinct().Count() == classes.Count;
        return (inOwnClass && rising && counted && distinctFills).ToProperty();
    }
}
