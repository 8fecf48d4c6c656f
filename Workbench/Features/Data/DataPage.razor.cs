using System.Globalization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Workbench.Data.Etl;
using Workbench.Data.Etl.Detection;
using Workbench.Data.Etl.Inbox;
using Workbench.Data.Export;
using Workbench.Data.Warehouse;
using Workbench.Resources;
using Workbench.Security;
using Workbench.Shared.Components;
using Workbench.Shared.Export;

namespace Workbench.Features.Data;

/// <summary>
/// The data steward's page: upload a file (streamed to a temporary file under the data folder, never held in memory),
/// import it through the same <see cref="EtlPipeline"/> as the CLI and the inbox, see the batch and its rejects, and
/// browse the import history. Leaving the page cancels a running import, which then loads nothing.
/// </summary>
public partial class DataPage
{
    private const string AutoKind = "";
    private const string KindField = "kind";
    private const string StatusField = "status";

    private readonly CancellationTokenSource leaving = new();
    private CancellationTokenSource? importing;

    private string chosenKind = AutoKind;
    private bool busy;
    private string? phase;
    private long uploadedBytes;
    private long rowsRead;
    private string? error;

    private BatchRow? shown;
    private bool alreadyImported;
    private IReadOnlyList<EtlReject>? rejects;

    private FilterValues filters = new();
    private DateTime? from;
    private DateTime? to;
    private IReadOnlyList<FilterField> filterFields = [];
    private IReadOnlyList<BatchRow>? batches;
    private GridColumns<BatchRow> batchColumns = [];
    private GridColumns<EtlReject> rejectColumns = [];

    [Inject]
    private EtlPipeline Pipeline { get; set; } = default!;

    [Inject]
    private EtlBatchQueries Batches { get; set; } = default!;

    [Inject]
    private ImportKindDetector Detector { get; set; } = default!;

    [Inject]
    private IOptions<EtlUploadOptions> Upload { get; set; } = default!;

    [Inject]
    private IOptions<EtlInboxOptions> Inbox { get; set; } = default!;

    [Inject]
    private IOptions<EtlOptions> Etl { get; set; } = default!;

    [Inject]
    private IOptions<WarehouseOptions> Warehouse { get; set; } = default!;

    [Inject]
    private TimeProvider Time { get; set; } = default!;

    [Inject]
    private ILogger<DataPage> Logger { get; set; } = default!;

    [CascadingParameter]
    private Task<AuthenticationState> Authentication { get; set; } = default!;

    private DataWords Words => new(L);

    private string InboxText => Inbox.Value.Enabled
        ? string.Format(CultureInfo.CurrentCulture, L["Data_InboxOn"], Path.GetFullPath(Inbox.Value.Folder, Warehouse.Value.DataDirectory))
        : L["Data_InboxOff"];

    private string ProgressText => phase == "upload"
        ? string.Format(CultureInfo.CurrentCulture, L["Data_Uploading"], Megabytes(uploadedBytes))
        : string.Format(CultureInfo.CurrentCulture, L["Data_Importing"], phase, rowsRead);

    private IReadOnlyList<ExportFilter> Described
    {
        get
        {
            var described = filters.Describe(L, filterFields).ToList();
            if (from is { } f)
            {
                described.Add(new(L["Data_From"], f.ToString("yyyy/MM/dd", CultureInfo.CurrentCulture)));
            }

            if (to is { } t)
            {
                described.Add(new(L["Data_To"], t.ToString("yyyy/MM/dd", CultureInfo.CurrentCulture)));
            }

            return described;
        }
    }

