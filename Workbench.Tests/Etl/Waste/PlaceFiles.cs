using Workbench.Data.Etl;
using Workbench.Tests.Support;
using static Workbench.Tests.Etl.DistrictFiles;

namespace Workbench.Tests.Etl.Waste;

/// <summary>A small 町丁 master in three 地域, with a name (市場) that two 地域 share, as the census has it.</summary>
public static class PlaceFiles
{
    public const string Kawasaki = "332030110";
    public const string TsuboiKami = "332033010";
    public const string IchibaKume = "332033020";
    public const string IchibaShohoku = "332032860";
    public const string Niinohigashi = "332032900";

    public static async Task<TempWarehouse> WithPlacesAsync()
    {
        var warehouse = await TempWarehouse.CreateAsync();
        var features = new[]
        {
            Place(Kawasaki, "川崎", "jhs-tsuyama-higashi", "津山東中学校区", "tsuyama", "旧津山市", 134.0315, 35.0609),
            Place(TsuboiKami, "坪井上", "jhs-kume", "久米中学校区", "kume", "久米", 133.90, 35.05),
            Place(IchibaKume, "市場", "jhs-kume", "久米中学校区", "kume", "久米", 133.91, 35.06),
            Place(IchibaShohoku, "市場", "jhs-shohoku", "勝北中学校区", "shohoku", "勝北", 134.05, 35.12),
            Place(Niinohigashi, "新野東", "jhs-shohoku", "勝北中学校区", "shohoku", "勝北", 134.06, 35.13),
        };
        var result = await warehouse.ImportAsync("districts", Write(warehouse, "chome.geojson", Collection(features)));
        Assert.Equal(ImportStatus.Succeeded, result.Status);
        return warehouse;
    }

    private static string Place(string code, string name, string district, string districtName, string area, string areaName, double lon, double lat) =>
        Feature(new Dictionary<string, object?>
        {
            ["level"] = "chome", ["code"] = code, ["name"] = name, ["district_code"] = district, ["district_name"] = districtName,
            ["area_code"] = area, ["area_name"] = areaName, ["is_urban"] = area == "tsuyama", ["population"] = 500, ["households"] = 200,
        }, Point(lon, lat));
}
