using System.Text.Encodings.Web;
using System.Text.Json;
using NetTopologySuite.Algorithm.Hull;
using NetTopologySuite.Features;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO.Converters;
using NetTopologySuite.Operation.Union;
using NetTopologySuite.Precision;
using NetTopologySuite.Triangulate;

namespace Workbench.Data.Synthetic;

/// <summary>
/// Writes districts/chome.geojson (a point per 町丁 at its census representative point) and
/// districts/districts.geojson (a generated polygon per 中学校区: the Voronoi cells of the 町丁 points, clipped to a
/// smooth outline of the city and unioned per district). The real boundaries are a separate source that the
/// districts importer loads like any other; these only need to look right on a map.
/// </summary>
internal static class DistrictGeometry
{
    /// <summary>Longest edge of the concave hull round the 町丁 points, in km.</summary>
    private const double HullEdgeKm = 6.0;

    /// <summary>Margin round the hull in km, chosen so that the outline covers about the city's 506 km².</summary>
    private const double OutlineMarginKm = 1.2;

    private static readonly GeometryFactory Wgs84 = new(new PrecisionModel(1_000_000), 4326);

    /// <summary>
    /// Exterior rings clockwise, as in the real A32 file that Plotly's choropleth drew correctly; Plotly (d3-geo) fills
    /// the rest of the globe for counter-clockwise rings.
    /// </summary>
    private static readonly JsonSerializerOptions Json = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new GeoJsonConverterFactory(Wgs84, false, null, RingOrientationOption.NtsGeoJsonV2) },
    };

    public static void WriteChome(IReadOnlyList<ChomeFact> chome, string path)
    {
        var features = new FeatureCollection();
        foreach (var c in chome)
        {
            var point = Wgs84.CreatePoint(new Coordinate(Round(c.Longitude), Round(c.Latitude)));
            features.Add(new Feature(point, new AttributesTable
            {
                { "level", "chome" },
                { "code", c.Code },
                { "name", c.Name },
                { "district_code", c.DistrictCode },
                { "district_name", c.DistrictName },
                { "area_code", c.AreaCode },
                { "area_name", c.AreaName },
                { "is_urban", c.IsUrban },
                { "population", c.Population },
                { "households", c.Households },
            }));
        }

        Save(features, path);
    }

    public static void WriteDistricts(IReadOnlyList<ChomeFact> chome, string path)
    {
        var projection = new LocalProjection(chome.Average(c => c.Longitude), chome.Average(c => c.Latitude));
        var plane = new GeometryFactory();
        var sites = chome.Select(c => projection.ToPlane(c.Longitude, c.Latitude)).ToList();

        var builder = new VoronoiDiagramBuilder();
        builder.SetSites(sites);
        var envelope = new Envelope();
        foreach (var site in sites)
        {
            envelope.ExpandToInclude(site);
        }

        envelope.ExpandBy(20);
        builder.ClipEnvelope = envelope;
        var cells = builder.GetDiagram(plane);

        // The city's outline: a concave hull of the points (no edge longer than a few km), widened by a margin.
        var hull = ConcaveHull.ConcaveHullByLength(plane.CreateMultiPointFromCoords([.. sites]), HullEdgeKm);
        var outline = hull.Buffer(OutlineMarginKm, 16);

        var siteIndex = new Dictionary<Coordinate, int>();
        for (var i = 0; i < sites.Count; i++)
        {
            siteIndex.TryAdd(sites[i], i);
        }

        var byDistrict = new SortedDictionary<string, List<Geometry>>(StringComparer.Ordinal);
        for (var i = 0; i < cells.NumGeometries; i++)
        {
            var cell = cells.GetGeometryN(i);
            var site = (Coordinate)cell.UserData;
            var c = chome[siteIndex[site]];
            if (!byDistrict.TryGetValue(c.DistrictCode, out var list))
            {
                list = [];
                byDistrict[c.DistrictCode] = list;
            }

            list.Add(cell.Intersection(outline));
        }

        // Districts in the order they first appear in chome.csv.
        var order = chome.Select(c => c.DistrictCode).Distinct().ToList();
        var features = new FeatureCollection();
        foreach (var code in order)
        {
            var members = chome.Where(c => c.DistrictCode == code).ToList();
            var area = members.GroupBy(c => (c.AreaCode, c.AreaName))
                .OrderByDescending(g => g.Sum(c => c.Population)).ThenBy(g => g.Key.AreaCode, StringComparer.Ordinal)
                .First().Key;
            var merged = CascadedPolygonUnion.Union(byDistrict[code]);
            var geometry = GeometryPrecisionReducer.Reduce(projection.ToWgs84(merged, Wgs84), Wgs84.PrecisionModel);
            geometry.Normalize();
            features.Add(new Feature(geometry, new AttributesTable
            {
                { "level", "district" },
                { "code", code },
                { "name", members[0].DistrictName },
                { "area_code", area.AreaCode },
                { "area_name", area.AreaName },
            }));
        }

        Save(features, path);
    }

    private static double Round(double degrees) => Math.Round(degrees, 6, MidpointRounding.AwayFromZero);

    private static void Save(FeatureCollection features, string path)
    {
        using var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None);
        JsonSerializer.Serialize(stream, features, Json);
        stream.WriteByte((byte)'\n');
    }

    /// <summary>An equirectangular plane in km round the city's centre; good to a few metres over 30 km.</summary>
    private sealed class LocalProjection(double originLongitude, double originLatitude)
    {
        private const double KmPerLatitude = 110.574;
        private readonly double longitude = originLongitude;
        private readonly double latitude = originLatitude;
        private readonly double kmPerLongitude = 111.320 * Math.Cos(originLatitude * Math.PI / 180);

        public Coordinate ToPlane(double lon, double lat) => new((lon - longitude) * kmPerLongitude, (lat - latitude) * KmPerLatitude);

        public Geometry ToWgs84(Geometry geometry, GeometryFactory factory)
        {
            var copy = factory.CreateGeometry(geometry);
            copy.Apply(new Unproject(this));
            copy.GeometryChanged();
            return copy;
        }

        private sealed class Unproject(LocalProjection projection) : ICoordinateSequenceFilter
        {
            public bool Done => false;

            public bool GeometryChanged => true;

            public void Filter(CoordinateSequence seq, int i)
            {
                seq.SetX(i, Round(projection.longitude + (seq.GetX(i) / projection.kmPerLongitude)));
                seq.SetY(i, Round(projection.latitude + (seq.GetY(i) / KmPerLatitude)));
            }
        }
    }
}
