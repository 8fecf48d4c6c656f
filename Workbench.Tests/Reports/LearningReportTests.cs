using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using Workbench.Data.Access;
using Workbench.Data.Learning.Board;
using Workbench.Data.Warehouse;
using Workbench.Domain.Learning;
using Workbench.Domain.Privacy;
using Workbench.Features.Reports.Learning;
using Workbench.Tests.Support;

namespace Workbench.Tests.Reports;

/// <summary>The board's PDF made from a tiny seed, read back with poppler as a person's viewer would.</summary>
public partial class LearningReportTests(TinyReportFixture fixture) : IClassFixture<TinyReportFixture>
{
    private static readonly BoardRequest ByDistrict = new(new BoardPeriod(2025));
    private static readonly BoardRequest BySize = new(new BoardPeriod(2025), BoardGrouping.SchoolSize);
    private static readonly BoardRequest FirstTerm = new(new BoardPeriod(2025, 1));

    public static TheoryData<string> Requests => ["district", "size", "term"];

    private static BoardRequest Request(string name) => name switch
    {
        "size" => BySize,
        "term" => FirstTerm,
        _ => ByDistrict,
    };

    [SkippableTheory]
    [MemberData(nameof(Requests))]
    public async Task Every_school_group_appears_with_its_row_of_figures(string name)
    {
        var (file, overview) = await fixture.ReportAsync(Request(name));
        var text = string.Join("\n", await Poppler.PagesAsync(file.Content));

        Assert.NotEmpty(overview.Groups);
        foreach (var group in overview.Groups)
        {
            Assert.Contains(group.Name, text, StringComparison.Ordinal);
        }

        foreach (var row in ExpectedRows(overview))
        {
            Assert.True(RowPattern(row).IsMatch(text), $"no row {string.Join(" | ", row)}");
        }
    }

    [SkippableTheory]
    [MemberData(nameof(Requests))]
    public async Task Small_counts_show_as_less_than_10_exactly_where_the_suppression_service_says(string name)
    {
        var (file, overview) = await fixture.ReportAsync(Request(name));
        var text = Unquoted(string.Join("\n", await Poppler.PagesAsync(file.Content)));

        var shown = ShownCounts(overview).ToList();
        Assert.Equal(shown.Count(c => c.State == CellState.Small), Regex.Count(text, "<10"));
        Assert.Equal(shown.Count(c => c.State == CellState.Complementary), ComplementaryMark().Count(text));
        Assert.Contains(shown, c => c.State == CellState.Small); // the tiny seed has small cells to hide
    }

    [SkippableFact]
    public async Task The_figures_equal_the_query_results()
    {
        var (file, overview) = await fixture.ReportAsync(ByDistrict);
        var pages = await Poppler.PagesAsync(file.Content);
        var queries = new BoardQueries(
            fixture.Warehouse.Get<IWarehouseConnectionFactory>(), fixture.Warehouse.Get<SqlCatalogue>(), fixture.Warehouse.Get<IOptions<BoardOptions>>(), fixture.Warehouse.Get<MasteryBands>());
        var absence = await queries.AbsenceAsync(TinyReportFixture.Board, ByDistrict.Period, CancellationToken.None);
        var mastery = await queries.MasteryAsync(TinyReportFixture.Board, ByDistrict.Period, CancellationToken.None);

        var rule = new SmallCellSuppression();
        var pupils = absence.Sum(a => a.Enrolled);
        var longAbsent = absence.Sum(a => a.LongAbsent);
        var summary = pages.Single(p => p.Contains("概要", StringComparison.Ordinal) && p.Contains("児童生徒数", StringComparison.Ordinal));
        Assert.Matches(RowPattern(["児童生徒数", rule.Single(pupils).Display]), summary);
        Assert.Equal(pupils, overview.Current.Pupils.Value);
        Assert.Equal(longAbsent, overview.Current.LongAbsent.Value);
        foreach (var subject in mastery.GroupBy(m => m.Subject))
        {
            var table = overview.Subjects.Single(s => s.ByGroup.Subject == subject.Key).ByGroup;
            Assert.Equal(subject.Sum(m => m.Pupils), table.Counts.GrandTotal.Value);
            Assert.Equal(subject.Sum(m => m.Secure), table.Counts.ColumnTotals[2].Value);
        }
    }

