using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO.Converters;

namespace Workbench.Data.Etl.Districts;

/// <summary>GeoJSON geometry in and out of NetTopologySuite, in WGS 84 longitude/latitude.</summary>
internal static class FeatureGeometry
{
    public static readonly GeometryFactory Wgs84 = new(new PrecisionModel(), 4326);

    /// <summary>
    /// Exterior rings are written clockwise, as in the real A32 file and the generator's districts: Plotly (d3-geo) fills
    /// the rest of the globe for counter-clockwise rings.
    /// </summary>
    private static readonly JsonSerializerOptions Json = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new GeoJsonConverterFactory(Wgs84, false, null, RingOrientationOption.NtsGeoJsonV2) },
    };

    public static Geometry Read(JsonElement element) =>
        element.Deserialize<Geometry>(Json) ?? throw new JsonException("The geometry is null.");

    public static Geometry Read(string geoJson) =>
        JsonSerializer.Deserialize<Geometry>(geoJson, Json) ?? throw new JsonException("The geometry is null.");

    public static string Write(Geometry geometry) => JsonSerializer.Serialize(geometry, Json);

    /// <summary>The first coordinate that is not a longitude/latitude in and around Japan (WGS 84), or null.</summary>
    public static Coordinate? FirstOutsideJapan(Geometry geometry) =>
        geometry.Coordinates.FirstOrDefault(c => !(c.X is >= 122 and <= 154 && c.Y is >= 20 and <= 46));

    public static string Describe(Coordinate coordinate) =>
        string.Create(CultureInfo.InvariantCulture, $"({coordinate.X}, {coordinate.Y})");
}
