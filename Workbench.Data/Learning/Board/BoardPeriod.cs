using Workbench.Domain.Calendar;

namespace Workbench.Data.Learning.Board;

/// <summary>
/// A 年度, or one 学期 of it. Mastery is measured within the period; absences count from 1 April to the period's end
/// (長期欠席 is a count over the 年度 so far).
/// </summary>
public sealed record BoardPeriod
{
    public BoardPeriod(int fiscalYear, int? term = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(fiscalYear, 2000);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(fiscalYear, 2100);
        if (term is < 1 or > 3)
        {
            throw new ArgumentOutOfRangeException(nameof(term), term, "学期 is 1, 2 or 3.");
        }

        FiscalYear = fiscalYear;
        Term = term;
    }

    public int FiscalYear { get; }

    public int? Term { get; }

    public DateOnly YearStart => FiscalCalendar.FirstDayOf(FiscalYear);

    public DateOnly Start => Term switch
    {
        2 => new DateOnly(FiscalYear, 9, 1),
        3 => new DateOnly(FiscalYear + 1, 1, 1),
        _ => YearStart,
    };

    public DateOnly End => Term switch
    {
        1 => new DateOnly(FiscalYear, 7, 31),
        2 => new DateOnly(FiscalYear, 12, 31),
        _ => FiscalCalendar.LastDayOf(FiscalYear),
    };

    /// <summary>The same part of the year before.</summary>
    public BoardPeriod Previous => new(FiscalYear - 1, Term);

    /// <summary>2025年度, or 2025年度 1学期.</summary>
    public string Label => FiscalYearLabel(FiscalYear) + TermSuffix;

    /// <summary>令和7年度, or 令和7年度 1学期.</summary>
    public string ReiwaLabel => FiscalCalendar.ReiwaFiscalYearName(FiscalYear) + TermSuffix;

    private string TermSuffix => Term is { } t ? $" {t}学期" : string.Empty;

    public static string FiscalYearLabel(int fiscalYear) => $"{fiscalYear}年度";
}
