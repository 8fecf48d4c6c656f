using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Workbench.Data.Export;

namespace Workbench.Tests.Export;

/// <summary>Opens a written workbook with DocumentFormat.OpenXml and reads it back as a reader would see it.</summary>
public sealed class Workbook : IDisposable
{
    private readonly MemoryStream bytes;

    private Workbook(MemoryStream bytes)
    {
        this.bytes = bytes;
        Document = SpreadsheetDocument.Open(bytes, false);
    }

    public SpreadsheetDocument Document { get; }

    public static Workbook Open(byte[] content) => new(new MemoryStream(content));

    public static async Task<Workbook> WriteAsync<T>(IReadOnlyList<ExportColumn<T>> columns, IEnumerable<T> rows, ExportMetadata? metadata = null)
    {
        using var output = new MemoryStream();
        await XlsxWorkbookWriter.WriteAsync(output, columns, rows, metadata ?? Metadata(), CancellationToken.None);
        return Open(output.ToArray());
    }

    public static ExportMetadata Metadata(params ExportFilter[] filters) =>
        new("担当の学級", filters, new DateTimeOffset(2026, 11, 25, 1, 30, 0, TimeSpan.Zero), "teacher@tsuyama.example", 10);

    public Worksheet Sheet(string name)
    {
        var sheet = Document.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().Single(s => s.Name == name);
        return ((WorksheetPart)Document.WorkbookPart.GetPartById(sheet.Id!)).Worksheet;
    }

    public IReadOnlyList<string> SheetNames => [.. Document.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().Select(s => s.Name!.Value!)];

    public Cell Cell(string sheet, string reference) =>
        Sheet(sheet).Descendants<Cell>().Single(c => c.CellReference == reference);

    /// <summary>The text of a cell: its inline string, or its stored number as written.</summary>
    public static string TextOf(Cell cell) => cell.DataType?.Value == CellValues.InlineString ? cell.InlineString!.InnerText : cell.CellValue?.Text ?? string.Empty;

    /// <summary>Every row of a sheet as text, header included.</summary>
    public IReadOnlyList<IReadOnlyList<string>> Rows(string sheet) =>
        [.. Sheet(sheet).Descendants<Row>().Select(r => (IReadOnlyList<string>)[.. r.Elements<Cell>().Select(TextOf)])];

    public CellFormat StyleOf(Cell cell) =>
        Document.WorkbookPart!.WorkbookStylesPart!.Stylesheet.CellFormats!.Elements<CellFormat>().ElementAt((int)(cell.StyleIndex?.Value ?? 0));

    /// <summary>The number format code of a cell (built-in 49 is <c>@</c>).</summary>
    public string FormatOf(Cell cell)
    {
        var id = StyleOf(cell).NumberFormatId?.Value ?? 0;
        return id == 49 ? "@" : Document.WorkbookPart!.WorkbookStylesPart!.Stylesheet.NumberingFormats?.Elements<NumberingFormat>()
            .SingleOrDefault(f => f.NumberFormatId?.Value == id)?.FormatCode?.Value ?? $"builtin:{id}";
    }

    public void Dispose()
    {
        Document.Dispose();
        bytes.Dispose();
    }
}
