using Microsoft.Extensions.Options;
using Workbench.Data.Learning.Board;
using Workbench.Data.Warehouse;
using Workbench.Domain.Access;
using Workbench.Domain.Learning;

namespace Workbench.Tests.Reports;

/// <summary>The per-school aggregates on the hand-made data set, figure by figure (see <see cref="BoardDataSet"/>).</summary>
public class BoardQueriesTests(BoardWarehouseFixture fixture) : IClassFixture<BoardWarehouseFixture>
{
    private static readonly Caller Board = new("kyoiku", new HashSet<string> { WorkbenchRoles.BoardOfEducation });

    private BoardQueries Queries => new(
        fixture.Warehouse.Get<IWarehouseConnectionFactory>(), fixture.Warehouse.Get<SqlCatalogue>(), fixture.Warehouse.Get<IOptions<BoardOptions>>(), fixture.Warehouse.Get<MasteryBands>());

    private static string Key(string school) => BoardDataSet.SchoolKey(school);

    [Fact]
    public async Task 長期欠席_counts_from_30_days_of_欠席_and_出席停止_忌引_遅刻_早退_are_not_absences()
    {
        var rows = await Queries.AbsenceAsync(Board, new BoardPeriod(2025), CancellationToken.None);

        Assert.Equal(
            [
                new SchoolAbsence(Key(BoardDataSet.Higashi), 12, 3, 1, 2),
                new SchoolAbsence(Key(BoardDataSet.Takamatsu), 3, 1, 1, 0),
                new SchoolAbsence(Key(BoardDataSet.Kume), 11, 2, 1, 0),
            ],
            rows.OrderBy(r => r.SchoolKey, StringComparer.Ordinal));
    }

    [Fact]
    public async Task The_previous_年度_counts_its_own_pupils_and_days()
    {
        var rows = await Queries.AbsenceAsync(Board, new BoardPeriod(2024), CancellationToken.None);

        Assert.Equal([new SchoolAbsence(Key(BoardDataSet.Higashi), 12, 1, 1, 0)], rows);
    }

    [Fact]
    public async Task Mastery_is_the_mean_of_each_pupils_best_score_per_unit_banded_at_0_4_and_0_7()
    {
        var rows = await Queries.MasteryAsync(Board, new BoardPeriod(2025, 1), CancellationToken.None);

        var byKey = rows.ToDictionary(r => (r.SchoolKey, r.Grade, r.Subject));
        Assert.Equal(3, rows.Count);
        AssertMastery(byKey[(Key(BoardDataSet.Higashi), "P3", "算数")], 12, 3, 4, 5, 6.7);
        AssertMastery(byKey[(Key(BoardDataSet.Takamatsu), "P3", "算数")], 3, 0, 0, 3, 2.7);
        AssertMastery(byKey[(Key(BoardDataSet.Kume), "J1", "数学")], 11, 0, 11, 0, 6.6);
    }

    [Fact]
    public async Task Over_the_whole_年度_every_unit_of_the_year_counts()
    {
        var rows = await Queries.MasteryAsync(Board, new BoardPeriod(2025), CancellationToken.None);

        // With 2学期's unit 3 at 0.8: pupils 1–3 reach 0.55, 4 0.6, 5–7 0.65 (もう少し); 8 0.75, 9–12 0.8 (定着).
        AssertMastery(rows.Single(r => r.SchoolKey == Key(BoardDataSet.Higashi)), 12, 0, 7, 5, 8.15);
    }

    [Fact]
    public async Task Trends_have_a_row_per_school_年度_and_学期()
    {
        var rows = await Queries.TermTrendAsync(Board, 2024, 2025, CancellationToken.None);

        Assert.Equal(
            [
                (Key(BoardDataSet.Higashi), 2024, 1, 12L, 0L, 12L, 0L),
                (Key(BoardDataSet.Higashi), 2025, 1, 12L, 3L, 4L, 5L),
                (Key(BoardDataSet.Higashi), 2025, 2, 12L, 0L, 0L, 12L),
                (Key(BoardDataSet.Takamatsu), 2025, 1, 3L, 0L, 0L, 3L),
                (Key(BoardDataSet.Kume), 2025, 1, 11L, 0L, 11L, 0L),
            ],
            rows.Select(r => (r.SchoolKey, r.FiscalYear, r.Term, r.Pupils, r.NeedsSupport, r.Almost, r.Secure))
                .OrderBy(r => Array.IndexOf([Key(BoardDataSet.Higashi), Key(BoardDataSet.Takamatsu), Key(BoardDataSet.Kume)], r.SchoolKey))
                .ThenBy(r => r.FiscalYear).ThenBy(r => r.Term));
    }

    [Fact]
    public async Task Schools_carry_their_中学校区_and_size()
    {
        var schools = await Queries.SchoolsAsync(Board, 2025, CancellationToken.None);

        Assert.Equal(
            [(BoardDataSet.Kume, "久米中学校区", 1, 11L), (BoardDataSet.Takamatsu, "久米中学校区", 1, 3L), (BoardDataSet.Higashi, "北陵中学校区", 1, 12L)],
            schools.Select(s => (s.SchoolName, s.DistrictName!, s.RegularClasses, s.Pupils)).OrderBy(s => s.SchoolName, StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_school_admin_sees_their_own_school_only_and_a_teacher_nothing()
    {
        var admin = new Caller("kume-admin", new HashSet<string> { WorkbenchRoles.SchoolAdmin });
        var teacher = new Caller("kume-admin", new HashSet<string> { WorkbenchRoles.Teacher });

        var schools = await Queries.SchoolsAsync(admin, 2025, CancellationToken.None);
        var absence = await Queries.AbsenceAsync(admin, new BoardPeriod(2025), CancellationToken.None);
        var mastery = await Queries.MasteryAsync(admin, new BoardPeriod(2025), CancellationToken.None);

        Assert.Equal([BoardDataSet.Takamatsu], schools.Select(s => s.SchoolName));
        Assert.Equal([Key(BoardDataSet.Takamatsu)], absence.Select(a => a.SchoolKey));
        Assert.Equal([Key(BoardDataSet.Takamatsu)], mastery.Select(a => a.SchoolKey));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => Queries.SchoolsAsync(teacher, 2025, CancellationToken.None));
    }

    [Fact]
    public async Task The_as_of_date_is_the_latest_day_in_the_facts_of_the_period()
    {
        Assert.Equal(new DateOnly(2025, 10, 6), await Queries.AsOfAsync(Board, new BoardPeriod(2025), CancellationToken.None));
        Assert.Equal(new DateOnly(2025, 6, 4), await Queries.AsOfAsync(Board, new BoardPeriod(2025, 1), CancellationToken.None));
        Assert.Null(await Queries.AsOfAsync(Board, new BoardPeriod(2023), CancellationToken.None));
    }

    private static void AssertMastery(SchoolMastery row, long pupils, long needsSupport, long almost, long secure, double sum)
    {
        Assert.Equal((pupils, needsSupport, almost, secure), (row.Pupils, row.NeedsSupport, row.Almost, row.Secure));
        Assert.Equal(sum, row.MasterySum, 9);
    }
}
