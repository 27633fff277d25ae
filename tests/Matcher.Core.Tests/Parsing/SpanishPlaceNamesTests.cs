namespace Matcher.Parsing;

public class SpanishPlaceNamesTests
{
    [Fact]
    public void Departments_AreFoundAnywhere_IgnoringAccentsAndCase()
    {
        var mentions = SpanishPlaceNames.Default.FindIn("Jóvenes de HUANUCO, San Martín y ucayali");
        Assert.Equal(["10", "22", "25"], mentions.Select(m => m.Areas.Single().ToString()));
    }

    [Fact]
    public void ProvincesAndDistricts_NeedToBeNamedOrQualified()
    {
        Assert.Empty(SpanishPlaceNames.Default.FindIn("una colonia de santa rosa"));
        Assert.Equal("0504", SpanishPlaceNames.Default.FindIn("la provincia de Huanta").Single().Areas.Single().ToString());
        Assert.Equal(["050407", "050408"], SpanishPlaceNames.Default.FindIn("los distritos de Sivia y Llochegua").Select(m => m.Areas.Single().ToString()));
        Assert.Equal("050401", SpanishPlaceNames.Default.FindIn("vivo en Huanta, Ayacucho").Single().Areas.Single().ToString());
    }

    [Fact]
    public void Find_ReturnsEveryAreaOfTheName()
    {
        Assert.Equal(["15", "1501", "150101"], SpanishPlaceNames.Default.Find("lima").Select(a => a.ToString()));
        Assert.Empty(SpanishPlaceNames.Default.Find("Atlantis"));
    }
}
