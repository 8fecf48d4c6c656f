using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;
using Workbench.Data.Export;
using Workbench.Domain.Privacy;
using Workbench.Security;
using Workbench.Shared.Export;

namespace Workbench.Shared.Components;

/// <summary>
/// A sortable, filterable MudDataGrid whose columns are defined once (<see cref="GridColumns{T}"/>) and reused for its
/// 「Excel に出力」 button. The export holds no rows and no workbook in the circuit: it registers a job — the page's
/// query, the grid's filters and sort as they are now, the filter bar's filters — for the signed-in user and sends the
/// browser to <c>/export/{token}</c>, which runs the query for whoever is signed in on that request and streams the
/// workbook. All filtered rows are exported in the order shown, every page of them.
/// </summary>
public partial class DataGridWithExport<T>
{
    private MudDataGrid<T>? grid;
    private bool exporting;

    [Parameter, EditorRequired]
    public required IEnumerable<T> Items { get; set; }

    [Parameter, EditorRequired]
    public required IReadOnlyList<GridColumn<T>> Columns { get; set; }

    /// <summary>The grid's heading, also the workbook's title unless <see cref="ExportTitle"/> is given.</summary>
    [Parameter]
    public string? Title { get; set; }

    /// <summary>
    /// The page's query, run again on the download request for that request's caller (<see cref="ExportContext.Caller"/>).
    /// Without it the grid has no export button.
    /// </summary>
    [Parameter]
    public Func<ExportContext, IAsyncEnumerable<T>>? ExportSource { get; set; }

    /// <summary>What is exported, for the audit log, e.g. <c>learning/my_classes</c>.</summary>
    [Parameter]
    public string ExportTarget { get; set; } = "grid";

    [Parameter]
    public string? ExportTitle { get; set; }

    /// <summary>The filters the page chose its rows by (usually the filter bar's), for the 条件 sheet.</summary>
    [Parameter]
    public IReadOnlyList<ExportFilter> Filters { get; set; } = [];

    [Parameter]
    public int SuppressionThreshold { get; set; } = SmallCellSuppression.DefaultThreshold;

    [Parameter]
    public bool Filterable { get; set; } = true;

    /// <summary>Rows per page; all rows on one page when null.</summary>
    [Parameter]
    public int? RowsPerPage { get; set; }

    [Parameter]
    public string? NoRowsText { get; set; }

    [Parameter]
    public RenderFragment? ToolBarContent { get; set; }

    /// <summary>Attributes for the grid's root element, e.g. <c>data-testid</c>.</summary>
    [Parameter(CaptureUnmatchedValues = true)]
    public IReadOnlyDictionary<string, object>? AdditionalAttributes { get; set; }

    [CascadingParameter]
    private Task<AuthenticationState> Authentication { get; set; } = default!;

    /// <summary>The rows as the grid shows them now, filtered and sorted.</summary>
    public IEnumerable<T> VisibleRows => grid?.FilteredItems ?? [];

    private async Task ExportAsync()
    {
        if (grid is null || ExportSource is null)
        {
            return;
        }

        exporting = true;
        try
        {
            var caller = (await Authentication).User.ToCaller();
            var view = GridView<T>.Of(grid, L, MudWords);
            var source = ExportSource;
            var job = new ExportJob<T>(ExportTarget, ExportTitle ?? Title ?? ExportTarget, [.. Columns.Select(c => c.ToExportColumn())],
                context => view.ApplyAsync(source(context), context.CancellationToken))
            {
                Filters = [.. Filters, .. view.Described],
                SuppressionThreshold = SuppressionThreshold,
            };
            var token = Tokens.Register(caller.UserName, job);

            // A download does not leave the page: the circuit stays, and the browser saves the file.
            Navigation.NavigateTo($"export/{Uri.EscapeDataString(token)}", forceLoad: true);
        }
        finally
        {
            exporting = false;
        }
    }
}
