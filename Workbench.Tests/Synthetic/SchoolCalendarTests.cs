using Workbench.Data.Synthetic;

namespace Workbench.Tests.Synthetic;

public class SchoolCalendarTests
{
    [Fact]
    public void School_days_of_2025_run_from_7_April_to_24_March()
    {
        var calendar = SchoolCalendar.For(2025);

        Assert.Equal(new DateOnly(2025, 4, 7), calendar.Days[0]);
        Assert.Equal(new DateOnly(2026, 3, 24), calendar.Days[^1]);
        Assert.InRange(calendar.Count, 195, 215);
    }

    [Theory]
    [InlineData("2025-05-06")] // 振替休日 for みどりの日 on a Sunday
    [InlineData("2025-07-21")] // 海の日
    [InlineData("2025-08-25")] // summer break
    [InlineData("2025-09-23")] // 秋分の日
    [InlineData("2025-11-24")] // 振替休日 for 勤労感謝の日
    [InlineData("2025-12-26")] // winter break
    [InlineData("2026-01-07")]
    [InlineData("2026-01-12")] // 成人の日
    [InlineData("2026-02-23")] // 天皇誕生日
    [InlineData("2026-03-20")] // 春分の日
    public void Holidays_and_breaks_are_not_school_days(string date)
    {
        var calendar = SchoolCalendar.For(2025);

        Assert.DoesNotContain(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture), calendar.Days);
    }

    [Theory]
    [InlineData("2026-09-22")] // 国民の休日 between 敬老の日 and 秋分の日
    [InlineData("2021-07-22")] // 海の日 moved for the Olympic Games
    [InlineData("2021-08-09")] // 山の日 (8 August) on a Sunday
    [InlineData("2024-02-12")] // 振替休日 for 建国記念の日
    public void Holidays_follow_the_law_including_its_exceptions(string date)
    {
        Assert.True(JapaneseHolidays.IsHoliday(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void The_Olympic_year_has_no_holiday_on_the_usual_third_Monday_of_July()
    {
        Assert.False(JapaneseHolidays.IsHoliday(new DateOnly(2021, 7, 19)));
    }
}
