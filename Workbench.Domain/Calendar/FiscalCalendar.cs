namespace Workbench.Domain.Calendar;

/// <summary>
/// 年度 (April–March) and 学期 (1学期 Apr–Jul, 2学期 Sep–Dec, 3学期 Jan–Mar; August is the summer holiday).
/// </summary>
public static class FiscalCalendar
{
    public static int FiscalYearOf(DateOnly date) => date.Month >= 4 ? date.Year : date.Year - 1;

    public static DateOnly FirstDayOf(int fiscalYear) => new(fiscalYear, 4, 1);

    public static DateOnly LastDayOf(int fiscalYear) => new(fiscalYear + 1, 3, 31);

    /// <summary>The 学期 (1–3) a date falls in, or null in the summer holiday.</summary>
    public static int? SchoolTermOf(DateOnly date) => date.Month switch
    {
        >= 4 and <= 7 => 1,
        8 => null,
        >= 9 and <= 12 => 2,
        _ => 3,
    };

    public static IEnumerable<DateOnly> DaysOf(int fiscalYear)
    {
        for (var day = FirstDayOf(fiscalYear); day <= LastDayOf(fiscalYear); day = day.AddDays(1))
        {
            yield return day;
        }
    }

    /// <summary>The 年度 in 和暦, e.g. 2025 → 令和7年度 (令和 began in 2019; 2019年度 is 令和元年度).</summary>
    public static string ReiwaFiscalYearName(int fiscalYear)
    {
        if (fiscalYear < 2019)
        {
            return $"平成{(fiscalYear - 1988).ToString(System.Globalization.CultureInfo.InvariantCulture)}年度";
        }

        var reiwa = fiscalYear - 2018;
        return reiwa == 1 ? "令和元年度" : $"令和{reiwa.ToString(System.Globalization.CultureInfo.InvariantCulture)}年度";
    }

    /// <summary>yyyymmdd, the key of the date dimension.</summary>
    public static int DateKeyOf(DateOnly date) => (date.Year * 10000) + (date.Month * 100) + date.Day;
}
