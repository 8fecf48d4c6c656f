using Workbench.Data.Learning.Board;
using Workbench.Domain.Access;
using Workbench.Domain.Privacy;

namespace Workbench.Tests.Reports;

/// <summary>School groups and suppression on the hand-made data set (see <see cref="BoardDataSet"/>).</summary>
public class BoardStatisticsTests(BoardWarehouseFixture fixture) : IClassFixture<BoardWarehouseFixture>
{
    private static readonly Caller Board = new("kyoiku", new HashSet<string> { WorkbenchRoles.BoardOfEducation });
    private static readonly SmallCellSuppression Rule = new();

    private BoardStatistics Statistics => fixture.Warehouse.Get<BoardStatistics>();

    [Fact]
    public async Task By_中学校区_each_district_sums_its_schools()
    {
        var view = await Statistics.OverviewAsync(Board, new BoardRequest(new BoardPeriod(2025, 1)), CancellationToken.None);

        Assert.Equal(
            [(BoardDataSet.KumeDistrict, new[] { BoardDataSet.Kume, BoardDataSet.Takamatsu }), (BoardDataSet.Hokuryo, new[] { BoardDataSet.Higashi })],
            view.Groups.Select(g => (g.Name, g.SchoolNames.ToArray())));
        var sansu = view.Subjects.Single(s => s.ByGroup.Subject == "算数").ByGroup;
        AssertSameDisplay(Rule.Table(new long[,] { { 0, 0, 3 }, { 3, 4, 5 } }), sansu.Counts);
        Assert.Null(sansu.Means[0]); // 久米's 3 pupils are too few for a mean
        Assert.Equal(6.7 / 12, sansu.Means[1]!.Value, 9);
        Assert.Equal(["算数", "数学"], view.Subjects.Select(s => s.ByGroup.Subject));
    }

    [Fact]
    public async Task By_school_size_small_schools_of_a_kind_share_a_row()
    {
        var view = await Statistics.OverviewAsync(Board, new BoardRequest(new BoardPeriod(2025), BoardGrouping.SchoolSize), CancellationToken.None);

        Assert.Equal(
            [("小学校 小規模校（11学級以下）", new[] { BoardDataSet.Takamatsu, BoardDataSet.Higashi }), ("中学校 小規模校（11学級以下）", new[] { BoardDataSet.Kume })],
            view.Groups.Select(g => (g.Name, g.SchoolNames.ToArray())));
        Assert.Equal([15L, 11L], view.Absence.Enrolled.Counts.Select(c => c.Value));
    }

    [Fact]
    public async Task Absence_counts_pass_through_suppression_with_their_totals()
    {
        var view = await Statistics.OverviewAsync(Board, new BoardRequest(new BoardPeriod(2025)), CancellationToken.None);

        var absence = view.Absence;
        Assert.Equal(["14", "12"], absence.Enrolled.Counts.Select(c => c.Display));
        Assert.Equal("26", absence.Enrolled.Total.Display);
        AssertSameDisplay(Rule.Table(new long[,] { { 2, 1 }, { 1, 2 } }), absence.LongAbsence);
        Assert.Equal([3L, 3L], absence.LongAbsence.RowTotals.Select(c => c.Value));
        Assert.Equal(["0", "<10"], absence.AtRisk.Counts.Select(c => c.Display));
        Assert.All(absence.LongAbsenceRates, r => Assert.Null(r)); // never a rate from a hidden count
        Assert.Equal(6, view.Current.LongAbsent.Value);
        Assert.Equal("<10", view.Current.LongAbsent.Display);
        Assert.Equal((1L, 1L, 12L), (view.Previous.LongAbsent.Value, view.Previous.Futoko.Value, view.Previous.Pupils.Value));
    }

    [Fact]
    public async Task Trends_list_every_学期_with_data_up_to_the_period_and_hide_small_means()
    {
        var firstTerm = await Statistics.OverviewAsync(Board, new BoardRequest(new BoardPeriod(2025, 1)), CancellationToken.None);
        var year = await Statistics.OverviewAsync(Board, new BoardRequest(new BoardPeriod(2025)), CancellationToken.None);

        Assert.Equal(["2024年度 1学期", "2025年度 1学期"], firstTerm.Trend.Terms.Select(t => t.Label));
        Assert.Equal(["2024年度 1学期", "2025年度 1学期", "2025年度 2学期"], year.Trend.Terms.Select(t => t.Label));
        Assert.Equal(0.5, year.Trend.Means[1, 0]!.Value, 9);   // 北陵 (東小学校) in 2024
        Assert.Equal(0.8, year.Trend.Means[1, 2]!.Value, 9);
        Assert.Null(year.Trend.Means[0, 0]);                  // 久米 had no pupils then
        Assert.Equal(["12", "26", "12"], year.Trend.BandsByTerm.Counts.RowTotals.Select(c => c.Display));
    }

    [Fact]
    public async Task A_school_admin_gets_the_views_of_their_own_school()
    {
        var admin = new Caller("kume-admin", new HashSet<string> { WorkbenchRoles.SchoolAdmin });

        var view = await Statistics.OverviewAsync(admin, new BoardRequest(new BoardPeriod(2025)), CancellationToken.None);

        Assert.False(view.CityWide);
        Assert.Equal([BoardDataSet.Takamatsu], view.Groups.SelectMany(g => g.SchoolNames));
        Assert.Equal(["<10"], view.Absence.Enrolled.Counts.Select(c => c.Display));
    }

    private static void AssertSameDisplay(SuppressedTable expected, SuppressedTable actual)
    {
        Assert.Equal(Displays(expected), Displays(actual));
    }

    private static List<string> Displays(SuppressedTable table) =>
    [
        .. table.Cells.Cast<SuppressedCount>().Select(c => c.Display),
        .. table.RowTotals.Select(c => c.Display),
        .. table.ColumnTotals.Select(c => c.Display),
        table.GrandTotal.Display,
    ];
}
