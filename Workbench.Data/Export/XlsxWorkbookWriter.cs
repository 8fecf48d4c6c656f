namespace Workbench.Data.Export;

/// <summary>
/// Writes an export as an .xlsx workbook: sheet 1 「データ」 with the rows, sheet 2 「条件」 with the metadata. Rows are
/// read and written one by one (no workbook in memory), so it can write straight to a response body; the stream
/// need not be seekable. Writes are synchronous (OpenXmlWriter and zip), so an HTTP response must allow them.
/// </summary>
public static class XlsxWorkbookWriter
{
    public const string DataSheetName = "データ";
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <returns>The number of data rows written.</returns>
    public static async Task<long> WriteAsync<T>(
        Stream output, IReadOnlyList<ExportColumn<T>> columns, IAsyncEnumerable<T> rows, ExportMetadata metadata, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(metadata);

        var styles = new XlsxStyles();
        using var package = new XlsxPackage(output);
        package.WriteContentTypes(sheets: 2);
        package.WritePackageRelationships();
        package.WriteCoreProperties(metadata.Title, metadata.UserName, metadata.GeneratedAt);

        long count;
        await using (var sheet = package.OpenPart("xl/worksheets/sheet1.xml"))
        {
            count = await XlsxDataSheet.WriteAsync(sheet, columns, rows, styles, cancellationToken);
        }

        using (var sheet = package.OpenPart("xl/worksheets/sheet2.xml"))
        {
            XlsxConditionsSheet.Write(sheet, metadata, count, styles);
        }

        package.WriteWorkbook([DataSheetName, XlsxConditionsSheet.Name], XlsxDataSheet.FilterRange(columns.Count, count));
        package.WriteStyles(styles);
        return count;
    }

    public static Task<long> WriteAsync<T>(
        Stream output, IReadOnlyList<ExportColumn<T>> columns, IEnumerable<T> rows, ExportMetadata metadata, CancellationToken cancellationToken) =>
        WriteAsync(output, columns, rows.ToAsyncEnumerable(), metadata, cancellationToken);
}
