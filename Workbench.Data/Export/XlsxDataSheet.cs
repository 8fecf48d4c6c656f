using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Workbench.Data.Export;

/// <summary>
/// Sheet 1: a header row (frozen, with an autofilter over the data) and one row per item, written as the rows arrive so
/// memory stays flat. Column widths must precede the rows in the file, so they are measured on the header and the
/// first <see cref="WidthSampleRows"/> rows, which are held back until then.
/// </summary>
internal static class XlsxDataSheet
{
    public const int WidthSampleRows = 1000;

    /// <summary>Excel's last row, less the header.</summary>
    public const long MaxDataRows = 1_048_575;

    public static async Task<long> WriteAsync<T>(
        Stream output, IReadOnlyList<ExportColumn<T>> columns, IAsyncEnumerable<T> rows, XlsxStyles styles, CancellationToken cancellationToken)
    {
        var numberStyles = columns.Select(c => styles.StyleFor(c.Kind, c.NumberFormat)).ToArray();
        await using var enumerator = rows.GetAsyncEnumerator(cancellationToken);
        var sample = new List<object?[]>();
        var more = true;
        while (sample.Count < WidthSampleRows && (more = await enumerator.MoveNextAsync()))
        {
            sample.Add(ValuesOf(columns, enumerator.Current));
        }

        using var writer = OpenXmlWriter.Create(output);
        writer.WriteStartDocument(true);
        writer.WriteStartElement(new Worksheet());
        WriteFrozenHeaderView(writer);
        WriteWidths(writer, columns, sample);

        writer.WriteStartElement(new SheetData());
        var cells = new XlsxCellWriter(writer, styles);
        WriteRow(writer, 1, () =>
        {
            for (var c = 0; c < columns.Count; c++)
            {
                cells.WriteText(XlsxColumns.Reference(c + 1, 1), columns[c].Header, XlsxStyles.Header);
            }
        });

        long count = 0;
        foreach (var values in sample)
        {
            WriteDataRow(writer, cells, columns, numberStyles, ++count, values);
        }

        sample.Clear();
        while (more && await enumerator.MoveNextAsync())
        {
            if (count == MaxDataRows)
            {
                throw new InvalidOperationException($"Excel に出力できるのは {MaxDataRows:N0} 行までです。条件を絞ってください。");
            }

            WriteDataRow(writer, cells, columns, numberStyles, ++count, ValuesOf(columns, enumerator.Current));
        }

        writer.WriteEndElement(); // sheetData
        writer.WriteElement(new AutoFilter { Reference = FilterRange(columns.Count, count) });
        writer.WriteEndElement(); // worksheet
        writer.Close();
        return count;
    }

    /// <summary>The autofilter's range: the header and every data row (<c>A1:D42</c>).</summary>
    public static string FilterRange(int columns, long dataRows) =>
        $"A1:{XlsxColumns.Reference(Math.Max(columns, 1), dataRows + 1)}";

    private static object?[] ValuesOf<T>(IReadOnlyList<ExportColumn<T>> columns, T row)
    {
        var values = new object?[columns.Count];
        for (var c = 0; c < columns.Count; c++)
        {
            values[c] = columns[c].Value(row);
        }

        return values;
    }

    private static void WriteFrozenHeaderView(OpenXmlWriter writer) =>
        writer.WriteElement(new SheetViews(new SheetView(
            new Pane { VerticalSplit = 1, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen },
            new Selection { Pane = PaneValues.BottomLeft, ActiveCell = "A2", SequenceOfReferences = new ListValue<StringValue> { InnerText = "A2" } })
        { TabSelected = true, WorkbookViewId = 0 }));

    private static void WriteWidths<T>(OpenXmlWriter writer, IReadOnlyList<ExportColumn<T>> columns, List<object?[]> sample)
    {
        if (columns.Count == 0)
        {
            return;
        }

        writer.WriteElement(new Columns(columns.Select((column, c) => new Column
        {
            Min = (uint)(c + 1),
            Max = (uint)(c + 1),
            Width = XlsxColumns.Width(column.Header, sample.Select(v => XlsxCellWriter.DisplayText(v[c], column.Kind, column.NumberFormat))),
            CustomWidth = true,
        })));
    }

    private static void WriteDataRow<T>(
        OpenXmlWriter writer, XlsxCellWriter cells, IReadOnlyList<ExportColumn<T>> columns, uint[] numberStyles, long dataRow, object?[] values)
    {
        var row = dataRow + 1;
        WriteRow(writer, row, () =>
        {
            for (var c = 0; c < columns.Count; c++)
            {
                cells.Write(XlsxColumns.Reference(c + 1, row), values[c], columns[c].Kind, numberStyles[c]);
            }
        });
    }

    private static void WriteRow(OpenXmlWriter writer, long row, Action writeCells)
    {
        writer.WriteStartElement(new Row(), [new OpenXmlAttribute("r", string.Empty, row.ToString(System.Globalization.CultureInfo.InvariantCulture))]);
        writeCells();
        writer.WriteEndElement();
    }
}
