using Workbench.Domain.Calendar;

namespace Workbench.Data.Synthetic;

/// <summary>
/// Japanese national holidays (国民の祝日に関する法律) by rule: fixed days, Happy Monday days, the equinoxes by the
/// usual approximation (valid 1980–2099), 振替休日 and 国民の休日, with the one-off moves of 2019–2021.
/// </summary>
internal static class JapaneseHolidays
{
    private static readonly Dictionary<int, HashSet<DateOnly>> Cache = [];
    private static readonly Lock CacheLock = new();

    public static bool IsHoliday(DateOnly date)
    {
        lock (CacheLock)
        {
            if (!Cache.TryGetValue(date.Year, out var days))
            {
                days = Compute(date.Year);
                Cache[date.Year] = days;
            }

            return days.Contains(date);
        }
    }

    public static HashSet<DateOnly> Compute(int year)
    {
        var days = new HashSet<DateOnly>
        {
            new(year, 1, 1),
            NthMonday(year, 1, 2),
            new(year, 2, 11),
            new(year, 3, SpringEquinoxDay(year)),
            new(year, 4, 29),
            new(year, 5, 3),
            new(year, 5, 4),
            new(year, 5, 5),
            NthMonday(year, 9, 3),
            new(year, 9, AutumnEquinoxDay(year)),
            new(year, 11, 3),
            new(year, 11, 23),
        };

        if (year >= 2020)
        {
            days.Add(new(year, 2, 23));
        }
        else if (year <= 2018)
        {
            days.Add(new(year, 12, 23));
        }

        switch (year)
        {
            case 2019:
                days.UnionWith([new(2019, 4, 30), new(2019, 5, 1), new(2019, 5, 2), new(2019, 10, 22)]);
                break;
            case 2020:
                days.UnionWith([new(2020, 7, 23), new(2020, 7, 24), new(2020, 8, 10)]);
                break;
            case 2021:
                days.UnionWith([new(2021, 7, 22), new(2021, 7, 23), new(2021, 8, 8)]);
                break;
            default:
                days.Add(NthMonday(year, 7, 3));
                days.Add(NthMonday(year, 10, 2));
                days.Add(new(year, 8, 11));
                break;
        }

        // 国民の休日: a weekday between two holidays.
        foreach (var day in days.ToList())
        {
            var next = day.AddDays(1);
            if (!days.Contains(next) && days.Contains(next.AddDays(1)) && next.DayOfWeek != DayOfWeek.Sunday)
            {
                days.Add(next);
            }
        }

        // 振替休日: a holiday on a Sunday moves to the next day that is not a holiday.
        foreach (var day in days.Where(d => d.DayOfWeek == DayOfWeek.Sunday).OrderBy(d => d).ToList())
        {
            var substitute = day.AddDays(1);
            while (days.Contains(substitute))
            {
                substitute = substitute.AddDays(1);
            }

            days.Add(substitute);
        }

        return days;
    }

    private static int SpringEquinoxDay(int year) => (int)(20.8431 + (0.242194 * (year - 1980)) - ((year - 1980) / 4));

    private static int AutumnEquinoxDay(int year) => (int)(23.2488 + (0.242194 * (year - 1980)) - ((year - 1980) / 4));

    private static DateOnly NthMonday(int year, int month, int n)
    {
        var first = new DateOnly(year, month, 1);
        var offset = ((int)DayOfWeek.Monday - (int)first.DayOfWeek + 7) % 7;
        return first.AddDays(offset + (7 * (n - 1)));
    }
}

/// <summary>
/// The school days of one 年度: weekdays that are not national holidays, outside the summer break (8/1–8/31), the
/// winter break (12/26–1/7) and the spring break (3/25–4/5).
/// </summary>
internal sealed class SchoolCalendar
{
    private readonly Dictionary<DateOnly, int> index;

    private SchoolCalendar(int fiscalYear, List<DateOnly> days)
    {
        FiscalYear = fiscalYear;
        Days = days;
        index = days.Select((d, i) => (d, i)).ToDictionary(x => x.d, x => x.i);
        DateText = days.Select(d => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        SecondTermStart = days.FindIndex(d => d.Month >= 9 || d.Month <= 3);
        ThirdTermStart = days.FindIndex(d => d.Month <= 3);
    }

    public int FiscalYear { get; }

    public IReadOnlyList<DateOnly> Days { get; }

    /// <summary>yyyy-MM-dd of each school day.</summary>
    public IReadOnlyList<string> DateText { get; }

    /// <summary>Index of the first school day of 2学期 (September).</summary>
    public int SecondTermStart { get; }

    /// <summary>Index of the first school day of 3学期 (January).</summary>
    public int ThirdTermStart { get; }

    public int Count => Days.Count;

    public static SchoolCalendar For(int fiscalYear)
    {
        var days = FiscalCalendar.DaysOf(fiscalYear).Where(IsSchoolDay).ToList();
        return new SchoolCalendar(fiscalYear, days);
    }

    /// <summary>The index of the school day on or after a date (Count when none).</summary>
    public int IndexOnOrAfter(DateOnly date)
    {
        for (var d = date; d <= FiscalCalendar.LastDayOf(FiscalYear); d = d.AddDays(1))
        {
            if (index.TryGetValue(d, out var i))
            {
                return i;
            }
        }

        return Count;
    }

    private static bool IsSchoolDay(DateOnly date)
    {
        if (date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday || JapaneseHolidays.IsHoliday(date))
        {
            return false;
        }

        return date.Month switch
        {
            8 => false,
            12 => date.Day < 26,
            1 => date.Day > 7,
            3 => date.Day < 25,
            4 => date.Day > 5,
            _ => true,
        };
    }
}
