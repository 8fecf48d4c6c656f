using Workbench.Data.Access;

namespace Workbench.Data.Export;

/// <summary>Every Excel export goes through here: the workbook is written, then the export is audited with its row count.</summary>
public sealed class ExcelExport(AuditLog audit)
{
    /// <param name="target">What was exported, for the audit log (e.g. <c>learning/my_classes</c>).</param>
    /// <returns>The number of data rows written.</returns>
    public async Task<long> WriteAsync<T>(
        string target, IReadOnlyList<ExportColumn<T>> columns, IAsyncEnumerable<T> rows, ExportMetadata metadata, Stream output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        var count = await XlsxWorkbookWriter.WriteAsync(output, columns, rows, metadata, cancellationToken);
        await audit.WriteAsync(metadata.UserName, AuditActions.Export, target, metadata.FilterText, count, cancellationToken);
        return count;
    }
}