    protected override async Task OnInitializedAsync()
    {
        var words = Words;
        filterFields =
        [
            new FilterField(KindField, L["Data_Kind"], [.. Pipeline.Kinds.Select(k => new FilterOption(k, words.Kind(k)))]),
            new FilterField(StatusField, L["Data_Status"], [.. DataWords.Statuses.Select(s => new FilterOption(s, words.Status(s)))]),
        ];
        batchColumns = new GridColumns<BatchRow>()
            .Add(b => b.BatchId, L["Data_BatchId"], template: BatchLink)
            .Add(b => b.KindLabel, L["Data_Kind"])
            .Add(b => b.FileName, L["Data_File"])
            .Add(b => b.StatusLabel, L["Data_Status"])
            .Add(b => b.RowsRead, L["Data_RowsRead"])
            .Add(b => b.RowsLoaded, L["Data_RowsLoaded"])
            .Add(b => b.RowsRejected, L["Data_RowsRejected"])
            .Add(b => b.StartedAt, L["Data_StartedAt"])
            .Add(b => b.FinishedAt, L["Data_FinishedAt"])
            .Add(b => b.StartedBy, L["Data_StartedBy"])
            .Add(b => b.Message, L["Data_Message"], hidden: true);
        rejectColumns = new GridColumns<EtlReject>()
            .Add(r => r.SourcePart, L["Data_Part"])
            .Add(r => r.LineNumber, L["Data_Line"])
            .Add(r => r.FieldName, L["Data_Field"])
            .Add(r => r.Reason, L["Data_Reason"])
            .Add(r => r.MaskedValue, L["Data_Value"]);
        await LoadBatchesAsync();
    }

    private async Task UploadAsync(IBrowserFile? file)
    {
        if (file is null || busy)
        {
            return;
        }

        error = null;
        if (file.Size > Upload.Value.MaxBytes)
        {
            error = string.Format(CultureInfo.CurrentCulture, L["Data_TooLarge"], Megabytes(file.Size), Upload.Value.MaxMegabytes);
            return;
        }

        busy = true;
        phase = "upload";
        uploadedBytes = 0;
        rowsRead = 0;
        importing = CancellationTokenSource.CreateLinkedTokenSource(leaving.Token);
        var token = importing.Token;
        var folder = Path.Combine(Path.GetFullPath(Upload.Value.Folder, Warehouse.Value.DataDirectory), Guid.NewGuid().ToString("N"));
        try
        {
            Directory.CreateDirectory(folder);

            // The original name is kept: importers and the batch list go by it (a roster must end in .zip).
            var path = Path.Combine(folder, SafeFileName(file.Name));
            await CopyAsync(file, path, token);

            var kind = chosenKind == AutoKind ? await Detector.DetectAsync(path, token) : chosenKind;
            if (kind is null)
            {
                error = L["Data_KindUnknown"];
                return;
            }

            phase = Words.Kind(kind);
            StateHasChanged();
            var caller = (await Authentication).User.ToCaller();
            var progress = new Progress<long>(rows =>
            {
                rowsRead = rows;
                _ = InvokeAsync(StateHasChanged);
            });

            // Off the circuit's thread, so the page keeps drawing the progress while rows are parsed.
            var result = await Task.Run(() => Pipeline.ImportAsync(kind, path, caller.UserName, progress, token), token);
            alreadyImported = result.Status == ImportStatus.AlreadyImported;
            await ShowBatchAsync(result.BatchId);
            if (!alreadyImported && token.IsCancellationRequested)
            {
                error = L["Data_Cancelled"];
            }

            await LoadBatchesAsync();
        }
        catch (EtlFileException ex)
        {
            error = ex.Message;
        }
        catch (OperationCanceledException)
        {
            error = L["Data_Cancelled"];
        }
        catch (IOException ex)
        {
            // The browser went away mid-upload, or the file grew past the limit while being read.
            Logger.LogWarning(ex, "Upload of {File} stopped", file.Name);
            error = string.Format(CultureInfo.CurrentCulture, L["Data_UploadFailed"], ex.Message);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Whatever else went wrong, the batch's transaction rolled back: say so in words, keep the circuit alive.
            Logger.LogError(ex, "Import of {File} failed", file.Name);
            error = string.Format(CultureInfo.CurrentCulture, L["Data_Unexpected"], ex.Message);
        }
        finally
        {
            busy = false;
            phase = null;
            importing.Dispose();
            importing = null;
            TryDelete(folder);
        }
    }

