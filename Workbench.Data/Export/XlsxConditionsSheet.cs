using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Workbench.Data.Export;

/// <summary>Sheet 2 「条件」: what the export is, the filters its rows were chosen by, when, by whom, and the suppression rule.</summary>
internal static class XlsxConditionsSheet
{
    public const string Name = "条件";

    public static void Write(Stream output, ExportMetadata metadata, long rowCount, XlsxStyles styles)
    {
        var integer = styles.StyleFor(ExportColumnKind.Integer, null);
        var threshold = metadata.SuppressionThreshold.ToString(CultureInfo.InvariantCulture);
        var lines = new List<(string Label, object Value, uint Style)>
        {
            ("タイトル", metadata.Title, XlsxStyles.Text),
            ("出力日時", metadata.GeneratedAt, XlsxStyles.DateTimeStamp),
            ("出力者", metadata.UserName, XlsxStyles.Text),
            ("行数", (double)rowCount, integer),
            ("秘匿の基準", $"{threshold} 未満（1〜{metadata.SuppressionThreshold - 1}）は「<{threshold}」と表示", XlsxStyles.Text),
        };
        lines.AddRange(metadata.Filters.Select(f => (f.Label, (object)f.Value, XlsxStyles.Text)));

        using var writer = OpenXmlWriter.Create(output);
        writer.WriteStartDocument(true);
        writer.WriteStartElement(new Worksheet());
        var generatedAt = metadata.GeneratedAt.ToOffset(TimeSpan.FromHours(9)).ToString("yyyy/MM/dd HH:mm", CultureInfo.InvariantCulture);
        writer.WriteElement(new Columns(
            new Column { Min = 1, Max = 1, Width = XlsxColumns.Width("項目", lines.Select(l => l.Label)), CustomWidth = true },
            new Column { Min = 2, Max = 2, Width = XlsxColumns.Width("内容", lines.Select(l => l.Value as string ?? generatedAt)), CustomWidth = true }));
        writer.WriteStartElement(new SheetData());
        var cells = new XlsxCellWriter(writer, styles);
        WriteLine(writer, 1, () =>
        {
            cells.WriteText("A1", "項目", XlsxStyles.Header);
            cells.WriteText("B1", "内容", XlsxStyles.Header);
        });
        for (var i = 0; i < lines.Count; i++)
        {
            var (label, value, style) = lines[i];
            var row = i + 2;
            WriteLine(writer, row, () =>
            {
                cells.WriteText(XlsxColumns.Reference(1, row), label);
                var reference = XlsxColumns.Reference(2, row);
                switch (value)
                {
                    case string s:
                        cells.WriteText(reference, s);
                        break;
                    case DateTimeOffset time:
                        cells.WriteNumber(reference, time.ToOffset(TimeSpan.FromHours(9)).DateTime.ToOADate(), style);
                        break;
                    case double number:
                        cells.WriteNumber(reference, number, style);
                        break;
                }
            });
        }

        writer.WriteEndElement(); // sheetData
        writer.WriteEndElement(); // worksheet
        writer.Close();
    }

    private static void WriteLine(OpenXmlWriter writer, int row, Action writeCells)
    {
        writer.WriteStartElement(new Row(), [new OpenXmlAttribute("r", string.Empty, row.ToString(CultureInfo.InvariantCulture))]);
        writeCells();
        writer.WriteEndElement();
    }
}
