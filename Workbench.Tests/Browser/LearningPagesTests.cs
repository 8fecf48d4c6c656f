using System.Globalization;
using Cell = DocumentFormat.OpenXml.Spreadsheet.Cell;
using Row = DocumentFormat.OpenXml.Spreadsheet.Row;
using Microsoft.Playwright;
using Xunit.Abstractions;
using Workbench.Data.Learning;
using Workbench.Data.Learning.Board;
using Workbench.Domain.Access;
using Workbench.Domain.Learning;
using Workbench.Features.Reports.Learning;
using Workbench.Tests.Export;
using Workbench.Tests.Support;

namespace Workbench.Tests.Browser;

/// <summary>
/// The learning pages in Chromium, each checked against the same query run on a copy of the running workbench's
/// warehouse (the running app holds the DuckDB file; a copy of its files opens in this process).
/// </summary>
[Collection(RunningWorkbenchCollection.Name)]
public class LearningPagesTests(RunningWorkbench workbench, BrowserSession browser, ITestOutputHelper output)
{
    [SkippableFact]
    public async Task A_teacher_opens_a_class_its_heatmap_and_a_pupil_and_the_exported_overview_equals_the_query()
    {
        var page = await browser.SignedInPageAsync(workbench, WorkbenchRoles.Teacher);
        await page.OpenAsync("/learning");
        var classLink = page.Locator("[data-testid='my-classes'] tr a[data-class]").First;
        await classLink.WaitForAsync();
        var classKey = (await classLink.GetAttributeAsync("data-class"))!;
        var opening = System.Diagnostics.Stopwatch.StartNew();
        await classLink.ClickAsync();

        var grid = page.GetByTestId("class-overview");
        await grid.Locator("tbody tr a[data-pupil]").First.WaitForAsync();
        output.WriteLine($"class overview interactive {opening.ElapsedMilliseconds} ms after the click (a figure, not a limit)");
        await Assertions.Expect(page.GetByTestId("comparison-chart").Locator("svg.main-svg").First).ToBeAttachedAsync();
        var download = await page.RunAndWaitForDownloadAsync(() => grid.GetByTestId("export-excel").ClickAsync());
        var path = Path.Combine(workbench.DataDirectory, "overview-" + download.SuggestedFilename);
        await download.SaveAsAsync(path);

        // The heatmap: a cell with a score opens that pupil's attempts on the unit.
        await page.GetByRole(AriaRole.Tab, new() { Name = "単元ヒートマップ" }).ClickAsync();
        var cell = page.GetByTestId("unit-heatmap").Locator("td.band-secure button, td.band-almost button, td.band-support button").First;
        await cell.WaitForAsync();
        var (cellPupil, cellUnit) = ((await cell.GetAttributeAsync("data-pupil"))!, (await cell.GetAttributeAsync("data-unit"))!);
        await cell.ClickAsync();
        var attemptRows = page.GetByTestId("unit-attempts").Locator("tbody tr.mud-table-row");
        await attemptRows.First.WaitForAsync();
        var shownAttempts = await attemptRows.CountAsync();

        // The pupil profile, from the overview's name link.
        await page.GetByRole(AriaRole.Tab, new() { Name = "一覧" }).ClickAsync();
        var pupilLink = grid.Locator("tbody tr a[data-pupil]").First;
        var pupilKey = (await pupilLink.GetAttributeAsync("data-pupil"))!;
        var pupilName = (await pupilLink.InnerTextAsync()).Trim();
        await pupilLink.ClickAsync();
        await Assertions.Expect(page.GetByTestId("pupil-name")).ToHaveTextAsync(pupilName);
        await Assertions.Expect(page.GetByTestId("attendance-calendar").Locator("td[data-status]").First).ToBeAttachedAsync();
        var shownAbsences = await page.GetByTestId("attendance-calendar").Locator("td[data-status='欠席']").CountAsync();
        var shownFlags = await page.GetByTestId("pupil-flag").CountAsync();
        await Assertions.Expect(page.GetByTestId("timeline-chart").Locator("svg.main-svg").First).ToBeAttachedAsync();

        await using var copy = await CopyOfWarehouseAsync();
        var caller = new Caller(workbench.Account(WorkbenchRoles.Teacher).UserName, new HashSet<string>([WorkbenchRoles.Teacher], StringComparer.Ordinal));
        var year = (await copy.Get<ClassQueries>().RosterFiscalYearAsync(CancellationToken.None))!.Value;
        var filter = new LearningFilter(year);
        var overview = await copy.Get<ClassOverviewQuery>().GetAsync(caller, filter, classKey, CancellationToken.None);
        var attempts = await copy.Get<PupilUnitAttemptsQuery>().GetAsync(caller, filter, classKey, cellPupil, cellUnit, CancellationToken.None);
        var profile = await copy.Get<PupilProfileQuery>().GetAsync(caller, filter, classKey, pupilKey, CancellationToken.None);

        Assert.NotNull(overview);
        using var book = Workbook.Open(await File.ReadAllBytesAsync(path));
        var rows = RowsByHeader(book, "データ");
        Assert.Equal(overview.Pupils.Count, rows.Count);
        foreach (var (row, expected) in rows.Zip(overview.Pupils))
        {
            Assert.Equal(expected.Pupil.ShussekiNo?.ToString(CultureInfo.InvariantCulture) ?? string.Empty, row.GetValueOrDefault("出席番号", string.Empty));
            Assert.Equal(expected.Pupil.Name, row["氏名"]);
            Assert.Equal(expected.Statements.ToString(CultureInfo.InvariantCulture), row["活動数"]);
            foreach (var unit in overview.Units)
            {
                var best = expected.Unit(unit.UnitKey)?.Best;
                var written = row.GetValueOrDefault(unit.DisplayTitle);
                Assert.Equal(best is null, string.IsNullOrEmpty(written));
                if (best is { } b)
                {
                    Assert.Equal(b, double.Parse(written!, CultureInfo.InvariantCulture), 9);
                    Assert.Equal(expected.Unit(unit.UnitKey)!.BandLabel, row[$"{unit.DisplayTitle}（定着度）"]);
                }
            }
        }

        Assert.Equal(attempts.Count, shownAttempts);
        Assert.NotNull(profile);
        Assert.Equal(profile.Calendar.Count(d => d.Status == AttendanceStatus.Absent), shownAbsences);
        Assert.Equal(profile.Attendance.Absent, shownAbsences);
        Assert.Equal(profile.Flags.Count, shownFlags);
    }

