using System.Globalization;

namespace Workbench.Data.Etl.Health;

/// <summary>Resident keys and the value parsing the health importers share.</summary>
internal static class HealthValues
{
    /// <summary>Namespace of resident ids (the 住民基本台帳 number the city's systems share) in the pseudonyms.</summary>
    public const string ResidentSource = "tsuyama-resident";

    /// <summary>The consent scope of PHR readings (the query reads the same name).</summary>
    public const string PhrScope = "phr";

    /// <summary>The reject reason of a row whose resident is not on the register.</summary>
    public const string UnknownResident = "住民台帳にない住民です。先に residents を取り込んでください。";

    public static string ResidentKey(ImportContext context, string residentId) => context.Pseudonyms.Of(ResidentSource, residentId);

    /// <summary>The pseudonymised key of a resident on the register (<paramref name="residents"/>), or null.</summary>
    public static string? KnownResident(ImportContext context, string? residentId, HashSet<string> residents) =>
        residentId is not null && ResidentKey(context, residentId) is var key && residents.Contains(key) ? key : null;

    /// <summary>A finite number, or null when the text is not one.</summary>
    public static double? Number(string? value) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number) ? number : null;

    /// <summary>はい/いいえ, 1/0, true/false, yes/no, あり/なし; null when the text is none of them.</summary>
    public static bool? YesNo(string? value) => value?.ToLowerInvariant() switch
    {
        "はい" or "1" or "true" or "yes" or "y" or "あり" or "有" => true,
        "いいえ" or "0" or "false" or "no" or "n" or "なし" or "無" => false,
        _ => null,
    };

    /// <summary>male / female from male, female, 男, 女, M, F, or the standard codes 1 and 2.</summary>
    public static string? Sex(string? value) => value?.ToLowerInvariant() switch
    {
        "male" or "m" or "男" or "男性" or "1" => "male",
        "female" or "f" or "女" or "女性" or "2" => "female",
        _ => null,
    };
}
