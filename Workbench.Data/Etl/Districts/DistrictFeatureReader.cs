using System.Text.Json;
using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Utilities;
using NetTopologySuite.Operation.Valid;

namespace Workbench.Data.Etl.Districts;

/// <summary>A 町丁 from its representative point: a <c>dim_district</c> row.</summary>
internal sealed record ChomeRow(
    string Code, string Name, string DistrictCode, string DistrictName, string AreaCode, string AreaName,
    bool IsUrban, int? Population, int? Households, double Longitude, double Latitude);

/// <summary>A <c>district_geometry</c> row: level chome, district or area, with its GeoJSON geometry.</summary>
internal sealed record GeometryRow(string Level, string Code, string Name, string GeoJson);

internal sealed record DistrictFeature(GeometryRow Geometry, ChomeRow? Chome);

/// <summary>
/// Turns one GeoJSON feature into a 町丁 (a Point with <c>level</c> chome) or a polygon of a 町丁, 中学校区 or 地域,
/// or rejects it with its number in the collection, the field and a reason a data steward can act on.
/// </summary>
internal sealed class DistrictFeatureReader(ImportContext context, string partName, DistrictCodeBook codes)
{
    public const string ChomeTable = "dim_district";
    public const string GeometryTable = "district_geometry";
    private const int MaxCode = 64;
    private const int MaxName = 200;
    private static readonly HashSet<string> Levels = ["chome", "district", "area"];
    private readonly Dictionary<(string Level, string Code), int> seen = [];

    /// <summary>Invalid polygons (self-intersections and the like) that were repaired and loaded.</summary>
    public int Repaired { get; private set; }

    public DistrictFeature? Read(int number, JsonElement feature)
    {
        var isObject = feature.ValueKind == JsonValueKind.Object;
        var properties = new FeatureProperties(isObject && feature.TryGetProperty("properties", out var p) ? p : default);
        var isA32 = A32District.Recognises(properties);
        var level = isA32 ? "district" : properties.Text("level");
        var geometryElement = isObject && feature.TryGetProperty("geometry", out var g) ? g : default;
        var isPoint = geometryElement.ValueKind == JsonValueKind.Object && geometryElement.TryGetProperty("type", out var t) && t.ValueEquals("Point");
        var table = level == "chome" && isPoint ? ChomeTable : GeometryTable;
        context.RowRead(table);

        DistrictFeature? Reject(string? field, string reason, string? value = null)
        {
            context.Reject(table, partName, number, field, reason, value);
            return null;
        }

        if (!isObject || !feature.TryGetProperty("type", out var type) || !type.ValueEquals("Feature"))
        {
            return Reject("type", "地物（\"type\": \"Feature\"）ではありません。");
        }

        if (level is null)
        {
            return Reject("level", "地物の種類（level: chome・district・area のいずれか）がありません。");
        }

        if (!Levels.Contains(level))
        {
            return Reject("level", "地物の種類（level）は chome（町丁）・district（中学校区）・area（地域）のいずれかにしてください。", level);
        }

        if (isA32 && properties.Text(A32District.MunicipalityField) is { } municipality && municipality != A32District.MunicipalityCode)
        {
            return Reject(A32District.MunicipalityField, "津山市（33203）の中学校区ではありません。津山市の地物だけを取り込んでください。", municipality);
        }

        var (geometry, problem) = ReadGeometry(geometryElement, level);
        if (problem is not null)
        {
            return Reject(problem.Value.Field, problem.Value.Reason, problem.Value.Value);
        }

        var codeField = isA32 ? A32District.SchoolNameField : "code";
        var name = isA32 ? A32District.DistrictName(properties) : properties.Text("name");
        if (name is null)
        {
            return Reject(isA32 ? A32District.SchoolNameField : "name", isA32 ? "学校名（A32_008）がありません。" : "名前（name）がありません。");
        }

        var code = isA32 ? codes.CodeFor(A32District.MunicipalityCode, name) : properties.Text("code");
        if (code is null)
        {
            return Reject("code", "コード（code）がありません。");
        }

        if (code.Length > MaxCode || name.Length > MaxName)
        {
            return code.Length > MaxCode
                ? Reject(codeField, $"コードが長すぎます（{MaxCode}文字まで）。", code)
                : Reject("name", $"名前が長すぎます（{MaxName}文字まで）。", name);
        }

        if (!seen.TryAdd((level, code), number))
        {
            return Reject(codeField, $"同じコードの地物がこのファイルの {seen[(level, code)]} 番目にもあります。1つにまとめてください。", code);
        }

        var row = new GeometryRow(level, code, name, FeatureGeometry.Write(geometry!));
        if (geometry is not Point point)
        {
            return new DistrictFeature(row, null);
        }

        var chome = ReadChome(properties, code, name, point, out var chomeProblem);
        return chomeProblem is null ? new DistrictFeature(row, chome) : Reject(chomeProblem.Value.Field, chomeProblem.Value.Reason, chomeProblem.Value.Value);
    }

