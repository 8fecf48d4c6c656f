using System.Text.Json;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO.Converters;
using Workbench.Data.Etl;
using Workbench.Tests.Support;
using Workbench.Tests.Synthetic;
using static Workbench.Tests.Etl.DistrictFiles;

namespace Workbench.Tests.Etl;

public class DistrictsImporterTests(TinySeedFixture tiny) : IClassFixture<TinySeedFixture>
{
    /// <summary>椿高下 (near 山北, 鶴山中学校's address) and 山北 itself, whose point lies just inside the 北陵 polygon.</summary>
    private const string Tsubakikouge = "332030630";
    private const string Yamakita = "332030830";

    private static readonly string[] RealDistrictNames =
        ["中道中学校区", "久米中学校区", "加茂中学校区", "勝北中学校区", "北陵中学校区", "津山東中学校区", "津山西中学校区", "鶴山中学校区"];

    private static readonly JsonSerializerOptions GeoJsonOptions = new() { Converters = { new GeoJsonConverterFactory() } };

    private string ChomeFile => tiny.Folder.Sources.ChomeGeoJson;

    [Fact]
    public async Task The_generators_町丁_points_load_with_their_district_area_and_a_point_geometry()
    {
        await using var warehouse = await TempWarehouse.CreateAsync();

        var result = await warehouse.ImportAsync("districts", ChomeFile);

        Assert.Equal(ImportStatus.Succeeded, result.Status);
        Assert.Equal((237L, 237L, 0L), (result.Tables["dim_district"].Read, result.Tables["dim_district"].Loaded, result.RowsRejected));
        var row = Assert.Single(await warehouse.QueryAsync<(string, string, string, string, bool, int, int, double, double)>(
            $"SELECT chome_name, district_code, district_name, area_name, is_urban, population, households, longitude, latitude FROM dim_district WHERE chome_code = '{Tsubakikouge}'"));
        Assert.Equal(("椿高下", "jhs-kakuzan", "鶴山中学校区", "旧津山市", true, 668, 275, 134.00173, 35.06656), row);
        Assert.Equal([237L], await warehouse.QueryAsync<long>("SELECT COUNT(*) FROM district_geometry WHERE geo_level = 'chome' AND geojson LIKE '{\"type\":\"Point\"%'"));
    }

    [Fact]
    public async Task The_generators_district_polygons_load_and_the_same_file_again_changes_nothing()
    {
        await using var warehouse = await TempWarehouse.CreateAsync();
        await warehouse.ImportAsync("districts", ChomeFile);

        var first = await warehouse.ImportAsync("districts", tiny.Folder.Sources.DistrictsGeoJson);
        var before = await warehouse.QueryAsync<(string, string, string)>("SELECT geo_code, geo_name, geojson FROM district_geometry ORDER BY geo_level, geo_code");
        var again = await warehouse.ImportAsync("districts", tiny.Folder.Sources.DistrictsGeoJson);

        Assert.Equal(ImportStatus.Succeeded, first.Status);
        Assert.Equal(8, first.Tables["district_geometry"].Loaded);
        Assert.DoesNotContain("変更しました", first.Message, StringComparison.Ordinal); // every 町丁 already lies in its own district
        Assert.Equal(ImportStatus.AlreadyImported, again.Status);
        Assert.Equal(before, await warehouse.QueryAsync<(string, string, string)>("SELECT geo_code, geo_name, geojson FROM district_geometry ORDER BY geo_level, geo_code"));
    }

    [SkippableFact]
    public async Task The_real_A32_file_loads_8_中学校区_named_after_their_schools()
    {
        TestEnvironment.RequireSharedData();
        await using var warehouse = await TempWarehouse.CreateAsync();

        var result = await warehouse.ImportAsync("districts", RealBoundariesPath);

        Assert.Equal(ImportStatus.Succeeded, result.Status);
        Assert.Equal(8, result.Tables["district_geometry"].Loaded);
        var districts = await warehouse.QueryAsync<(string Code, string Name, string GeoJson)>(
            "SELECT geo_code, geo_name, geojson FROM district_geometry WHERE geo_level = 'district' ORDER BY geo_name");
        Assert.Equal(RealDistrictNames.Order(StringComparer.Ordinal), districts.Select(d => d.Name));
        Assert.All(districts, d =>
        {
            Assert.Matches("^jhs-33203-[0-9a-f]{8}$", d.Code); // no 町丁 master yet: a stable code of its own
            Assert.StartsWith("{\"type\":\"MultiPolygon\"", d.GeoJson, StringComparison.Ordinal);
        });
    }