    [SkippableFact]
    public async Task The_cover_shows_the_年度_in_both_forms_the_as_of_date_and_when_it_was_made()
    {
        var (file, overview) = await fixture.ReportAsync(FirstTerm);
        var pages = await Poppler.PagesAsync(file.Content);

        Assert.Contains("学習状況レポート", pages[0], StringComparison.Ordinal);
        Assert.Contains("2025年度（令和7年度）1学期", pages[0], StringComparison.Ordinal);
        Assert.NotNull(overview.AsOf);
        Assert.True(overview.AsOf <= new DateOnly(2025, 7, 31));
        Assert.Contains(ReportFormat.Date(overview.AsOf!.Value), pages[0], StringComparison.Ordinal);
        Assert.All(pages, p => Assert.Contains("作成 2026年11月25日 10:15", p, StringComparison.Ordinal));
        Assert.Contains("3.7%", pages[2], StringComparison.Ordinal);
        Assert.Contains("346,482", pages[^1], StringComparison.Ordinal);
        Assert.Contains("文部科学省", pages[^1], StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task The_page_count_matches_the_contents_and_every_page_is_numbered()
    {
        var (file, _) = await fixture.ReportAsync(ByDistrict);
        var pages = await Poppler.PagesAsync(file.Content);

        var count = await Poppler.PageCountAsync(file.Content);
        Assert.Equal(count, pages.Count);
        Assert.Equal(file.Pages, count);
        var contents = ContentsEntry().Matches(pages[1])
            .Select(m => (Top: m.Groups["indent"].Length == 0, Title: m.Groups["title"].Value, Page: int.Parse(m.Groups["page"].Value, System.Globalization.CultureInfo.InvariantCulture)))
            .ToList();
        Assert.Equal(["概要", "教科別の定着状況", "中学校区ごとのまとめ", "学期ごとの推移", "欠席の状況", "注記と出典"], contents.Where(c => c.Top).Select(c => c.Title));
        Assert.Contains(contents, c => !c.Top && c.Title == "算数");
        foreach (var (_, title, page) in contents)
        {
            Assert.Contains(title, pages[page - 1], StringComparison.Ordinal);
        }

        Assert.Equal(count, contents[^1].Page);
        for (var n = 1; n <= count; n++)
        {
            Assert.Matches(Poppler.PageNumber(n, count), pages[n - 1]);
        }
    }

    [SkippableFact]
    public async Task The_report_face_is_embedded()
    {
        var (file, _) = await fixture.ReportAsync(ByDistrict);

        var fonts = await Poppler.FontsAsync(file.Content);

        Assert.NotEmpty(fonts);
        Assert.All(fonts, f => Assert.True(f.Embedded && f.Name.Contains("BIZ UDPGothic", StringComparison.Ordinal), $"{f.Name} embedded: {f.Embedded}"));
    }

    [Fact]
    public async Task Every_report_made_is_an_export_in_the_audit_log()
    {
        await fixture.ReportAsync(ByDistrict);

        var audit = await fixture.Warehouse.Get<AuditLog>().ListAsync(new AuditFilter(Action: AuditActions.Export), CancellationToken.None);

        Assert.Contains(audit, a => a.UserName == "kyoiku" && a.Target == LearningReportService.AuditTarget && a.FilterText!.Contains("年度=2025", StringComparison.Ordinal));
    }

    /// <summary>Every count the report prints, as the definition lays them out (quoted marks in the notes excluded).</summary>
    private static IEnumerable<SuppressedCount> ShownCounts(BoardOverview o)
    {
        foreach (var figures in o.Previous.HasData ? new[] { o.Current, o.Previous } : [o.Current])
        {
            yield return figures.Pupils;
            yield return figures.LongAbsent;
            yield return figures.Futoko;
            yield return figures.AtRisk;
        }

        foreach (var table in o.Subjects.Select(s => s.ByGroup.Counts).Append(o.Trend.BandsByTerm.Counts))
        {
            foreach (var cell in table.Cells)
            {
                yield return cell;
            }

            foreach (var total in table.RowTotals)
            {
                yield return total;
            }
        }

        foreach (var table in o.Subjects.Select(s => s.ByGroup.Counts))
        {
            foreach (var total in table.ColumnTotals.Append(table.GrandTotal))
            {
                yield return total;
            }
        }

        // The groups' summaries repeat their rows of the subject and absence tables.
        for (var g = 0; g < o.Groups.Count; g++)
        {
            foreach (var table in o.Subjects.Select(s => s.ByGroup.Counts))
            {
                yield return table.Cells[g, 0];
                yield return table.Cells[g, 1];
                yield return table.Cells[g, 2];
                yield return table.RowTotals[g];
            }

            yield return o.Absence.Enrolled.Counts[g];
            yield return o.Absence.LongAbsence.RowTotals[g];
            yield return o.Absence.LongAbsence.Cells[g, 0];
            yield return o.Absence.AtRisk.Counts[g];
        }

        foreach (var absence in o.Previous.HasData ? new[] { o.Absence, o.PreviousAbsence } : [o.Absence])
        {
            foreach (var count in absence.Enrolled.Counts.Append(absence.Enrolled.Total).Concat(absence.AtRisk.Counts).Append(absence.AtRisk.Total))
            {
                yield return count;
            }

            foreach (var cell in absence.LongAbsence.Cells)
            {
                yield return cell;
            }

            foreach (var total in absence.LongAbsence.RowTotals.Concat(absence.LongAbsence.ColumnTotals).Append(absence.LongAbsence.GrandTotal))
            {
                yield return total;
            }
        }
    }

    /// <summary>Table rows the report must hold, label first, as the suppression service displays them.</summary>
    private static IEnumerable<string[]> ExpectedRows(BoardOverview o)
    {
        foreach (var table in o.Subjects.Select(s => s.ByGroup))
        {
            for (var i = 0; i < table.Rows.Count; i++)
            {
                yield return [table.Rows[i], .. Enumerable.Range(0, 3).Select(j => table.Counts.Cells[i, j].Display), table.Counts.RowTotals[i].Display, ReportFormat.Mean(table.Means[i])];
            }
        }

        var a = o.Absence;
        for (var g = 0; g < a.Groups.Count; g++)
        {
            yield return
            [
                a.Groups[g], a.Enrolled.Counts[g].Display, a.LongAbsence.RowTotals[g].Display, a.LongAbsence.Cells[g, 0].Display, a.LongAbsence.Cells[g, 1].Display,
                ReportFormat.Percent(a.LongAbsenceRates[g]), ReportFormat.Percent(a.FutokoRates[g]), a.AtRisk.Counts[g].Display,
            ];
        }
    }

    /// <summary>A row of <c>pdftotext -layout</c>: the cells in order, separated by spaces.</summary>
    private static Regex RowPattern(IEnumerable<string> cells) => new(string.Join(@"\s+", cells.Select(Regex.Escape)));

    private static string Unquoted(string text) => QuotedMark().Replace(text, string.Empty);

    [GeneratedRegex("「[^」]*」")]
    private static partial Regex QuotedMark();

    [GeneratedRegex("(?<![A-Za-z])X(?![A-Za-z])")]
    private static partial Regex ComplementaryMark();

    [GeneratedRegex(@"^(?<indent>[ ]*)(?<title>\S.*?)\s{2,}(?<page>\d+)[ ]*$", RegexOptions.Multiline)]
    private static partial Regex ContentsEntry();
}