    private (Geometry? Geometry, Problem? Problem) ReadGeometry(JsonElement element, string level)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            return (null, new("geometry", "ジオメトリがありません。", null));
        }

        Geometry geometry;
        try
        {
            geometry = FeatureGeometry.Read(element);
        }
        catch (Exception ex) when (ex is JsonException or ArgumentException or InvalidOperationException or NotSupportedException or FormatException)
        {
            return (null, new("geometry", "ジオメトリを読み取れません。座標の並び（経度, 緯度）と、ポリゴンのリングが閉じているかを確認してください。", ex.Message));
        }

        var allowed = level == "chome" ? geometry is Point or Polygon or MultiPolygon : geometry is Polygon or MultiPolygon;
        if (!allowed)
        {
            return (null, new("geometry.type", $"{geometry.GeometryType} は取り込めません。町丁は Point（代表点）か Polygon、中学校区と地域は Polygon か MultiPolygon にしてください。", geometry.GeometryType));
        }

        if (geometry.IsEmpty)
        {
            return (null, new("geometry.coordinates", "座標がありません。", null));
        }

        if (FeatureGeometry.FirstOutsideJapan(geometry) is { } outside)
        {
            return (null, new("geometry.coordinates", "座標が日本の経緯度（WGS 84、経度 122〜154度・緯度 20〜46度）の範囲外です。平面直角座標などは経緯度に変換してから取り込んでください。", FeatureGeometry.Describe(outside)));
        }

        if (geometry is Point || geometry.IsValid)
        {
            return (geometry, null);
        }

        // GeometryFixer keeps every part of a self-intersecting ring, where the classic Buffer(0) drops some of them.
        var fixedGeometry = GeometryFixer.Fix(geometry);
        if (fixedGeometry is Polygon or MultiPolygon && !fixedGeometry.IsEmpty && fixedGeometry.IsValid)
        {
            Repaired++;
            return (fixedGeometry, null);
        }

        return (null, new("geometry", "ポリゴンが不正（自己交差・面積がないなど）で、修復もできませんでした。境界を直したファイルを取り込んでください。",
            new IsValidOp(geometry).ValidationError?.ToString()));
    }

    private static ChomeRow? ReadChome(FeatureProperties properties, string code, string name, Point point, out Problem? problem)
    {
        problem = null;
        var texts = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var field in new[] { "district_code", "district_name", "area_code", "area_name" })
        {
            var value = properties.Text(field);
            var max = field.EndsWith("_code", StringComparison.Ordinal) ? MaxCode : MaxName;
            if (value is null || value.Length > max)
            {
                problem = new(field, value is null
                    ? $"{field} がありません。町丁の代表点には中学校区（district_code・district_name）と地域（area_code・area_name）が必要です。"
                    : $"{field} が長すぎます（{max}文字まで）。", value);
                return null;
            }

            texts[field] = value;
        }

        if (properties.Flag("is_urban") is not { } isUrban)
        {
            problem = new("is_urban", "is_urban（市街地かどうか）は true か false にしてください。", properties.Text("is_urban"));
            return null;
        }

        var population = properties.Count("population");
        var households = properties.Count("households");
        if (!population.Valid || !households.Valid)
        {
            var field = population.Valid ? "households" : "population";
            problem = new(field, $"{(population.Valid ? "世帯数" : "人口")}は 0 以上の整数にしてください。", properties.Text(field));
            return null;
        }

        return new ChomeRow(code, name, texts["district_code"], texts["district_name"], texts["area_code"], texts["area_name"],
            isUrban, population.Value, households.Value, point.X, point.Y);
    }

    private readonly record struct Problem(string Field, string Reason, string? Value);
}
