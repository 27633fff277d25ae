using System.Collections.Frozen;
using System.Globalization;

namespace Matcher.Geography;

/// <summary>
/// The districts of Peru (INEI 2025 directory, 1,891 districts) with poverty, IDH and altitude, embedded in the
/// assembly. Immutable and thread-safe.
/// </summary>
public sealed class UbigeoDirectory
{
    private static readonly Lazy<UbigeoDirectory> LazyDefault = new(LoadEmbedded);

    private readonly FrozenDictionary<int, District> _byCode;
    private readonly FrozenDictionary<string, District> _byReniec;
    private readonly FrozenDictionary<int, string> _departments;
    private readonly FrozenDictionary<int, string> _provinces;

    private UbigeoDirectory(IReadOnlyList<District> districts)
    {
        Districts = districts;
        _byCode = districts.ToFrozenDictionary(d => d.Ubigeo.Value);
        _byReniec = districts.Where(d => d.ReniecCode is not null).ToFrozenDictionary(d => d.ReniecCode!, StringComparer.Ordinal);
        _departments = districts.GroupBy(d => d.Ubigeo.DepartmentCode).ToFrozenDictionary(g => g.Key, g => g.First().Department);
        _provinces = districts.GroupBy(d => d.Ubigeo.ProvinceCode).ToFrozenDictionary(g => g.Key, g => g.First().Province);
    }

    /// <summary>The directory embedded in this assembly.</summary>
    public static UbigeoDirectory Default => LazyDefault.Value;

    /// <summary>All districts, ordered by code.</summary>
    public IReadOnlyList<District> Districts { get; }

    /// <summary>Number of departments (25: 24 and Callao).</summary>
    public int DepartmentCount => _departments.Count;

    /// <summary>Number of provinces.</summary>
    public int ProvinceCount => _provinces.Count;

    /// <summary>Whether the district exists.</summary>
    /// <param name="ubigeo">INEI code.</param>
    /// <returns><see langword="true"/> when the code is a district of the directory.</returns>
    public bool Contains(Ubigeo ubigeo) => _byCode.ContainsKey(ubigeo.Value);

    /// <summary>Whether the department, province or district exists.</summary>
    /// <param name="area">The area.</param>
    /// <returns><see langword="true"/> when it exists.</returns>
    public bool Contains(UbigeoArea area) => area.Digits switch
    {
        2 => _departments.ContainsKey(area.Code),
        4 => _provinces.ContainsKey(area.Code),
        _ => _byCode.ContainsKey(area.Code),
    };

    /// <summary>Finds a district by its INEI code.</summary>
    /// <param name="ubigeo">INEI code.</param>
    /// <returns>The district, or <see langword="null"/>.</returns>
    public District? Find(Ubigeo ubigeo) => _byCode.GetValueOrDefault(ubigeo.Value);

    /// <summary>Translates a RENIEC code (as on the DNI) into the district.</summary>
    /// <param name="reniecCode">Six-digit RENIEC code.</param>
    /// <returns>The district, or <see langword="null"/>.</returns>
    public District? FindByReniecCode(string reniecCode) => _byReniec.GetValueOrDefault(reniecCode);

    /// <summary>The name of an area: department, province or district.</summary>
    /// <param name="area">The area.</param>
    /// <returns>The name, or <see langword="null"/> when the area does not exist.</returns>
    public string? NameOf(UbigeoArea area) => area.Digits switch
    {
        2 => _departments.GetValueOrDefault(area.Code),
        4 => _provinces.GetValueOrDefault(area.Code),
        _ => _byCode.GetValueOrDefault(area.Code)?.Name,
    };

    /// <summary>"District, Province, Department" for display.</summary>
    /// <param name="ubigeo">INEI code.</param>
    /// <returns>The place, or the code when it does not exist.</returns>
    public string Describe(Ubigeo ubigeo) =>
        Find(ubigeo) is { } d ? $"{d.Name}, {d.Province}, {d.Department}" : ubigeo.ToString();

    internal static UbigeoDirectory Parse(TextReader reader)
    {
        var header = reader.ReadLine();
        if (header is null || !header.StartsWith("ubigeo,reniec,department,province,district,", StringComparison.Ordinal))
        {
            throw new InvalidDataException("districts.csv: unexpected header.");
        }

        var districts = new List<District>(1900);
        var lineNumber = 1;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            var f = line.Split(',');
            if (f.Length != 12 || !Ubigeo.TryParse(f[0], out var code))
            {
                throw new InvalidDataException($"districts.csv:{lineNumber}: malformed row.");
            }

            districts.Add(new District(
                code,
                f[1].Length == 0 ? null : f[1],
                f[2],
                f[3],
                f[4],
                double.Parse(f[5], CultureInfo.InvariantCulture),
                double.Parse(f[6], CultureInfo.InvariantCulture),
                double.Parse(f[7], CultureInfo.InvariantCulture),
                int.Parse(f[8], CultureInfo.InvariantCulture),
                OptionalDouble(f[9]),
                OptionalDouble(f[10]),
                OptionalDouble(f[11])));
        }

        return new UbigeoDirectory(districts);
    }

    private static double? OptionalDouble(string text) =>
        text.Length == 0 ? null : double.Parse(text, CultureInfo.InvariantCulture);

    private static UbigeoDirectory LoadEmbedded()
    {
        using var stream = typeof(UbigeoDirectory).Assembly.GetManifestResourceStream("Matcher.Geography/districts.csv")
            ?? throw new InvalidOperationException("The embedded district list is missing from Matcher.Core.");
        using var reader = new StreamReader(stream);
        return Parse(reader);
    }
}
