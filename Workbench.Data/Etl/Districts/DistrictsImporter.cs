namespace Workbench.Data.Etl.Districts;

/// <summary>
/// District GeoJSON (a FeatureCollection in WGS 84): 町丁 representative points (<c>level</c> chome, with their
/// 中学校区 and 地域) go to <c>dim_district</c> and <c>district_geometry</c>; polygons of 町丁, 中学校区 or 地域 go to
/// <c>district_geometry</c>. The national A32 中学校区 file is recognised by its properties. After the merge,
/// <see cref="DistrictAssignment"/> puts each 町丁 in the 中学校区 whose polygon holds its point. A rejected feature is
/// recorded as part "&lt;file&gt; の地物" with its number in the collection as the line number.
/// </summary>
public sealed class DistrictsImporter : IImporter
{
    private static readonly string[] ChomeColumns =
    [
        "chome_code", "chome_name", "district_code", "district_name", "area_code", "area_name", "is_urban",
        "population", "households", "longitude", "latitude", "batch_id",
    ];

    private static readonly string[] GeometryColumns = ["geo_level", "geo_code", "geo_name", "geojson", "batch_id"];

    public string Kind => "districts";

    public async Task ImportAsync(ImportContext context, CancellationToken cancellationToken)
    {
        var codes = new DistrictCodeBook(await context.QueryAsync<KnownDistrict>("etl/district_codes_by_name", null, cancellationToken));
        var reader = new DistrictFeatureReader(context, $"{Path.GetFileName(context.SourcePath)} の地物", codes);
        var chome = new List<object?[]>();
        var geometries = new List<object?[]>();
        var polygons = 0;
        foreach (var (number, feature) in GeoJsonFeatures.Read(context.SourcePath))
        {
            cancellationToken.ThrowIfCancellationRequested();
            using (feature)
            {
                if (reader.Read(number, feature.RootElement) is not { } parsed)
                {
                    continue;
                }

                var g = parsed.Geometry;
                geometries.Add([g.Level, g.Code, g.Name, g.GeoJson, context.BatchId]);
                if (parsed.Chome is { } c)
                {
                    chome.Add([c.Code, c.Name, c.DistrictCode, c.DistrictName, c.AreaCode, c.AreaName, c.IsUrban, c.Population, c.Households, c.Longitude, c.Latitude, context.BatchId]);
                }
                else
                {
                    polygons++;
                }
            }
        }

        if (chome.Count > 0)
        {
            context.Table(DistrictFeatureReader.ChomeTable).Loaded = await context.StageAsync("stage_dim_district", ChomeColumns, chome, cancellationToken);
        }

        await context.StageAsync("stage_district_geometry", GeometryColumns, geometries, cancellationToken);
        if (polygons > 0)
        {
            context.Table(DistrictFeatureReader.GeometryTable).Loaded = polygons;
        }

        await context.ExecuteAsync("etl/districts_merge", null, cancellationToken);
        if (reader.Repaired > 0)
        {
            context.Note($"不正なポリゴン（自己交差など）{reader.Repaired:N0} 件を修復して取り込みました。");
        }

        await DistrictAssignment.ApplyAsync(context, cancellationToken);
        await context.ExecuteAsync("etl/district_population_refresh", null, cancellationToken);
    }
}