    private async Task CopyAsync(IBrowserFile file, string path, CancellationToken cancellationToken)
    {
        await using var source = file.OpenReadStream(Upload.Value.MaxBytes, cancellationToken);
        await using var target = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true);
        var buffer = new byte[1 << 16];
        var lastShown = 0L;
        int read;
        while ((read = await source.ReadAsync(buffer, cancellationToken)) > 0)
        {
            await target.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
            uploadedBytes += read;
            if (uploadedBytes - lastShown >= 4 << 20)
            {
                lastShown = uploadedBytes;
                StateHasChanged();
            }
        }
    }

    private void Cancel() => importing?.Cancel();

    private async Task ShowBatchAsync(long batchId)
    {
        rejects = null;
        var row = await Batches.GetAsync(batchId, leaving.Token);
        shown = row is null ? null : BatchRow.From(row, Words, Time.LocalTimeZone);
        if (shown is not null)
        {
            rejects = await Batches.RejectsAsync(batchId, Etl.Value.MaxRejectsKept, leaving.Token);
        }
    }

    private async Task OpenBatchAsync(long batchId)
    {
        alreadyImported = false;
        error = null;
        await ShowBatchAsync(batchId);
    }

    private async Task ChangeFiltersAsync(FilterValues chosen)
    {
        filters = chosen;
        await LoadBatchesAsync();
    }

    private async Task ChangeFromAsync(DateTime? date)
    {
        from = date;
        await LoadBatchesAsync();
    }

    private async Task ChangeToAsync(DateTime? date)
    {
        to = date;
        await LoadBatchesAsync();
    }

    private async Task LoadBatchesAsync()
    {
        batches = await QueryBatchesAsync(CurrentFilter(), leaving.Token);
    }

    private EtlBatchFilter CurrentFilter() => new(
        filters[KindField], filters[StatusField],
        from is { } f ? Utc(f.Date) : null,
        to is { } t ? Utc(t.Date.AddDays(1)) : null);

    private async Task<IReadOnlyList<BatchRow>> QueryBatchesAsync(EtlBatchFilter filter, CancellationToken cancellationToken)
    {
        var words = Words;
        return [.. (await Batches.SearchAsync(filter, cancellationToken)).Select(b => BatchRow.From(b, words, Time.LocalTimeZone))];
    }

    /// <summary>A local date's midnight in UTC, as etl_batch stores times.</summary>
    private DateTime Utc(DateTime localDate) => TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(localDate, DateTimeKind.Unspecified), Time.LocalTimeZone);

    /// <summary>The export asks again, with the filters shown now.</summary>
    private Func<ExportContext, IAsyncEnumerable<BatchRow>> BatchesExport => ExportBatches(CurrentFilter());

    private Func<ExportContext, IAsyncEnumerable<BatchRow>> ExportBatches(EtlBatchFilter filter) => ExportSources.Of<BatchRow>(async context =>
        context.Caller.IsIn(Domain.Access.WorkbenchRoles.Admin) ? await QueryBatchesAsync(filter with { MaxRows = 1_000_000 }, context.CancellationToken) : []);

    private Func<ExportContext, IAsyncEnumerable<EtlReject>> RejectsFor(long batchId) => ExportSources.Of<EtlReject>(async context =>
        context.Caller.IsIn(Domain.Access.WorkbenchRoles.Admin) ? await Batches.RejectsAsync(batchId, Etl.Value.MaxRejectsKept, context.CancellationToken) : []);

    private static string SafeFileName(string name)
    {
        var safe = string.Concat(Path.GetFileName(name).Select(c => Path.GetInvalidFileNameChars().Contains(c) ? '_' : c)).Trim();
        return safe.Length == 0 || safe.All(c => c == '.') ? "upload" : safe;
    }

    private static string Megabytes(long bytes) => (bytes / 1024d / 1024d).ToString("N1", CultureInfo.CurrentCulture) + " MB";

    private void TryDelete(string folder)
    {
        try
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
        catch (IOException ex)
        {
            Logger.LogWarning(ex, "Could not remove the upload folder {Folder}", folder);
        }
    }

    public void Dispose()
    {
        leaving.Cancel();
        leaving.Dispose();
    }
}
