using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Matcher.Portal.Services;

/// <summary>One department's outline as an SVG path.</summary>
/// <param name="Code">2-digit INEI department code.</param>
/// <param name="Name">Name as in the source (upper case, no accents).</param>
/// <param name="Path">SVG path data in the map's view box.</param>
public sealed record DepartmentShape(string Code, string Name, string Path);

/// <summary>
/// The department map of Peru, drawn as SVG from the embedded GeoJSON (juaneladio/peru-geojson, MPL-2.0; MINAM/INEI
/// 2007): an equirectangular projection scaled by the cosine of the central latitude, so no map tiles are fetched.
/// </summary>
internal sealed class PeruMap
{
    /// <summary>Width of the view box.</summary>
    public const double Width = 600;

    private readonly Lazy<(IReadOnlyList<DepartmentShape> Shapes, double Height)> _map = new(Load);

    /// <summary>The departments (24 and Callao).</summary>
    public IReadOnlyList<DepartmentShape> Departments => _map.Value.Shapes;

    /// <summary>Height of the view box.</summary>
    public double Height => _map.Value.Height;

    /// <summary>The attribution to show with the map.</summary>
    public const string Attribution = "Límites departamentales: MINAM Geoservidor / INEI 2007, vía juaneladio/peru-geojson (MPL-2.0).";

    private static (IReadOnlyList<DepartmentShape>, double) Load()
    {
        using var stream = typeof(PeruMap).Assembly.GetManifestResourceStream("Matcher.Portal.peru-departments.geojson")
            ?? throw new InvalidOperationException("The department map is missing from the assembly.");
        using var doc = JsonDocument.Parse(stream);
        var features = doc.RootElement.GetProperty("features").EnumerateArray().ToList();
        var rings = features.Select(f => (
            Code: f.GetProperty("properties").GetProperty("FIRST_IDDP").GetString()!,
            Name: f.GetProperty("properties").GetProperty("NOMBDEP").GetString()!,
            Rings: Rings(f.GetProperty("geometry")).ToList())).ToList();
        var points = rings.SelectMany(r => r.Rings).SelectMany(r => r).ToList();
        double minLon = points.Min(p => p.Lon), maxLon = points.Max(p => p.Lon), minLat = points.Min(p => p.Lat), maxLat = points.Max(p => p.Lat);
        var cos = Math.Cos((minLat + maxLat) / 2 * Math.PI / 180);
        var scale = Width / ((maxLon - minLon) * cos);
        var height = (maxLat - minLat) * scale;
        var shapes = rings.Select(r =>
        {
            var path = new StringBuilder();
            foreach (var ring in r.Rings)
            {
                for (var i = 0; i < ring.Count; i++)
                {
                    var x = (ring[i].Lon - minLon) * cos * scale;
                    var y = (maxLat - ring[i].Lat) * scale;
                    path.Append(i == 0 ? 'M' : 'L').Append(x.ToString("0.#", CultureInfo.InvariantCulture)).Append(',').Append(y.ToString("0.#", CultureInfo.InvariantCulture));
                }

                path.Append('Z');
            }

            return new DepartmentShape(r.Code, r.Name, path.ToString());
        }).OrderBy(s => s.Code, StringComparer.Ordinal).ToList();
        return (shapes, Math.Round(height, 1));
    }

    private static IEnumerable<List<(double Lon, double Lat)>> Rings(JsonElement geometry)
    {
        var type = geometry.GetProperty("type").GetString();
        var coordinates = geometry.GetProperty("coordinates");
        var polygons = type == "MultiPolygon" ? coordinates.EnumerateArray().ToList() : [coordinates];
        foreach (var polygon in polygons)
        {
            foreach (var ring in polygon.EnumerateArray())
            {
                yield return ring.EnumerateArray().Select(p => (p[0].GetDouble(), p[1].GetDouble())).ToList();
            }
        }
    }
}
