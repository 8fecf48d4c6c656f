using System.Globalization;

namespace Workbench.Features.Reports.Learning;

/// <summary>How the report writes dates, means, rates and differences (Japanese conventions; "−" where not published).</summary>
public static class ReportFormat
{
    public const string NotPublished = "−";
    private static readonly TimeSpan JapanOffset = TimeSpan.FromHours(9);
    private static readonly CultureInfo Japanese = CultureInfo.GetCultureInfo("ja-JP");

    public static string Date(DateOnly date) => string.Create(Japanese, $"{date.Year}年{date.Month}月{date.Day}日");

    public static string Date(DateOnly? date) => date is { } d ? Date(d) : "データなし";

    /// <summary>Japan time, whatever the server's zone: 2026年11月25日 10:15.</summary>
    public static string Stamp(DateTimeOffset time)
    {
        var local = time.ToOffset(JapanOffset);
        return string.Create(Japanese, $"{Date(DateOnly.FromDateTime(local.DateTime))} {local:HH:mm}");
    }

    public static string Mean(double? mean) => mean is { } m ? m.ToString("0.00", Japanese) : NotPublished;

    public static string Percent(double? rate) => rate is { } r ? (100 * r).ToString("0.0", Japanese) + "%" : NotPublished;

    /// <summary>A change in percentage points: +0.4ポイント.</summary>
    public static string Points(double? now, double? before) =>
        now is { } n && before is { } b ? (100 * (n - b)).ToString("+0.0;−0.0;±0.0", Japanese) + "ポイント" : NotPublished;

    public static string MeanChange(double? now, double? before) =>
        now is { } n && before is { } b ? (n - b).ToString("+0.00;−0.00;±0.00", Japanese) : NotPublished;

    public static string Count(long value) => value.ToString("N0", Japanese);
}
