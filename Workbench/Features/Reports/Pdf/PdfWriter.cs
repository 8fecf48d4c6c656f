using System.Globalization;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Workbench.Features.Reports.Pdf;

/// <summary>
/// Draws a laid-out report with PDFsharp: the text in the embedded report face, and on every page a footer with the
/// report's note (the generated-at stamp) on the left and its title with "page / pages" on the right. Level-1 and level-2 headings become bookmarks.
/// </summary>
public static class PdfWriter
{
    private static readonly TextStyle Footer = new(7.5, Color: PdfColor.Grey);

    public static byte[] Write(ReportDocument document, LaidOutDocument layout)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(layout);
        ReportFonts.Install();
        using var pdf = new PdfDocument();
        pdf.Info.Title = document.Title;
        pdf.Info.Creator = "津山市スマートシティ ワークベンチ";
        var fonts = new Dictionary<(double, bool), XFont>();
        XFont Font(TextStyle style)
        {
            if (!fonts.TryGetValue((style.Size, style.Bold), out var font))
            {
                font = new XFont(ReportFonts.Family, style.Size, style.Bold ? XFontStyleEx.Bold : XFontStyleEx.Regular);
                fonts[(style.Size, style.Bold)] = font;
            }

            return font;
        }

        var setup = document.Page;
        var measurer = TextMeasurer.Instance;
        foreach (var laidOut in layout.Pages)
        {
            var page = pdf.AddPage();
            page.Width = XUnit.FromPoint(setup.Width);
            page.Height = XUnit.FromPoint(setup.Height);
            using var graphics = XGraphics.FromPdfPage(page);
            foreach (var op in laidOut.Ops)
            {
                Draw(graphics, op, Font);
            }

            var footerTop = setup.Height - setup.Margin - (setup.FooterHeight / 2);
            graphics.DrawLine(new XPen(Color(PdfColor.Rule), 0.5), setup.Margin, footerTop - 4, setup.Width - setup.Margin, footerTop - 4);
            var number = string.Create(CultureInfo.InvariantCulture, $"{document.Title}　{laidOut.Number} / {layout.Pages.Count}");
            Draw(graphics, new TextOp(setup.Margin, footerTop, document.FooterNote, Footer), Font);
            Draw(graphics, new TextOp(setup.Width - setup.Margin - measurer.Width(number, Footer), footerTop, number, Footer), Font);
        }

        AddBookmarks(pdf, layout);
        using var stream = new MemoryStream();
        pdf.Save(stream, closeStream: false);
        return stream.ToArray();
    }

    private static void Draw(XGraphics graphics, DrawOp op, Func<TextStyle, XFont> font)
    {
        switch (op)
        {
            case TextOp text:
                // The line box is 1.5 × the size: the glyphs sit in its middle.
                var top = text.Top + ((text.Style.LineHeight - text.Style.Size) / 2);
                graphics.DrawString(text.Text, font(text.Style), new XSolidBrush(Color(text.Style.Ink)), new XPoint(text.X, top), XStringFormats.TopLeft);
                break;
            case LineOp line:
                var pen = new XPen(Color(line.Color), line.Thickness) { DashStyle = line.Dotted ? XDashStyle.Dot : XDashStyle.Solid };
                graphics.DrawLine(pen, line.X1, line.Y1, line.X2, line.Y2);
                break;
            case FillOp fill:
                graphics.DrawRectangle(new XSolidBrush(Color(fill.Color)), fill.X, fill.Y, fill.Width, fill.Height);
                break;
            case ImageOp image:
                using (var stream = new MemoryStream(image.Png, writable: false))
                using (var picture = XImage.FromStream(stream))
                {
                    graphics.DrawImage(picture, image.X, image.Y, image.Width, image.Height);
                }

                break;
        }
    }

    private static void AddBookmarks(PdfDocument pdf, LaidOutDocument layout)
    {
        PdfSharp.Pdf.PdfOutline? parent = null;
        foreach (var heading in layout.Headings)
        {
            var target = pdf.Pages[heading.Page - 1];
            if (heading.Level <= 1 || parent is null)
            {
                parent = pdf.Outlines.Add(heading.Text, target, true);
            }
            else
            {
                parent.Outlines.Add(heading.Text, target, false);
            }
        }
    }

    private static XColor Color(PdfColor color) => XColor.FromArgb(color.R, color.G, color.B);
}
