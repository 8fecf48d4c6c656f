using Bunit;
using Bunit.TestDoubles;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using Workbench.Data.Export;
using Workbench.Domain.Access;
using Workbench.Shared.Components;
using Workbench.Shared.Export;
using Workbench.Tests.Support;

namespace Workbench.Tests.Components;

public class DataGridWithExportTests : MudBunitContext
{
    public sealed record Row(string School, string ClassTitle, long Pupils, DateOnly Since);

    private static readonly Row[] Rows =
    [
        new("北小学校", "1年1組", 1234, new DateOnly(2025, 4, 1)),
        new("南小学校", "2年1組", 28, new DateOnly(2025, 4, 1)),
        new("北小学校", "3年2組", 31, new DateOnly(2025, 9, 1)),
        new("北陵中学校", "1年1組", 35, new DateOnly(2025, 4, 1)),
        new("東小学校", "1年1組", 9, new DateOnly(2025, 4, 1)),
    ];

    private static readonly GridColumns<Row> Columns = new GridColumns<Row>()
        .Add(r => r.School, "学校")
        .Add(r => r.ClassTitle, "学級")
        .Add(r => r.Pupils, "児童生徒数")
        .Add(r => r.Since, "在籍開始");

    private readonly List<Caller> askedFor = [];

    [Fact]
    public void Renders_every_row_with_the_columns_defined_once_in_Japanese_formats()
    {
        var grid = RenderGrid();

        Assert.Equal(["学校", "学級", "児童生徒数", "在籍開始"], grid.FindAll("thead th .sortable-column-header").Select(th => th.TextContent.Trim()));
        Assert.Equal(Rows.Length, grid.FindAll("tbody tr.mud-table-row").Count);
        var first = grid.FindAll("tbody tr.mud-table-row")[0].QuerySelectorAll("td").Select(td => td.TextContent.Trim());
        Assert.Equal(["北小学校", "1年1組", "1,234", "2025/04/01"], first);
        Assert.Equal("Excel に出力", grid.Find("[data-testid='export-excel']").TextContent.Trim());
        Assert.Equal("並べ替え", grid.Find("thead th .sort-direction-icon").GetAttribute("aria-label")); // MudBlazor's words in Japanese too
    }

    [Fact]
    public async Task The_export_gets_exactly_the_filtered_and_sorted_rows_the_grid_shows_and_its_columns()
    {
        var grid = RenderGrid();
        var mud = grid.FindComponent<MudDataGrid<Row>>().Instance;
        var school = mud.RenderedColumns.Single(c => c.Title == "学校");
        await grid.InvokeAsync(() => mud.AddFilterAsync(new FilterDefinition<Row> { Column = school, Title = "学校", Operator = FilterOperator.String.Contains, Value = "北" }));
        await grid.InvokeAsync(() => mud.SetSortAsync(nameof(Row.Pupils), SortDirection.Descending, r => r.Pupils));
        var shown = mud.FilteredItems.ToList();

        grid.Find("[data-testid='export-excel']").Click();

        var job = TakeExport();
        var caller = new Caller(UserName, new HashSet<string>(StringComparer.Ordinal) { WorkbenchRoles.Teacher });
        var exported = await job.RowsFor(new ExportContext(caller, Services, CancellationToken.None)).ToListAsync();
        Assert.Equal([Rows[0], Rows[3], Rows[2]], shown); // 北 in the school's name, most pupils first
        Assert.Equal(shown, exported);
        Assert.Same(caller, Assert.Single(askedFor)); // the query ran for the caller of the download, not a remembered one
        Assert.Equal(["学校", "学級", "児童生徒数", "在籍開始"], job.Columns.Select(c => c.Header));
        Assert.Equal([ExportColumnKind.Text, ExportColumnKind.Text, ExportColumnKind.Integer, ExportColumnKind.Date], job.Columns.Select(c => c.Kind));
        Assert.Equal(1234L, job.Columns[2].Value(Rows[0]));
        Assert.Equal(("learning/test", "担当の学級"), (job.Target, job.Title));
        Assert.Equal(
            [new ExportFilter("年度", "2025年度（令和7年度）"), new ExportFilter("表の絞り込み", "学校: 北（含む）"), new ExportFilter("並べ替え", "児童生徒数（降順）")],
            job.Filters);
    }

