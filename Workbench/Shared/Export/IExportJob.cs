namespace Workbench.Shared.Export;

/// <summary>An export registered by a page and run by the download endpoint.</summary>
public interface IExportJob
{
    /// <summary>The download's file name (Japanese allowed), e.g. <c>担当の学級_20261125-1030.xlsx</c>.</summary>
    string FileName(DateTimeOffset now);

    /// <summary>Queries the rows for the request's caller and writes the workbook; returns the row count.</summary>
    Task<long> WriteAsync(ExportContext context, Stream output);
}
