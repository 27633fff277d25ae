using Matcher.Geography;

namespace Matcher.Geography;

public class UbigeoDirectoryTests
{
    private static readonly UbigeoDirectory Directory = UbigeoDirectory.Default;

    [Fact]
    public void Counts_MatchTheInei2025Directory()
    {
        Assert.Equal(1891, Directory.Districts.Count);
        Assert.Equal(196, Directory.ProvinceCount);
        Assert.Equal(25, Directory.DepartmentCount);
    }

    [Fact]
    public void Lookup_GivesNamesAndStatistics()
    {
        var huancavelica = Directory.Find(Ubigeo.Parse("090101"))!;
        Assert.Equal(("Huancavelica", "Huancavelica", "Huancavelica"), (huancavelica.Department, huancavelica.Province, huancavelica.Name));
        Assert.NotNull(huancavelica.PovertyPercent);
        Assert.InRange(huancavelica.AltitudeMeters, 3000, 4500);
        Assert.Equal("Huancavelica", Directory.NameOf(UbigeoArea.Parse("09")));
        Assert.Equal("Cusco, Cusco, Cusco", Directory.Describe(Ubigeo.Parse("080101")));
    }

    [Fact]
    public void InieAndReniecCodesAreTranslated()
    {
        // Lima: INEI 150101, RENIEC 140101 (the two codings are not interchangeable).
        Assert.Equal("140101", Directory.Find(Ubigeo.Parse("150101"))!.ReniecCode);
        Assert.Equal("150101", Directory.FindByReniecCode("140101")!.Ubigeo.ToString());
        Assert.Equal("Callao", Directory.FindByReniecCode("240101")!.Department);
    }

    [Fact]
    public void DistrictsAbsentFromThe2021File_HaveNoStatistics()
    {
        var altoTrujillo = Directory.Find(Ubigeo.Parse("130112"))!;
        Assert.Null(altoTrujillo.ReniecCode);
        Assert.Null(altoTrujillo.PovertyPercent);
        Assert.Equal("170107", Directory.Find(Ubigeo.Parse("180107"))!.ReniecCode);
    }

    [Theory]
    [InlineData("080101", true)]
    [InlineData("999999", false)]
    [InlineData("160109", false)]
    public void Contains_KnowsOnlyCurrentDistricts(string code, bool exists) => Assert.Equal(exists, Directory.Contains(Ubigeo.Parse(code)));

    [Theory]
    [InlineData("8010")]
    [InlineData("0801011")]
    [InlineData("08o101")]
    [InlineData("")]
    public void Parse_RejectsMalformedCodes(string text) => Assert.False(Ubigeo.TryParse(text, out _));

    [Fact]
    public void Ubigeo_KeepsTheLeadingZero() => Assert.Equal("010101", Ubigeo.Parse("010101").ToString());
}
