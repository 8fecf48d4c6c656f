using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Workbench.Data.Export;

/// <summary>
/// The workbook's cell styles: a bold header, text (<c>@</c>, and quote-prefixed where the text could read as a
/// formula), and one number style per kind or custom format, in Japanese conventions.
/// </summary>
internal sealed class XlsxStyles
{
    public const uint Header = 1;
    public const uint Text = 2;
    public const uint QuotedText = 3;
    public const uint DateTimeStamp = 4;

    private const uint TextFormatId = 49; // built-in "@"
    private const uint FirstCustomFormatId = 164;

    private static readonly IReadOnlyDictionary<ExportColumnKind, string> DefaultFormats = new Dictionary<ExportColumnKind, string>
    {
        [ExportColumnKind.Integer] = "#,##0",
        [ExportColumnKind.Decimal] = "#,##0.00",
        [ExportColumnKind.Percent] = "0.0%",
        [ExportColumnKind.Date] = "yyyy/mm/dd",
        [ExportColumnKind.DateTime] = "yyyy/mm/dd hh:mm",
    };

    private readonly List<string> formats = [];
    private readonly Dictionary<string, uint> styleByFormat = new(StringComparer.Ordinal);

    public XlsxStyles()
    {
        StyleFor(ExportColumnKind.DateTime, null); // the 条件 sheet's time stamp is always style 4
    }

    public static string FormatOf(ExportColumnKind kind, string? custom) =>
        custom ?? (DefaultFormats.TryGetValue(kind, out var format) ? format : "@");

    /// <summary>The style of a column's number cells (its text cells use <see cref="Text"/>).</summary>
    public uint StyleFor(ExportColumnKind kind, string? customFormat)
    {
        if (kind == ExportColumnKind.Text && customFormat is null)
        {
            return Text;
        }

        var format = FormatOf(kind, customFormat);
        if (!styleByFormat.TryGetValue(format, out var style))
        {
            formats.Add(format);
            style = DateTimeStamp + (uint)formats.Count - 1;
            styleByFormat[format] = style;
        }

        return style;
    }

    public Stylesheet ToStylesheet()
    {
        var numberingFormats = new NumberingFormats(formats.Select((f, i) => new NumberingFormat
        {
            NumberFormatId = FirstCustomFormatId + (uint)i,
            FormatCode = f,
        }))
        { Count = (uint)formats.Count };

        var cellFormats = new CellFormats(
            new CellFormat { FontId = 0, FillId = 0, BorderId = 0, FormatId = 0 },
            new CellFormat { FontId = 1, FillId = 2, BorderId = 1, FormatId = 0, ApplyFont = true, ApplyFill = true, ApplyBorder = true },
            new CellFormat { NumberFormatId = TextFormatId, ApplyNumberFormat = true },
            new CellFormat { NumberFormatId = TextFormatId, ApplyNumberFormat = true, QuotePrefix = true });
        for (var i = 0; i < formats.Count; i++)
        {
            cellFormats.Append(new CellFormat { NumberFormatId = FirstCustomFormatId + (uint)i, ApplyNumberFormat = true });
        }

        cellFormats.Count = (uint)cellFormats.ChildElements.Count;
        return new Stylesheet(
            numberingFormats,
            new Fonts(
                new Font(new FontSize { Val = 11 }, new FontName { Val = "游ゴシック" }, new FontFamilyNumbering { Val = 3 }, new FontCharSet { Val = 128 }),
                new Font(new Bold(), new FontSize { Val = 11 }, new FontName { Val = "游ゴシック" }, new FontFamilyNumbering { Val = 3 }, new FontCharSet { Val = 128 }))
            { Count = 2 },
            new Fills(
                new Fill(new PatternFill { PatternType = PatternValues.None }),
                new Fill(new PatternFill { PatternType = PatternValues.Gray125 }),
                new Fill(new PatternFill(new ForegroundColor { Rgb = HexBinaryValue.FromString("FFE8EEF7") }) { PatternType = PatternValues.Solid }))
            { Count = 3 },
            new Borders(
                new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder()),
                new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(new Color { Auto = true }) { Style = BorderStyleValues.Thin }, new DiagonalBorder()))
            { Count = 2 },
            new CellStyleFormats(new CellFormat { FontId = 0, FillId = 0, BorderId = 0 }) { Count = 1 },
            cellFormats,
            new CellStyles(new CellStyle { Name = "標準", FormatId = 0, BuiltinId = 0 }) { Count = 1 });
    }
}
