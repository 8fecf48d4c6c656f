namespace Workbench.Data.Synthetic.TransitWaste;

/// <summary>Which days the synthetic bus, taxi and collections run: weekdays, weekends and holidays, and 年末年始 off.</summary>
internal static class ServiceDays
{
    /// <summary>Fixed-date national holidays (the moving ones — Happy Mondays, equinoxes — are left out of a synthetic calendar).</summary>
    private static readonly (int Month, int Day)[] Holidays = [(1, 1), (2, 11), (2, 23), (4, 29), (5, 3), (5, 4), (5, 5), (8, 11), (11, 3), (11, 23)];

    public static bool IsYearEnd(DateOnly date) => (date.Month == 12 && date.Day >= 29) || (date.Month == 1 && date.Day <= 3);

    public static bool IsHoliday(DateOnly date) => Holidays.Contains((date.Month, date.Day));

    public static bool IsWeekend(DateOnly date) => date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;

    /// <summary>平日 service: Monday to Friday, not on holidays or 年末年始.</summary>
    public static bool Weekday(DateOnly date) => !IsWeekend(date) && !IsHoliday(date) && !IsYearEnd(date);

    /// <summary>土日祝 service: weekends and holidays, not 年末年始.</summary>
    public static bool WeekendOrHoliday(DateOnly date) => (IsWeekend(date) || IsHoliday(date)) && !IsYearEnd(date);

    public static IEnumerable<DateOnly> Range(DateOnly first, DateOnly last)
    {
        for (var d = first; d <= last; d = d.AddDays(1))
        {
            yield return d;
        }
    }
}
