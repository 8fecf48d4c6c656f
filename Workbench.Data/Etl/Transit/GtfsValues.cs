using System.Globalization;

namespace Workbench.Data.Etl.Transit;

/// <summary>Parsing of the GTFS value types (dates <c>YYYYMMDD</c>, times <c>H:MM:SS</c> that may pass 24:00:00, coordinates).</summary>
internal static class GtfsValues
{
    /// <summary>The key of a GTFS id inside its feed: two feeds may both have stop <c>1</c>.</summary>
    public static string Key(string feedKey, string id) => string.Concat(feedKey, ":", id);

    public static DateOnly? ParseDate(string? value) =>
        DateOnly.TryParseExact(value, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;

    /// <summary>Seconds after the service day's start: <c>25:10:00</c> is 90,600. Null when the value is not a GTFS time.</summary>
    public static int? ParseSeconds(string? value)
    {
        if (value is null)
        {
            return null;
        }

        var parts = value.Split(':');
        if (parts.Length != 3
            || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var h) || h > 47
            || parts[1].Length != 2 || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var m) || m > 59
            || parts[2].Length != 2 || !int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var s) || s > 59)
        {
            return null;
        }

        return (h * 3600) + (m * 60) + s;
    }

    public static bool TryInt(string? value, out int result) =>
        int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out result);

    public static bool TryDouble(string? value, out double result) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out result);

    public static bool TryLatitude(string? value, out double latitude) => TryDouble(value, out latitude) && latitude is >= -90 and <= 90;

    public static bool TryLongitude(string? value, out double longitude) => TryDouble(value, out longitude) && longitude is >= -180 and <= 180;
}
