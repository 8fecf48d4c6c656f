namespace Workbench.Data.Etl.Districts;

/// <summary>
/// The national 中学校区 data (国土数値情報 A32, 2016 layout): <c>A32_006</c> municipality code, <c>A32_007</c>
/// municipality name, <c>A32_008</c> school name (鶴山中学校), <c>A32_009</c> its address. Each polygon is a 中学校区
/// named after its school (鶴山中学校区).
/// </summary>
internal static class A32District
{
    /// <summary>Tsuyama (津山市).</summary>
    public const string MunicipalityCode = "33203";

    public const string SchoolNameField = "A32_008";

    public const string MunicipalityField = "A32_006";

    public static bool Recognises(FeatureProperties properties) => properties.Has(SchoolNameField);

    /// <summary>鶴山中学校 → 鶴山中学校区; a leading 「津山市立」 is dropped.</summary>
    public static string? DistrictName(FeatureProperties properties)
    {
        var school = properties.Text(SchoolNameField);
        if (school is null)
        {
            return null;
        }

        if (properties.Text("A32_007") is { } municipality && school.StartsWith(municipality + "立", StringComparison.Ordinal)
            && school.Length > municipality.Length + 1)
        {
            school = school[(municipality.Length + 1)..];
        }

        return school + "区";
    }
}