    [SkippableFact]
    public async Task The_board_sees_suppressed_school_groups_equal_to_the_statistics_and_the_early_warnings_list_opens_for_a_teacher()
    {
        var board = await browser.SignedInPageAsync(workbench, WorkbenchRoles.BoardOfEducation);
        await board.OpenAsync("/learning/board");
        var absence = board.GetByTestId("board-absence");
        await absence.Locator("tbody tr.mud-table-row").First.WaitForAsync();
        var shown = await absence.Locator("tbody tr.mud-table-row").EvaluateAllAsync<string[][]>(
            "rows => rows.map(r => [...r.querySelectorAll('td')].map(td => td.innerText.trim()))");
        await Assertions.Expect(board.GetByTestId("board-mastery").First).ToBeVisibleAsync();

        await using var copy = await CopyOfWarehouseAsync();
        var teacherCaller = new Caller(workbench.Account(WorkbenchRoles.Teacher).UserName, new HashSet<string>([WorkbenchRoles.Teacher], StringComparer.Ordinal));
        var warningYear = (await copy.Get<ClassQueries>().RosterFiscalYearAsync(CancellationToken.None))!.Value;
        var all = await copy.Get<EarlyWarningQuery>().GetAsync(teacherCaller, new LearningFilter(warningYear), flaggedOnly: false, CancellationToken.None);

        // The list draws its rows after the grid appears: wait for the rows the query gives, one per flag.
        var teacher = await browser.SignedInPageAsync(workbench, WorkbenchRoles.Teacher);
        await teacher.OpenAsync("/learning/warnings");
        var warnings = teacher.GetByTestId("warnings").Locator("tbody tr a[data-pupil]");
        await Assertions.Expect(warnings).ToHaveCountAsync(all.Where(r => r.Flags.Count > 0).Sum(r => r.Flags.Count));
        await teacher.GetByTestId("flagged-only").ClickAsync(new() { Force = true });
        await Assertions.Expect(warnings).ToHaveCountAsync(all.Sum(r => Math.Max(1, r.Flags.Count)));

        var statistics = copy.Get<BoardStatistics>();
        var year = (await statistics.FiscalYearsAsync(CancellationToken.None))[0];
        var caller = new Caller(workbench.Account(WorkbenchRoles.BoardOfEducation).UserName, new HashSet<string>([WorkbenchRoles.BoardOfEducation], StringComparer.Ordinal));
        var overview = await statistics.OverviewAsync(caller, new BoardRequest(new BoardPeriod(year)), CancellationToken.None);
        var expected = AbsenceSection.Rows(overview.Absence).Select(r => r.Cells.ToArray()).ToList();

        Assert.Equal(expected.Count, shown.Length);
        Assert.All(expected.Zip(shown), pair => Assert.Equal(pair.First, pair.Second));
        Assert.Contains(overview.Groups, g => shown.Any(r => r[0] == g.Name));
    }

    private async Task<TempWarehouse> CopyOfWarehouseAsync()
    {
        var directory = Path.Combine(Path.GetTempPath(), "workbench-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        foreach (var file in Directory.GetFiles(workbench.DataDirectory, "workbench.duckdb*"))
        {
            File.Copy(file, Path.Combine(directory, Path.GetFileName(file)));
        }

        return await TempWarehouse.CreateAsync(prepare: false, directory: directory);
    }

    /// <summary>The data rows of a sheet keyed by the header, blank cells left out (cells are placed by reference).</summary>
    private static List<Dictionary<string, string>> RowsByHeader(Workbook book, string sheet)
    {
        var rows = book.Sheet(sheet).Descendants<Row>().Select(r => r.Elements<Cell>().ToDictionary(c => ColumnOf(c.CellReference!.Value!), Workbook.TextOf)).ToList();
        var header = rows[0];
        return [.. rows.Skip(1).Select(r => r.ToDictionary(c => header[c.Key], c => c.Value))];
    }

    private static string ColumnOf(string reference) => new([.. reference.TakeWhile(char.IsLetter)]);
}
