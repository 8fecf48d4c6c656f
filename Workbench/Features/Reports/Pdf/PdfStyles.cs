namespace Workbench.Features.Reports.Pdf;

public enum TextAlign
{
    Left,
    Center,
    Right,
}

/// <summary>An sRGB colour.</summary>
public readonly record struct PdfColor(byte R, byte G, byte B)
{
    public static PdfColor Black { get; } = new(0x1A, 0x1A, 0x1A);

    public static PdfColor Grey { get; } = new(0x6B, 0x6B, 0x6B);

    public static PdfColor Rule { get; } = new(0xB0, 0xB0, 0xB0);

    public static PdfColor Shade { get; } = new(0xEE, 0xF1, 0xF5);

    public static PdfColor Accent { get; } = new(0x1F, 0x4E, 0x79);
}

public sealed record TextStyle(double Size, bool Bold = false, PdfColor? Color = null)
{
    /// <summary>Line height for Japanese text: 1.5 × the size reads comfortably in running text and tables.</summary>
    public double LineHeight => Size * 1.5;

    public PdfColor Ink => Color ?? PdfColor.Black;

    public static TextStyle Body { get; } = new(10);

    public static TextStyle Small { get; } = new(8, Color: PdfColor.Grey);

    public static TextStyle TableHeader { get; } = new(8.5, Bold: true);

    public static TextStyle TableCell { get; } = new(8.5);

    public static TextStyle Heading1 { get; } = new(16, Bold: true, Color: PdfColor.Accent);

    public static TextStyle Heading2 { get; } = new(12.5, Bold: true, Color: PdfColor.Accent);

    public static TextStyle Title { get; } = new(28, Bold: true, Color: PdfColor.Accent);

    public static TextStyle Subtitle { get; } = new(16, Bold: true);
}

/// <summary>A page: A4 portrait in points, with margins and a footer band for page numbers.</summary>
public sealed record PageSetup(double Width = 595.28, double Height = 841.89, double Margin = 50, double FooterHeight = 22)
{
    public double BodyTop => Margin;

    public double BodyBottom => Height - Margin - FooterHeight;

    public double BodyWidth => Width - (2 * Margin);

    public double BodyHeight => BodyBottom - BodyTop;
}
