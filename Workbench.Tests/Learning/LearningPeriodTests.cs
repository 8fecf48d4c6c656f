using Workbench.Domain.Learning;

namespace Workbench.Tests.Learning;

public class LearningPeriodTests
{
    [Theory]
    [InlineData(null, "2025-04-01", "2026-03-31", "2025年度")]
    [InlineData(1, "2025-04-01", "2025-07-31", "2025年度 1学期")]
    [InlineData(2, "2025-09-01", "2025-12-31", "2025年度 2学期")]
    [InlineData(3, "2026-01-01", "2026-03-31", "2025年度 3学期")]
    public void A_filter_covers_its_fiscal_year_or_term(int? term, string from, string to, string title)
    {
        var period = LearningPeriod.Of(new LearningFilter(2025, term), new DateOnly(2027, 1, 1));

        Assert.Equal((D(from), D(to), D(to), title), (period.From, period.To, period.AsOf, period.Title));
    }

    [Fact]
    public void A_running_period_is_judged_as_of_today() =>
        Assert.Equal(new DateOnly(2025, 10, 15), LearningPeriod.Of(new LearningFilter(2025), new DateOnly(2025, 10, 15)).AsOf);

    [Fact]
    public void A_term_outside_1_to_3_is_refused() => Assert.Throws<ArgumentOutOfRangeException>(() => new LearningFilter(2025, 4));

    [Fact]
    public void The_filter_describes_itself_for_the_audit_log() =>
        Assert.Equal("年度=2025; 学期=2; 教科=算数", new LearningFilter(2025, 2, " 算数 ").Describe());

    private static DateOnly D(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