    [SkippableFact]
    public async Task Real_boundaries_take_the_masters_codes_and_move_each_町丁_into_the_polygon_that_holds_its_point()
    {
        TestEnvironment.RequireSharedData();
        await using var warehouse = await TempWarehouse.CreateAsync();
        await warehouse.ImportAsync("districts", ChomeFile);
        var expected = (await warehouse.QueryAsync<(string Chome, string District)>("SELECT chome_code, district_code FROM dim_district"))
            .ToDictionary(r => r.Chome, r => r.District);
        await MoveEveryChomeToAnotherDistrictAsync(warehouse);

        var result = await warehouse.ImportAsync("districts", RealBoundariesPath);

        Assert.Equal(ImportStatus.Succeeded, result.Status);
        Assert.Equal(
            expected.Values.Distinct().Order(StringComparer.Ordinal),
            await warehouse.QueryAsync<string>("SELECT geo_code FROM district_geometry WHERE geo_level = 'district' ORDER BY geo_code"));
        var actual = (await warehouse.QueryAsync<(string Chome, string District)>("SELECT chome_code, district_code FROM dim_district"))
            .ToDictionary(r => r.Chome, r => r.District);
        Assert.True(actual.Count(a => expected[a.Key] == a.Value) >= 0.9 * expected.Count, "At least 90 % of the 町丁 points lie in the real polygon of their district.");
        Assert.Equal("jhs-kakuzan", actual[Tsubakikouge]);
        Assert.Equal("jhs-hokuryo", actual[Yamakita]);
        Assert.Contains("中学校区を変更しました", result.Message, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Boundaries_loaded_before_the_町丁_master_take_its_codes_when_it_arrives()
    {
        TestEnvironment.RequireSharedData();
        await using var warehouse = await TempWarehouse.CreateAsync();
        await warehouse.ImportAsync("districts", RealBoundariesPath);

        var result = await warehouse.ImportAsync("districts", ChomeFile);

        Assert.Equal(ImportStatus.Succeeded, result.Status);
        Assert.Contains("地区マスタで同じ名前の中学校区のコードに合わせました", result.Message, StringComparison.Ordinal);
        Assert.Equal(
            await warehouse.QueryAsync<string>("SELECT DISTINCT district_code FROM dim_district ORDER BY district_code"),
            await warehouse.QueryAsync<string>("SELECT geo_code FROM district_geometry WHERE geo_level = 'district' ORDER BY geo_code"));
        Assert.Equal(["jhs-kakuzan"], await warehouse.QueryAsync<string>($"SELECT district_code FROM dim_district WHERE chome_code = '{Tsubakikouge}'"));
    }

    [SkippableFact]
    public async Task A_町丁_outside_every_boundary_keeps_its_district_and_is_named_in_the_message()
    {
        TestEnvironment.RequireSharedData();
        await using var warehouse = await TempWarehouse.CreateAsync();
        await warehouse.ImportAsync("districts", ChomeFile);
        await warehouse.ImportAsync("districts", Write(warehouse, "far.geojson", Collection([Chome("331010001", "岡山の町", 133.92, 34.66)])));

        var result = await warehouse.ImportAsync("districts", RealBoundariesPath);

        Assert.Equal(ImportStatus.Succeeded, result.Status);
        Assert.Contains("どの中学校区の境界にも入らない町丁が 1 件あり、中学校区はそのままです: 岡山の町（331010001）", result.Message, StringComparison.Ordinal);
        Assert.Equal(["jhs-kakuzan"], await warehouse.QueryAsync<string>("SELECT district_code FROM dim_district WHERE chome_code = '331010001'"));
    }

    [Fact]
    public async Task Bad_features_are_rejected_with_their_number_field_and_reason_and_the_rest_load()
    {
        await using var warehouse = await TempWarehouse.CreateAsync();
        var good = Enumerable.Range(1, 200).Select(i => Chome($"t{i:D4}", $"町{i}", 134.0 + (i * 0.0001), 35.06));
        var bad = new[]
        {
            Feature(new { level = "district", code = "d1", name = "線" }, "{\"type\":\"LineString\",\"coordinates\":[[134.0,35.0],[134.1,35.1]]}"),
            District("d2", "遠い区", Square(139.7, 95.0)),
            District(null, "名なし区", Square(134.0, 35.0)),
            District("d4", null, Square(134.0, 35.0)),
            Feature(new { level = "chome", code = "c5", name = "区なし町" }, Point(134.0, 35.06)),
            Chome("t0001", "重複町", 134.0, 35.06),
            Feature(new { A32_006 = "33201", A32_007 = "岡山市", A32_008 = "岡山中学校" }, Square(133.9, 34.6)),
            District("d8", "開いた区", "{\"type\":\"Polygon\",\"coordinates\":[[[134.0,35.0],[134.1,35.0],[134.1,35.1]]]}"),
            District("d9", "線の区", Polygon((134.0, 35.0), (134.1, 35.0), (134.2, 35.0))),
            Feature(new { level = "town", code = "x", name = "x" }, Square(134.0, 35.0)),
        };

        var result = await warehouse.ImportAsync("districts", Write(warehouse, "bad.geojson", Collection(good.Concat(bad))));

        Assert.Equal(ImportStatus.Succeeded, result.Status); // 10 of 210 is under 5 %
        Assert.Equal(
            [(201L, "geometry.type"), (202L, "geometry.coordinates"), (203L, "code"), (204L, "name"), (205L, "district_code"), (206L, "code"),
             (207L, "A32_006"), (208L, "geometry"), (209L, "geometry"), (210L, "level")],
            result.Rejects.Select(r => (r.LineNumber, r.FieldName!)).ToList());
        Assert.All(result.Rejects, r => Assert.Equal("bad.geojson の地物", r.SourcePart));
        Assert.Contains("LineString は取り込めません", result.Rejects[0].Reason, StringComparison.Ordinal);
        Assert.Contains("日本の経緯度", result.Rejects[1].Reason, StringComparison.Ordinal);
        Assert.Contains("1 番目にもあります", result.Rejects[5].Reason, StringComparison.Ordinal);
        Assert.Contains("修復もできませんでした", result.Rejects[8].Reason, StringComparison.Ordinal);
        Assert.Equal([200L], await warehouse.QueryAsync<long>("SELECT COUNT(*) FROM dim_district"));
        Assert.Equal(["町1"], await warehouse.QueryAsync<string>("SELECT chome_name FROM dim_district WHERE chome_code = 't0001'"));
    }

    [Fact]
    public async Task An_A32_school_name_becomes_the_district_name_without_the_citys_founder_prefix()
    {
        await using var warehouse = await TempWarehouse.CreateAsync();
        var features = new[]
        {
            Feature(new { A32_006 = "33203", A32_007 = "津山市", A32_008 = "津山市立南中学校" }, Square(134.0, 35.0)),
            Feature(new { A32_006 = "33203", A32_008 = "立石中学校" }, Square(134.1, 35.0)),
        };

        var result = await warehouse.ImportAsync("districts", Write(warehouse, "a32.geojson", Collection(features)));

        Assert.Equal(ImportStatus.Succeeded, result.Status);
        Assert.Equal(["南中学校区", "立石中学校区"], await warehouse.QueryAsync<string>("SELECT geo_name FROM district_geometry ORDER BY geo_name"));
    }

    [Fact]
    public async Task A_self_intersecting_polygon_is_repaired_and_loaded()
    {
        await using var warehouse = await TempWarehouse.CreateAsync();
        var bowTie = Polygon((134.0, 35.0), (134.1, 35.1), (134.1, 35.0), (134.0, 35.1));

        var result = await warehouse.ImportAsync("districts", Write(warehouse, "bow.geojson", Collection([District("bow", "蝶の区", bowTie)])));

        Assert.Equal(ImportStatus.Succeeded, result.Status);
        Assert.Contains("1 件を修復して取り込みました", result.Message, StringComparison.Ordinal);
        var stored = Assert.Single(await warehouse.QueryAsync<string>("SELECT geojson FROM district_geometry WHERE geo_code = 'bow'"));
        var geometry = JsonSerializer.Deserialize<Geometry>(stored, GeoJsonOptions)!;
        Assert.True(geometry.IsValid);
        Assert.Equal(0.005, geometry.Area, 6); // both triangles of the bow tie kept
    }

    [Fact]
    public async Task A_batch_with_too_many_bad_features_loads_nothing()
    {
        await using var warehouse = await TempWarehouse.CreateAsync();
        var features = Enumerable.Range(1, 10).Select(i => Chome($"t{i:D4}", $"町{i}", 134.0, 35.06)).Append(District("x", null, Square(134.0, 35.0)));

        var result = await warehouse.ImportAsync("districts", Write(warehouse, "mostly.geojson", Collection(features)));

        Assert.Equal(ImportStatus.Refused, result.Status);
        var reject = Assert.Single(result.Rejects); // 1 of 11 is over 5 %
        Assert.Equal((11L, "name"), (reject.LineNumber, reject.FieldName!));
        Assert.Equal([0L], await warehouse.QueryAsync<long>("SELECT COUNT(*) FROM dim_district"));
        Assert.Equal([0L], await warehouse.QueryAsync<long>("SELECT COUNT(*) FROM district_geometry"));
    }

    [Theory]
    [InlineData("{\"type\":\"Feature\",\"properties\":{},\"geometry\":null}", "FeatureCollection ではありません")]
    [InlineData("{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\"", "JSON として読めません")]
    public async Task A_file_that_is_not_a_readable_FeatureCollection_fails_whole_with_a_clear_message(string content, string message)
    {
        await using var warehouse = await TempWarehouse.CreateAsync();

        var result = await warehouse.ImportAsync("districts", Write(warehouse, "odd.geojson", content));

        Assert.Equal(ImportStatus.Failed, result.Status);
        Assert.Contains(message, result.Message, StringComparison.Ordinal);
    }

    /// <summary>Every 町丁 to the next district in code order, so that only the boundaries can put it back.</summary>
    private static async Task MoveEveryChomeToAnotherDistrictAsync(TempWarehouse warehouse)
    {
        var districts = await warehouse.QueryAsync<(string Code, string Name)>("SELECT DISTINCT district_code, district_name FROM dim_district ORDER BY district_code");
        var moves = string.Join(", ", districts.Select((d, i) => $"('{d.Code}', '{districts[(i + 1) % districts.Count].Code}', '{districts[(i + 1) % districts.Count].Name}')"));
        await warehouse.ExecuteAsync($"""
            UPDATE dim_district SET district_code = m.to_code, district_name = m.to_name
            FROM (VALUES {moves}) m(from_code, to_code, to_name)
            WHERE dim_district.district_code = m.from_code
            """);
    }
}
