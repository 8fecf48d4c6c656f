using Workbench.Domain.Calendar;

namespace Workbench.Tests.Domain;

public class FiscalCalendarTests
{
    [Theory]
    [InlineData("2025-04-01", 2025)]
    [InlineData("2026-03-31", 2025)]
    [InlineData("2026-04-01", 2026)]
    [InlineData("2025-01-15", 2024)]
    public void The_fiscal_year_runs_from_April_to_March(string date, int fiscalYear) =>
        Assert.Equal(fiscalYear, FiscalCalendar.FiscalYearOf(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture)));

    [Theory]
    [InlineData("2025-04-07", 1)]
    [InlineData("2025-07-31", 1)]
    [InlineData("2025-08-10", null)]
    [InlineData("2025-09-01", 2)]
    [InlineData("2025-12-24", 2)]
    [InlineData("2026-01-08", 3)]
    [InlineData("2026-03-31", 3)]
    public void School_terms_follow_the_three_term_year_with_August_off(string date, int? term) =>
        Assert.Equal(term, FiscalCalendar.SchoolTermOf(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture)));

    [Theory]
    [InlineData(2025, "令和7年度")]
    [InlineData(2019, "令和元年度")]
    [InlineData(2018, "平成30年度")]
    public void Fiscal_years_have_their_Japanese_era_name(int fiscalYear, string name) =>
        Assert.Equal(name, FiscalCalendar.ReiwaFiscalYearName(fiscalYear));

    [Fact]
    public void A_fiscal_year_holding_a_leap_day_has_366_days()
    {
        Assert.Equal(366, FiscalCalendar.DaysOf(2023).Count());
        Assert.Equal(365, FiscalCalendar.DaysOf(2024).Count());
    }
}
