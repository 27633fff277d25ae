using System.Globalization;
using CsvHelper;

namespace Matcher.Geography;

/// <summary>The embedded district table is the join of its two source files (data/geography/PROVENANCE.md).</summary>
public class GeographyDataTests
{
    private static string Source(string name) => Path.Combine(AppContext.BaseDirectory, "geography-sources", name);

    private static List<Dictionary<string, string>> ReadCsv(string name, char separator)
    {
        using var reader = CsvReader.Create(System.IO.File.OpenRead(Source(name)), new CsvReaderOptions { HasHeader = true, Separator = separator }, leaveOpen: false);
        reader.ReadHeader();
        var header = reader.Headers.Select(h => h.TrimStart('\uFEFF')).ToArray();
        var rows = new List<Dictionary<string, string>>();
        while (reader.Read())
        {
            rows.Add(header.Select((h, i) => (h, v: reader.GetString(i))).ToDictionary(x => x.h, x => x.v));
        }

        return rows;
    }

    [Fact]
    public void EmbeddedDistricts_AreTheJoinOfTheSourceFiles()
    {
        var master = ReadCsv("michaelsuarez0_ubigeo_inei_2025.csv", ';');
        var augmented = ReadCsv("jmcastagnetto_ubigeo_distrito.csv", ',');
        var byInei = augmented.Where(r => r["inei"] != "NA").ToDictionary(r => r["inei"]);
        var directory = UbigeoDirectory.Default;

        Assert.Equal(master.Count, directory.Districts.Count);
        foreach (var row in master)
        {
            var district = directory.Find(Ubigeo.Parse(row["ubigeo"]))!;
            Assert.Equal(row["distrito"], district.Name);
            Assert.Equal(row["provincia"], district.Province);
            Assert.Equal(row["departamento"], district.Department);
            Assert.Equal(int.Parse(row["población"], CultureInfo.InvariantCulture), district.Population);
            if (byInei.TryGetValue(row["ubigeo"], out var aug))
            {
                Assert.Equal(aug["reniec"] == "NA" ? null : aug["reniec"], district.ReniecCode);
                Assert.Equal(aug["pct_pobreza_total"] == "NA" ? null : double.Parse(aug["pct_pobreza_total"], CultureInfo.InvariantCulture), district.PovertyPercent);
                Assert.Equal(aug["idh_2019"] == "NA" ? null : double.Parse(aug["idh_2019"], CultureInfo.InvariantCulture), district.HumanDevelopmentIndex);
            }
        }
    }
}
