using System.Globalization;
using Workbench.Data.Export;
using Workbench.Domain.Privacy;

namespace Workbench.Shared.Export;

/// <summary>
/// An Excel export: its columns, and the query that produces its rows for a caller. The query runs on the download
/// request with that request's caller, so the rows are always scoped to whoever is downloading.
/// </summary>
/// <param name="target">What is exported, for the audit log (<c>learning/my_classes</c>).</param>
/// <param name="title">The workbook's title, also the start of its file name.</param>
public sealed class ExportJob<T>(string target, string title, IReadOnlyList<ExportColumn<T>> columns, Func<ExportContext, IAsyncEnumerable<T>> rows) : IExportJob
{
    public string Target => target;

    public string Title => title;

    public IReadOnlyList<ExportColumn<T>> Columns => columns;

    /// <summary>The filters the rows were chosen by (the page's filter bar, the grid's own filters and sort).</summary>
    public IReadOnlyList<ExportFilter> Filters { get; init; } = [];

    public int SuppressionThreshold { get; init; } = SmallCellSuppression.DefaultThreshold;

    public IAsyncEnumerable<T> RowsFor(ExportContext context) => rows(context);

    public string FileName(DateTimeOffset now) => ExportFileName.Of(title, now);

    public Task<long> WriteAsync(ExportContext context, Stream output)
    {
        ArgumentNullException.ThrowIfNull(context);
        var metadata = new ExportMetadata(
            title, Filters, context.Services.GetRequiredService<TimeProvider>().GetUtcNow(), context.Caller.UserName, SuppressionThreshold);
        return context.Services.GetRequiredService<ExcelExport>()
            .WriteAsync(target, columns, rows(context), metadata, output, context.CancellationToken);
    }
}

public static class ExportFileName
{
    /// <summary><c>{title}_{yyyyMMdd-HHmm}.xlsx</c> in Japan time, with characters file systems refuse replaced.</summary>
    public static string Of(string title, DateTimeOffset now)
    {
        var invalid = Path.GetInvalidFileNameChars().Concat(['\\', '/', ':', '*', '?', '"', '<', '>', '|']).ToHashSet();
        var safe = new string([.. title.Select(c => invalid.Contains(c) || char.IsControl(c) ? '_' : c)]).Trim();
        var stamp = now.ToOffset(TimeSpan.FromHours(9)).ToString("yyyyMMdd-HHmm", CultureInfo.InvariantCulture);
        return $"{(safe.Length == 0 ? "export" : safe)}_{stamp}.xlsx";
    }
}
