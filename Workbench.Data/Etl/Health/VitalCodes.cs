namespace Workbench.Data.Etl.Health;

/// <summary>A vital sign the workbench keeps: its LOINC code in the warehouse, the UCUM unit it is stored in, and the
/// units it converts from.</summary>
internal sealed record VitalMeasure(string Loinc, string Unit, string Label, double Min, double Max, IReadOnlyDictionary<string, Func<double, double>> From)
{
    /// <summary>The value in <see cref="Unit"/>, or null when the unit is not one this measure converts from.</summary>
    public double? Convert(double value, string? ucum)
    {
        if (ucum is null || ucum == Unit)
        {
            return value;
        }

        // A converted value keeps one decimal: a bathroom scale's 185 lb is 83.9 kg, not 83.91458.
        return From.TryGetValue(ucum, out var convert) ? Math.Round(convert(value), 1, MidpointRounding.AwayFromZero) : null;
    }
}

/// <summary>
/// The PHR vital signs by code (DOMAIN.md, PHR vitals): the FHIR vital-signs profiles' LOINC codes, and the MEDIS
/// 看護実践用語標準マスター codes JP Core binds instead, mapped to the same LOINC. UCUM units are converted on import.
/// </summary>
internal static class VitalCodes
{
    public const string LoincSystem = "http://loinc.org";

    /// <summary>JP Core's code systems (MEDIS codes) live under this address.</summary>
    public const string JpCoreSystemPrefix = "http://jpfhir.jp/fhir/";

    /// <summary>LOINC blood pressure panel (85354-9) and JP Core's 血圧 (31002365): the values are in the components.</summary>
    public static readonly HashSet<string> BloodPressurePanels = ["85354-9", "31002365"];

    private static readonly Dictionary<string, Func<double, double>> None = [];

    private static readonly VitalMeasure Weight = new("29463-7", "kg", "体重", 2, 300, new Dictionary<string, Func<double, double>>
    {
        ["[lb_av]"] = v => v * 0.45359237, ["g"] = v => v / 1000, ["[oz_av]"] = v => v * 0.028349523125,
    });

    private static readonly VitalMeasure Height = new("8302-2", "cm", "身長", 30, 250, new Dictionary<string, Func<double, double>>
    {
        ["[in_i]"] = v => v * 2.54, ["m"] = v => v * 100, ["mm"] = v => v / 10, ["[ft_i]"] = v => v * 30.48,
    });

    private static readonly VitalMeasure Bmi = new("39156-5", "kg/m2", "BMI", 8, 80, None);

    private static readonly Dictionary<string, Func<double, double>> Pressure = new() { ["kPa"] = v => v * 7.50061683 };
    private static readonly VitalMeasure Systolic = new("8480-6", "mm[Hg]", "収縮期血圧", 40, 300, Pressure);
    private static readonly VitalMeasure Diastolic = new("8462-4", "mm[Hg]", "拡張期血圧", 20, 200, Pressure);
    private static readonly VitalMeasure MeanPressure = new("8478-0", "mm[Hg]", "平均血圧", 20, 250, Pressure);

    private static readonly Dictionary<string, Func<double, double>> PerMinute = new()
    {
        ["{beats}/min"] = v => v, ["{breaths}/min"] = v => v, ["{beat}/min"] = v => v, ["{breath}/min"] = v => v,
    };

    private static readonly VitalMeasure HeartRate = new("8867-4", "/min", "心拍数", 20, 300, PerMinute);
    private static readonly VitalMeasure RespiratoryRate = new("9279-1", "/min", "呼吸数", 4, 80, PerMinute);

    private static readonly VitalMeasure Temperature = new("8310-5", "Cel", "体温", 30, 45, new Dictionary<string, Func<double, double>>
    {
        ["[degF]"] = v => (v - 32) * 5 / 9,
    });

    private static readonly VitalMeasure OxygenSaturation = new("2708-6", "%", "酸素飽和度", 50, 100, None);

    private static readonly VitalMeasure Steps = new("41950-7", "/d", "歩数", 0, 100_000, new Dictionary<string, Func<double, double>>
    {
        ["{steps}/d"] = v => v, ["{steps}"] = v => v, ["1"] = v => v, ["{#}/d"] = v => v, ["{count}/d"] = v => v,
    });

    /// <summary>By LOINC code.</summary>
    public static readonly IReadOnlyDictionary<string, VitalMeasure> ByLoinc = new Dictionary<string, VitalMeasure>
    {
        ["29463-7"] = Weight, ["3141-9"] = Weight, ["8302-2"] = Height, ["39156-5"] = Bmi,
        ["8480-6"] = Systolic, ["8462-4"] = Diastolic, ["8478-0"] = MeanPressure,
        ["8867-4"] = HeartRate, ["9279-1"] = RespiratoryRate, ["8310-5"] = Temperature,
        ["2708-6"] = OxygenSaturation, ["59408-5"] = OxygenSaturation,
        ["41950-7"] = Steps, ["55423-8"] = Steps,
    };

    /// <summary>By MEDIS code (JP Core's vital-signs and body-measurement code systems), with the LOINC they map to.</summary>
    public static readonly IReadOnlyDictionary<string, VitalMeasure> ByMedis = new Dictionary<string, VitalMeasure>
    {
        ["31000296"] = Weight, ["31000298"] = Height, ["31003020"] = Bmi,
        ["31001848"] = Systolic, ["31001849"] = Diastolic, ["31003958"] = MeanPressure,
        ["31000595"] = HeartRate, ["31001390"] = HeartRate, ["31001369"] = RespiratoryRate, ["31001368"] = Temperature,
        ["31000001"] = OxygenSaturation,
    };

    /// <summary>The measure a coding names, or null.</summary>
    public static VitalMeasure? Of(string? system, string? code)
    {
        if (code is null)
        {
            return null;
        }

        if (system == LoincSystem)
        {
            return ByLoinc.GetValueOrDefault(code);
        }

        return system is not null && system.StartsWith(JpCoreSystemPrefix, StringComparison.Ordinal) ? ByMedis.GetValueOrDefault(code) : null;
    }

    public static bool IsBloodPressurePanel(string? system, string? code) =>
        code is not null && BloodPressurePanels.Contains(code) && (system == LoincSystem || system?.StartsWith(JpCoreSystemPrefix, StringComparison.Ordinal) == true);
}
