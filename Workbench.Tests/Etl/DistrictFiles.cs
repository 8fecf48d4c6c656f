using System.Globalization;
using System.Text.Json;
using Dapper;
using Workbench.Data.Etl;
using Workbench.Data.Warehouse;
using Workbench.Tests.Support;

namespace Workbench.Tests.Etl;

/// <summary>Small GeoJSON features for the districts importer, and helpers to import and read back.</summary>
public static class DistrictFiles
{
    /// <summary>The 町丁 and 中学校区 of the real boundaries' test: Tsuyama's 8 junior-high districts.</summary>
    public const string RealBoundaries = "boundaries/tsuyama_33203_junior_high_school_districts_A32-16.geojson";

    public static string RealBoundariesPath => Path.Combine(TestEnvironment.SharedData, RealBoundaries);

    public static string Collection(IEnumerable<string> features) => $"{{\"type\":\"FeatureCollection\",\"features\":[{string.Join(",", features)}]}}";

    public static string Feature(object? properties, string geometry) =>
        $"{{\"type\":\"Feature\",\"properties\":{JsonSerializer.Serialize(properties)},\"geometry\":{geometry}}}";

    public static string Point(double longitude, double latitude) => Invariant($"{{\"type\":\"Point\",\"coordinates\":[{longitude},{latitude}]}}");

    /// <summary>A closed ring through the given corners.</summary>
    public static string Polygon(params (double Lon, double Lat)[] corners) =>
        $"{{\"type\":\"Polygon\",\"coordinates\":[[{string.Join(",", corners.Append(corners[0]).Select(c => Invariant($"[{c.Lon},{c.Lat}]")))}]]}}";

    public static string Square(double longitude, double latitude, double size = 0.01) =>
        Polygon((longitude, latitude), (longitude + size, latitude), (longitude + size, latitude + size), (longitude, latitude + size));

    public static string Chome(string code, string name, double longitude, double latitude, string district = "jhs-kakuzan", string districtName = "鶴山中学校区") =>
        Feature(new Dictionary<string, object?>
        {
            ["level"] = "chome", ["code"] = code, ["name"] = name, ["district_code"] = district, ["district_name"] = districtName,
            ["area_code"] = "tsuyama", ["area_name"] = "旧津山市", ["is_urban"] = true, ["population"] = 100, ["households"] = 40,
        }, Point(longitude, latitude));

    public static string District(string? code, string? name, string geometry) =>
        Feature(new Dictionary<string, object?> { ["level"] = "district", ["code"] = code, ["name"] = name }, geometry);

    public static string Write(TempWarehouse warehouse, string name, string content)
    {
        var path = Path.Combine(warehouse.Directory, name);
        File.WriteAllText(path, content);
        return path;
    }

    public static Task<ImportResult> ImportAsync(this TempWarehouse warehouse, string kind, string path) =>
        warehouse.Get<EtlPipeline>().ImportAsync(kind, path, "test", null, CancellationToken.None);

    public static async Task<List<T>> QueryAsync<T>(this TempWarehouse warehouse, string sql)
    {
        await using var connection = await warehouse.Get<IWarehouseConnectionFactory>().OpenAsync(CancellationToken.None);
        return [.. await connection.QueryAsync<T>(sql)];
    }

    public static async Task ExecuteAsync(this TempWarehouse warehouse, string sql, object? parameters = null)
    {
        await using var connection = await warehouse.Get<IWarehouseConnectionFactory>().OpenAsync(CancellationToken.None);
        await connection.ExecuteAsync(sql, parameters);
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
