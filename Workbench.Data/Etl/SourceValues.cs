using System.Globalization;

namespace Workbench.Data.Etl;

/// <summary>Parsing and masking shared by the importers.</summary>
internal static class SourceValues
{
    private static readonly string[] DateFormats = ["yyyy-MM-dd", "yyyy/MM/dd", "yyyy/M/d"];
    private static readonly string[] TimeFormats = ["H:mm", "HH:mm", "H:mm:ss", "HH:mm:ss"];

    public static DateOnly? ParseDate(string? value) =>
        DateOnly.TryParseExact(value, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;

    /// <summary>The minute of the day of a clock time (<c>7:05</c>, <c>07:05:30</c>), or null when it is not one.</summary>
    public static int? ParseMinuteOfDay(string? value) =>
        TimeOnly.TryParseExact(value, TimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var time) ? (time.Hour * 60) + time.Minute : null;

    /// <summary>Keeps the first characters of an identifier so a steward can find the row, hiding the rest.</summary>
    public static string? MaskId(string? value) => value is null ? null : value.Length <= 4 ? "****" : value[..4] + "****";

    /// <summary>Names, passwords and health values never reach etl_reject.</summary>
    public static string? MaskSensitive(string? value) => value is null ? null : "（非表示）";
}
