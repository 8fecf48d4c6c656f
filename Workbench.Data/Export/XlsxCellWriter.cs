using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;
using Workbench.Domain.Privacy;

namespace Workbench.Data.Export;

/// <summary>
/// Writes single cells through an <see cref="OpenXmlWriter"/>. Text is always an inline string — never a formula — and
/// text that Excel would read as one if typed (<c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>) is quote-prefixed, so it stays
/// text even when someone edits the cell. Numbers and dates are written as numbers with the column's format.
/// </summary>
internal sealed class XlsxCellWriter(OpenXmlWriter writer, XlsxStyles styles)
{
    /// <summary>Excel's limit for the text of one cell.</summary>
    public const int MaxTextLength = 32767;

    private static readonly CultureInfo Japanese = CultureInfo.GetCultureInfo("ja-JP");
    private static readonly TimeSpan JapanOffset = TimeSpan.FromHours(9);

    private readonly Cell cell = new();
    private readonly CellValue cellValue = new();
    private readonly InlineString inlineString = new();
    private readonly Text text = new();

    /// <summary>How a value is written and how wide it reads, decided once per value.</summary>
    public static (string? Text, double? Number, bool? Boolean) Classify(object? value, ExportColumnKind kind) => value switch
    {
        null => (null, null, null),
        string s => (s, null, null),
        SuppressedCount { Visible: { } shown } => (null, shown, null),
        SuppressedCount hidden => (hidden.Display, null, null),
        bool b => (null, null, b),
        DateOnly d => (null, d.ToDateTime(TimeOnly.MinValue).ToOADate(), null),
        DateTime dt => (null, dt.ToOADate(), null),
        DateTimeOffset dto => (null, dto.ToOffset(JapanOffset).DateTime.ToOADate(), null),
        double or float when !double.IsFinite(Convert.ToDouble(value, CultureInfo.InvariantCulture)) => (null, null, null),
        byte or sbyte or short or ushort or int or uint or long or ulong or float or double or decimal when kind != ExportColumnKind.Text
            => (null, Convert.ToDouble(value, CultureInfo.InvariantCulture), null),
        IFormattable f => (f.ToString(null, Japanese), null, null),
        _ => (value.ToString(), null, null),
    };

    /// <summary>The text a reader sees, for column widths.</summary>
    public static string DisplayText(object? value, ExportColumnKind kind, string? customFormat)
    {
        var (s, number, boolean) = Classify(value, kind);
        if (s is not null)
        {
            return s;
        }

        if (boolean is { } b)
        {
            return b ? "TRUE" : "FALSE";
        }

        if (number is not { } n)
        {
            return string.Empty;
        }

        return value switch
        {
            DateOnly or DateTime or DateTimeOffset when kind != ExportColumnKind.DateTime => "yyyy/mm/dd",
            DateOnly or DateTime or DateTimeOffset => "yyyy/mm/dd hh:mm",
            _ => n.ToString(XlsxStyles.FormatOf(kind == ExportColumnKind.Text ? ExportColumnKind.Decimal : kind, customFormat), Japanese),
        };
    }

    public void Write(string reference, object? value, ExportColumnKind kind, uint numberStyle)
    {
        var (s, number, boolean) = Classify(value, kind);
        if (s is not null)
        {
            WriteText(reference, s);
        }
        else if (number is { } n)
        {
            var style = value is DateOnly or DateTime or DateTimeOffset && kind is not (ExportColumnKind.Date or ExportColumnKind.DateTime)
                ? styles.StyleFor(ExportColumnKind.Date, null)
                : numberStyle;
            WriteNumber(reference, n, style);
        }
        else if (boolean is { } b)
        {
            writer.WriteStartElement(cell, [new OpenXmlAttribute("r", string.Empty, reference), new OpenXmlAttribute("t", string.Empty, "b")]);
            writer.WriteStartElement(cellValue);
            writer.WriteString(b ? "1" : "0");
            writer.WriteEndElement();
            writer.WriteEndElement();
        }
    }

    public void WriteText(string reference, string value, uint? style = null)
    {
        value = XmlSafe(value);
        style ??= NeedsQuotePrefix(value) ? XlsxStyles.QuotedText : XlsxStyles.Text;
        writer.WriteStartElement(cell, [
            new OpenXmlAttribute("r", string.Empty, reference),
            new OpenXmlAttribute("s", string.Empty, style.Value.ToString(CultureInfo.InvariantCulture)),
            new OpenXmlAttribute("t", string.Empty, "inlineStr"),
        ]);
        writer.WriteStartElement(inlineString);
        if (value.Length > 0 && (char.IsWhiteSpace(value[0]) || char.IsWhiteSpace(value[^1])))
        {
            writer.WriteStartElement(text, [new OpenXmlAttribute("xml", "space", "http://www.w3.org/XML/1998/namespace", "preserve")]);
        }
        else
        {
            writer.WriteStartElement(text);
        }

        writer.WriteString(value);
        writer.WriteEndElement();
        writer.WriteEndElement();
        writer.WriteEndElement();
    }

    public void WriteNumber(string reference, double value, uint style)
    {
        writer.WriteStartElement(cell, [
            new OpenXmlAttribute("r", string.Empty, reference),
            new OpenXmlAttribute("s", string.Empty, style.ToString(CultureInfo.InvariantCulture)),
        ]);
        writer.WriteStartElement(cellValue);
        writer.WriteString(value.ToString("R", CultureInfo.InvariantCulture));
        writer.WriteEndElement();
        writer.WriteEndElement();
    }

    /// <summary>Text that Excel would take for a formula if it were typed in (OWASP's CSV-injection characters).</summary>
    public static bool NeedsQuotePrefix(string value) =>
        value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r';

    /// <summary>Drops characters XML cannot carry (control characters) and cuts text to Excel's limit.</summary>
    private static string XmlSafe(string value)
    {
        if (value.Length > MaxTextLength)
        {
            value = value[..MaxTextLength];
        }

        foreach (var c in value)
        {
            if (c < 0x20 && c is not ('\t' or '\n' or '\r') || c is '\uFFFE' or '\uFFFF')
            {
                return new string([.. value.Where(ch => !(ch < 0x20 && ch is not ('\t' or '\n' or '\r') || ch is '\uFFFE' or '\uFFFF'))]);
            }
        }

        return value;
    }
}
