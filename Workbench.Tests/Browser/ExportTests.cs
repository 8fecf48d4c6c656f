using System.Globalization;
using Microsoft.Playwright;
using Workbench.Domain.Access;
using Workbench.Tests.Export;
using Workbench.Tests.Support;

namespace Workbench.Tests.Browser;

[Collection(RunningWorkbenchCollection.Name)]
public class ExportTests(RunningWorkbench workbench, BrowserSession browser)
{
    [SkippableFact]
    public async Task A_teacher_exports_the_class_grid_sorted_and_filtered_as_shown_and_the_workbook_rows_equal_the_page()
    {
        var page = await browser.SignedInPageAsync(workbench, WorkbenchRoles.Teacher);
        var blocked = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
            {
                blocked.Add(message.Text);
            }
        };
        await page.OpenAsync("/learning");
        var grid = page.GetByTestId("my-classes");
        await grid.Locator("tbody tr a[data-class]").First.WaitForAsync();

        // Sort by 学級, descending (two clicks on its header's sort button), as a teacher would.
        var classHeader = grid.Locator("th").Filter(new() { HasText = "学級" });
        await classHeader.Locator(".sort-direction-icon").ClickAsync();
        await classHeader.Locator(".sort-direction-icon").ClickAsync();
        await Assertions.Expect(classHeader.Locator(".mud-direction-desc")).ToHaveCountAsync(1);
        var shown = await VisibleRowsAsync(grid);

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("export-excel").ClickAsync());
        var path = Path.Combine(workbench.DataDirectory, download.SuggestedFilename);
        await download.SaveAsAsync(path);

        Assert.StartsWith("担当の学級", download.SuggestedFilename, StringComparison.Ordinal);
        using var book = Workbook.Open(await File.ReadAllBytesAsync(path));
        var rows = book.Rows("データ");
        Assert.Equal(["学校", "学級", "教科", "児童生徒数"], rows[0]);
        Assert.NotEmpty(shown);
        Assert.Equal(shown, rows.Skip(1).Select(r => string.Join(" | ", r)).ToList());
        var conditions = book.Rows("条件").ToDictionary(r => r[0], r => r[1]);
        Assert.Matches(@"^\d{4}年度（令和.+年度）$", conditions["年度"]);
        Assert.Equal("学級（降順）", conditions["並べ替え"]);
        Assert.Equal(workbench.Account(WorkbenchRoles.Teacher).UserName, conditions["出力者"]);

        // A column filter through the grid's own menu narrows the next export the same way.
        var subjectHeader = grid.Locator("th").Filter(new() { HasText = "教科" });
        await subjectHeader.Locator(".filter-button").ClickAsync();
        await page.Locator(".mud-popover-open input:not([type='hidden'])").Last.FillAsync(shown[0].Split(" | ")[2]);
        await page.Locator(".mud-popover-open .apply-filter-button").ClickAsync();
        await Assertions.Expect(grid.Locator("tbody tr.mud-table-row")).ToHaveCountAsync(shown.Count(r => r.Split(" | ")[2].Contains(shown[0].Split(" | ")[2], StringComparison.Ordinal)));
        var filtered = await VisibleRowsAsync(grid);
        var second = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("export-excel").ClickAsync());
        var secondPath = Path.Combine(workbench.DataDirectory, "filtered-" + second.SuggestedFilename);
        await second.SaveAsAsync(secondPath);
        using var filteredBook = Workbook.Open(await File.ReadAllBytesAsync(secondPath));
        Assert.Equal(filtered, filteredBook.Rows("データ").Skip(1).Select(r => string.Join(" | ", r)).ToList());
        Assert.Contains(filteredBook.Rows("条件"), r => r[0] == "表の絞り込み" && r[1] == $"教科: {shown[0].Split(" | ")[2]}（含む）");

        // The page is still live after the download, and its chart drew under the CSP (script-src 'self').
        await Assertions.Expect(page.GetByTestId("circuit-ready")).ToBeAttachedAsync();
        await Assertions.Expect(page.GetByTestId("pupils-chart").Locator("svg.main-svg").First).ToBeAttachedAsync();
        await Assertions.Expect(page.GetByTestId("pupils-chart").Locator("g.point")).ToHaveCountAsync(shown.Count);
        await Assertions.Expect(page.Locator("script[src*='plotly-basic-3.7.0.min.js']")).ToHaveCountAsync(1);
        Assert.Empty(blocked);
    }

    /// <summary>The grid's rows as the page shows them: school | class | subject | pupils (pupils as a plain number).</summary>
    private static async Task<List<string>> VisibleRowsAsync(ILocator grid)
    {
        var cells = await grid.Locator("tbody tr.mud-table-row").EvaluateAllAsync<string[][]>(
            "rows => rows.map(r => [...r.querySelectorAll('td')].map(td => (td.querySelector('a') ?? td).innerText.trim()))");
        return [.. cells.Select(c => string.Join(" | ", c[0], c[1], c[2], long.Parse(c[3], NumberStyles.AllowThousands, CultureInfo.GetCultureInfo("ja-JP")).ToString(CultureInfo.InvariantCulture)))];
    }
}
