using System.Text.Json;
using NetTopologySuite.Geometries;

namespace Workbench.Data.Etl.Districts;

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

    /// <summary>Column sizes on SQL Server (NVARCHAR(64) codes, NVARCHAR(200) names).</summary>
    public const int MaxCode = 64;
    public const int MaxName = 200;

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

        DistrictFeature? Reject(FeatureProblem problem)
        {
            context.Reject(table, partName, number, problem.Field, problem.Reason, problem.Value);
            return null;
        }

        if (!isObject || !feature.TryGetProperty("type", out var type) || !type.ValueEquals("Feature"))
        {
            return Reject(new("type", "地物（\"type\": \"Feature\"）ではありません。"));
        }

        if (level is null)
        {
            return Reject(new("level", "地物の種類（level: chome・district・area のいずれか）がありません。"));
        }

        if (!Levels.Contains(level))
        {
            return Reject(new("level", "地物の種類（level）は chome（町丁）・district（中学校区）・area（地域）のいずれかにしてください。", level));
        }

        if (isA32 && properties.Text(A32District.MunicipalityField) is { } municipality && municipality != A32District.MunicipalityCode)
        {
            return Reject(new(A32District.MunicipalityField, "津山市（33203）の中学校区ではありません。津山市の地物だけを取り込んでください。", municipality));
        }

        var (geometry, repaired, problem) = GeometryRules.Check(geometryElement, level);
        if (problem is { } geometryProblem)
        {
            return Reject(geometryProblem);
        }

        var codeField = isA32 ? A32District.SchoolNameField : "code";
        var name = isA32 ? A32District.DistrictName(properties) : properties.Text("name");
        if (name is null)
        {
            return Reject(new(isA32 ? A32District.SchoolNameField : "name", isA32 ? "学校名（A32_008）がありません。" : "名前（name）がありません。"));
        }

        var code = isA32 ? codes.CodeFor(A32District.MunicipalityCode, name) : properties.Text("code");
        if (code is null)
        {
            return Reject(new("code", "コード（code）がありません。"));
        }

        if (code.Length > MaxCode || name.Length > MaxName)
        {
            return code.Length > MaxCode
                ? Reject(new(codeField, $"コードが長すぎます（{MaxCode}文字まで）。", code))
                : Reject(new("name", $"名前が長すぎます（{MaxName}文字まで）。", name));
        }

        if (!seen.TryAdd((level, code), number))
        {
            return Reject(new(codeField, $"同じコードの地物がこのファイルの {seen[(level, code)]} 番目にもあります。1つにまとめてください。", code));
        }

        var row = new GeometryRow(level, code, name, FeatureGeometry.Write(geometry!));
        if (geometry is not Point point)
        {
            Repaired += repaired ? 1 : 0;
            return new DistrictFeature(row, null);
        }

        var (chome, chomeProblem) = ChomeRow.Read(properties, code, name, point);
        return chomeProblem is { } chomeReject ? Reject(chomeReject) : new DistrictFeature(row, chome);
    }
}
