using System.Collections.Concurrent;
using System.Text;
using PdfSharp.Drawing;

namespace Workbench.Features.Reports.Pdf;

/// <summary>
/// Widths of text in the report face, from PDFsharp's own metrics (what the PDF will draw), cached per character:
/// PDFsharp does not kern, so a string is as wide as its characters.
/// </summary>
public sealed class TextMeasurer
{
    private const double Reference = 100;
    private static readonly Lazy<TextMeasurer> Shared = new(() => new TextMeasurer());
    private readonly ConcurrentDictionary<(Rune, bool), double> widths = new();
    private readonly XGraphics context;
    private readonly XFont regular;
    private readonly XFont bold;
    private readonly Lock gate = new();

    private TextMeasurer()
    {
        ReportFonts.Install();
        context = XGraphics.CreateMeasureContext(new XSize(1000, 1000), XGraphicsUnit.Point, XPageDirection.Downwards);
        regular = new XFont(ReportFonts.Family, Reference);
        bold = new XFont(ReportFonts.Family, Reference, XFontStyleEx.Bold);
    }

    public static TextMeasurer Instance => Shared.Value;

    public double Width(string text, TextStyle style)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(style);
        var width = 0.0;
        foreach (var rune in text.EnumerateRunes())
        {
            width += Width(rune, style.Bold);
        }

        return width * style.Size / Reference;
    }

    public double Width(Rune rune, TextStyle style) => Width(rune, style.Bold) * style.Size / Reference;

    private double Width(Rune rune, bool isBold) => widths.GetOrAdd((rune, isBold), key =>
    {
        lock (gate)
        {
            return context.MeasureString(key.Item1.ToString(), key.Item2 ? bold : regular).Width;
        }
    });
}
