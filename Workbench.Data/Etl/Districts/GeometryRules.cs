using System.Text.Json;
using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Utilities;
using NetTopologySuite.Operation.Valid;

namespace Workbench.Data.Etl.Districts;

/// <summary>What the districts importer accepts as a feature's geometry.</summary>
internal static class GeometryRules
{
    /// <summary>
    /// Reads a feature's geometry and checks it: a type allowed at the level (町丁: Point or Polygon; 中学校区 and 地域:
    /// Polygon or MultiPolygon), coordinates in WGS 84 around Japan, and a valid polygon — repaired when it is not, or
    /// rejected when it cannot be.
    /// </summary>
    public static (Geometry? Geometry, bool Repaired, FeatureProblem? Problem) Check(JsonElement element, string level)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            return Fail(new("geometry", "ジオメトリがありません。"));
        }

        Geometry geometry;
        try
        {
            geometry = FeatureGeometry.Read(element);
        }
        catch (Exception ex) when (ex is JsonException or ArgumentException or InvalidOperationException or NotSupportedException or FormatException)
        {
            return Fail(new("geometry", "ジオメトリを読み取れません。座標の並び（経度, 緯度）と、ポリゴンのリングが閉じているかを確認してください。", ex.Message));
        }

        var allowed = level == "chome" ? geometry is Point or Polygon or MultiPolygon : geometry is Polygon or MultiPolygon;
        if (!allowed)
        {
            return Fail(new("geometry.type", $"{geometry.GeometryType} は取り込めません。町丁は Point（代表点）か Polygon、中学校区と地域は Polygon か MultiPolygon にしてください。", geometry.GeometryType));
        }

        if (geometry.IsEmpty)
        {
            return Fail(new("geometry.coordinates", "座標がありません。"));
        }

        if (FeatureGeometry.FirstOutsideJapan(geometry) is { } outside)
        {
            return Fail(new("geometry.coordinates", "座標が日本の経緯度（WGS 84、経度 122〜154度・緯度 20〜46度）の範囲外です。平面直角座標などは経緯度に変換してから取り込んでください。", FeatureGeometry.Describe(outside)));
        }

        if (geometry is Point || geometry.IsValid)
        {
            return (geometry, false, null);
        }

        // GeometryFixer keeps every part of a self-intersecting ring, where the classic Buffer(0) drops some of them.
        var repaired = GeometryFixer.Fix(geometry);
        if (repaired is Polygon or MultiPolygon && !repaired.IsEmpty && repaired.IsValid)
        {
            return (repaired, true, null);
        }

        return Fail(new("geometry", "ポリゴンが不正（自己交差・面積がないなど）で、修復もできませんでした。境界を直したファイルを取り込んでください。",
            new IsValidOp(geometry).ValidationError?.ToString()));
    }

    private static (Geometry?, bool, FeatureProblem?) Fail(FeatureProblem problem) => (null, false, problem);
}
