using NetTopologySuite.Geometries;

namespace Workbench.Data.Etl.Districts;

/// <summary>A 町丁 from its representative point: a <c>dim_district</c> row.</summary>
internal sealed record ChomeRow(
    string Code, string Name, string DistrictCode, string DistrictName, string AreaCode, string AreaName,
    bool IsUrban, int? Population, int? Households, double Longitude, double Latitude)
{
    private static readonly string[] Required = ["district_code", "district_name", "area_code", "area_name"];

    /// <summary>The 町丁's 中学校区 and 地域 (required), whether it is urban, and its population and households.</summary>
    public static (ChomeRow? Row, FeatureProblem? Problem) Read(FeatureProperties properties, string code, string name, Point point)
    {
        var texts = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var field in Required)
        {
            var value = properties.Text(field);
            var max = field.EndsWith("_code", StringComparison.Ordinal) ? DistrictFeatureReader.MaxCode : DistrictFeatureReader.MaxName;
            if (value is null)
            {
                return (null, new(field, $"{field} がありません。町丁の代表点には中学校区（district_code・district_name）と地域（area_code・area_name）が必要です。"));
            }

            if (value.Length > max)
            {
                return (null, new(field, $"{field} が長すぎます（{max}文字まで）。", value));
            }

            texts[field] = value;
        }

        if (properties.Flag("is_urban") is not { } isUrban)
        {
            return (null, new("is_urban", "is_urban（市街地かどうか）は true か false にしてください。", properties.Text("is_urban")));
        }

        var population = properties.Count("population");
        var households = properties.Count("households");
        if (!population.Valid || !households.Valid)
        {
            var field = population.Valid ? "households" : "population";
            return (null, new(field, $"{(population.Valid ? "世帯数" : "人口")}は 0 以上の整数にしてください。", properties.Text(field)));
        }

        return (new ChomeRow(code, name, texts["district_code"], texts["district_name"], texts["area_code"], texts["area_name"],
            isUrban, population.Value, households.Value, point.X, point.Y), null);
    }
}