    [Fact]
    public async Task The_workbook_of_an_export_holds_the_rows_as_shown()
    {
        var grid = RenderGrid();
        var mud = grid.FindComponent<MudDataGrid<Row>>().Instance;
        await grid.InvokeAsync(() => mud.SetSortAsync(nameof(Row.ClassTitle), SortDirection.Ascending, r => r.ClassTitle));
        grid.Find("[data-testid='export-excel']").Click();
        var job = TakeExport();

        using var output = new MemoryStream();
        var caller = new Caller(UserName, new HashSet<string>(StringComparer.Ordinal));
        var rows = new ExportMetadata(job.Title, job.Filters, DateTimeOffset.UtcNow, UserName);
        await XlsxWorkbookWriter.WriteAsync(output, job.Columns, job.RowsFor(new ExportContext(caller, Services, CancellationToken.None)), rows, CancellationToken.None);

        using var book = Export.Workbook.Open(output.ToArray());
        Assert.Equal(mud.FilteredItems.Select(r => r.ClassTitle), book.Rows("データ").Skip(1).Select(r => r[1]));
    }

    [Fact]
    public void Without_an_export_source_there_is_no_export_button()
    {
        var grid = Render<DataGridWithExport<Row>>(p => p.Add(g => g.Items, Rows).Add(g => g.Columns, Columns));

        Assert.Empty(grid.FindAll("[data-testid='export-excel']"));
    }

    [Fact]
    public void A_hidden_column_is_in_the_workbook_but_not_on_the_page()
    {
        var columns = new GridColumns<Row>()
            .Add(r => r.School, "学校")
            .Add(r => r.Pupils.ToString(System.Globalization.CultureInfo.InvariantCulture) + "人", "人数（文）", hidden: true);
        var grid = Render<DataGridWithExport<Row>>(p => p
            .Add(g => g.Items, Rows)
            .Add(g => g.Columns, columns)
            .Add(g => g.ExportSource, _ => Rows.ToAsyncEnumerable()));

        grid.Find("[data-testid='export-excel']").Click();

        Assert.Equal(["学校"], grid.FindAll("thead th .sortable-column-header").Select(th => th.TextContent.Trim()));
        Assert.Equal(["学校", "人数（文）"], TakeExport().Columns.Select(c => c.Header));
    }

    private IRenderedComponent<DataGridWithExport<Row>> RenderGrid() => Render<DataGridWithExport<Row>>(p => p
        .Add(g => g.Items, Rows)
        .Add(g => g.Columns, Columns)
        .Add(g => g.Title, "担当の学級")
        .Add(g => g.ExportTarget, "learning/test")
        .Add(g => g.Filters, [new ExportFilter("年度", "2025年度（令和7年度）")])
        .Add(g => g.ExportSource, context =>
        {
            askedFor.Add(context.Caller);
            return Rows.ToAsyncEnumerable();
        }));

    /// <summary>The browser was sent to /export/{token}; the job behind the token, as the endpoint would take it.</summary>
    private ExportJob<Row> TakeExport()
    {
        var navigation = Services.GetRequiredService<BunitNavigationManager>().History.First();
        Assert.True(navigation.Options.ForceLoad); // a real request, so the endpoint sees the signed-in user
        var uri = new Uri(new Uri("http://localhost/"), navigation.Uri);
        Assert.StartsWith("/export/", uri.AbsolutePath, StringComparison.Ordinal);
        var token = Uri.UnescapeDataString(uri.AbsolutePath["/export/".Length..]);
        Assert.Equal(ExportTokenResult.Taken, Services.GetRequiredService<ExportTokens>().TryTake(token, UserName, out var job));
        return Assert.IsType<ExportJob<Row>>(job);
    }
}
