using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Prepared;

namespace Workbench.Data.Etl.Districts;

internal sealed record DistrictPolygon(string Code, string Name, string GeoJson);

internal sealed record ChomePoint(string ChomeCode, string ChomeName, string DistrictCode, string DistrictName, double Longitude, double Latitude);

/// <summary>
/// Run at the end of every districts batch, so the order in which 町丁 points and boundaries arrive does not matter:
/// a 中学校区 polygon whose code no 町丁 uses takes the code the 町丁 master gives its name, and then every 町丁 whose
/// representative point lies in a 中学校区 polygon belongs to that 中学校区. 町丁 outside every polygon keep theirs and
/// are named in the batch's message (they are not rejected: the rows they came from loaded fine).
/// </summary>
internal static class DistrictAssignment
{
    private const int NamesListed = 10;

    public static async Task ApplyAsync(ImportContext context, CancellationToken cancellationToken)
    {
        var polygons = (await context.QueryAsync<DistrictPolygon>("etl/district_polygons", null, cancellationToken)).ToList();
        var points = (await context.QueryAsync<ChomePoint>("etl/district_points", null, cancellationToken)).ToList();
        if (polygons.Count == 0 || points.Count == 0)
        {
            return;
        }

        polygons = await TakeMasterCodesAsync(context, polygons, cancellationToken);
        var shapes = polygons.Select(p => (p.Code, p.Name, Shape: PreparedGeometryFactory.Prepare(FeatureGeometry.Read(p.GeoJson)))).ToList();
        var moves = new List<object>();
        var outside = new List<ChomePoint>();
        foreach (var point in points)
        {
            var location = FeatureGeometry.Wgs84.CreatePoint(new Coordinate(point.Longitude, point.Latitude));
            var holders = shapes.Where(s => s.Shape.Covers(location)).ToList();
            if (holders.Count == 0)
            {
                outside.Add(point);
                continue;
            }

            // Overlapping polygons (two sources for one area): the 町丁's own district if it is one of them.
            var holder = holders.Find(h => h.Code == point.DistrictCode) is { Code: not null } own ? own : holders[0];
            if (holder.Code != point.DistrictCode || holder.Name != point.DistrictName)
            {
                moves.Add(new { chome_code = point.ChomeCode, district_code = holder.Code, district_name = holder.Name });
            }
        }

        if (moves.Count > 0)
        {
            await context.ExecuteAsync("etl/district_assign", moves, cancellationToken);
            context.Note($"中学校区の境界に合わせて、{moves.Count:N0} 件の町丁の中学校区を変更しました。");
        }

        if (outside.Count > 0)
        {
            var names = string.Join("、", outside.Take(NamesListed).Select(p => $"{p.ChomeName}（{p.ChomeCode}）"));
            context.Note($"どの中学校区の境界にも入らない町丁が {outside.Count:N0} 件あり、中学校区はそのままです: {names}{(outside.Count > NamesListed ? " ほか" : string.Empty)}。");
        }
    }

    private static async Task<List<DistrictPolygon>> TakeMasterCodesAsync(ImportContext context, List<DistrictPolygon> polygons, CancellationToken cancellationToken)
    {
        var master = (await context.QueryAsync<KnownDistrict>("etl/district_codes_by_name", null, cancellationToken)).Where(k => k.Preference == 1).ToList();
        var used = master.Select(k => k.Code).ToHashSet(StringComparer.Ordinal);
        var codeOfName = master.GroupBy(k => k.Name, StringComparer.Ordinal)
            .Where(g => g.Count() == 1)
            .ToDictionary(g => g.Key, g => g.Single().Code, StringComparer.Ordinal);
        var taken = polygons.Select(p => p.Code).ToHashSet(StringComparer.Ordinal);
        var result = new List<DistrictPolygon>(polygons.Count);
        var rekeyed = 0;
        foreach (var polygon in polygons)
        {
            if (!used.Contains(polygon.Code) && codeOfName.TryGetValue(polygon.Name, out var code) && taken.Add(code))
            {
                await context.ExecuteAsync("etl/district_geometry_rekey", new { old_code = polygon.Code, new_code = code }, cancellationToken);
                result.Add(polygon with { Code = code });
                rekeyed++;
            }
            else
            {
                result.Add(polygon);
            }
        }

        if (rekeyed > 0)
        {
            context.Note($"中学校区の境界 {rekeyed:N0} 件のコードを、地区マスタで同じ名前の中学校区のコードに合わせました。");
        }

        return result;
    }
}
