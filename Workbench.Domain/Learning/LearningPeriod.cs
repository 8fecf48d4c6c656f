using System.Globalization;
using Workbench.Domain.Calendar;

namespace Workbench.Domain.Learning;

/// <summary>
/// The dates a filter covers: the 年度, or one 学期 of it (1学期 Apr–Jul, 2学期 Sep–Dec, 3学期 Jan–Mar, as
/// <c>dim_date.school_term</c>). <see cref="AsOf"/> is the end of the period, or today while it runs: early warnings are
/// judged as of that day.
/// </summary>
public sealed record LearningPeriod(int FiscalYear, int? Term, DateOnly From, DateOnly To, DateOnly AsOf)
{
    public static LearningPeriod Of(LearningFilter filter, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var (from, to) = filter.Term switch
        {
            1 => (new DateOnly(filter.FiscalYear, 4, 1), new DateOnly(filter.FiscalYear, 7, 31)),
            2 => (new DateOnly(filter.FiscalYear, 9, 1), new DateOnly(filter.FiscalYear, 12, 31)),
            3 => (new DateOnly(filter.FiscalYear + 1, 1, 1), new DateOnly(filter.FiscalYear + 1, 3, 31)),
            _ => (FiscalCalendar.FirstDayOf(filter.FiscalYear), FiscalCalendar.LastDayOf(filter.FiscalYear)),
        };
        return new LearningPeriod(filter.FiscalYear, filter.Term, from, to, today < to ? today : to);
    }

    public int ToDateKey => FiscalCalendar.DateKeyOf(To);

    /// <summary><c>2025年度</c> or <c>2025年度 2学期</c>.</summary>
    public string Title => FiscalYear.ToString(CultureInfo.InvariantCulture) + "年度"
        + (Term is { } t ? " " + t.ToString(CultureInfo.InvariantCulture) + "学期" : string.Empty);

    public bool Contains(DateOnly date) => date >= From && date <= To;
}
