using System.Globalization;

namespace Workbench.Features.Reports.Pdf;

/// <summary>
/// Places a report's blocks on pages, top to bottom: text wraps, tables break between rows and repeat their header,
/// headings and captions stay with what follows them, and the table of contents gets its page numbers once every
/// heading has landed (its own length is known beforehand: one line per heading).
/// </summary>
public sealed class DocumentLayout(PageSetup page, TextMeasurer measurer)
{
    private const double CellPadX = 4;
    private const double CellPadY = 2.5;
    private const double ParagraphGap = 5;
    private readonly List<LaidOutPage> pages = [];
    private readonly List<PlacedHeading> headings = [];
    private readonly List<(LaidOutPage Page, double Top, int Heading)> contentsLines = [];
    private IReadOnlyList<Block> flow = [];
    private LaidOutPage current = null!;
    private double y;

    private bool PageIsEmpty => y <= page.BodyTop;

    private double Room => page.BodyBottom - y;

    public LaidOutDocument Run(IReadOnlyList<Block> blocks)
    {
        ArgumentNullException.ThrowIfNull(blocks);
        flow = blocks;
        NewPage();
        var allHeadings = blocks.OfType<HeadingBlock>().ToList();
        for (var i = 0; i < blocks.Count; i++)
        {
            var next = i + 1;
            switch (blocks[i])
            {
                case HeadingBlock heading:
                    PlaceHeading(heading, next);
                    break;
                case ParagraphBlock paragraph:
                    PlaceParagraph(paragraph, next);
                    break;
                case TableBlock table:
                    PlaceTable(table);
                    break;
                case ImageBlock image:
                    PlaceImage(image, next);
                    break;
                case SpacerBlock spacer:
                    y = Math.Min(y + spacer.Height, page.BodyBottom);
                    break;
                case PageBreakBlock when !PageIsEmpty:
                    NewPage();
                    break;
                case ContentsBlock contents:
                    PlaceContents(contents, allHeadings);
                    break;
            }
        }

        ResolveContents();
        return new LaidOutDocument(pages, headings);
    }

    private void NewPage()
    {
        current = new LaidOutPage(pages.Count + 1);
        pages.Add(current);
        y = page.BodyTop;
    }

    private void EnsureRoom(double height)
    {
        if (height > Room && !PageIsEmpty)
        {
            NewPage();
        }
    }

    private static TextStyle HeadingStyle(int level) => level <= 1 ? TextStyle.Heading1 : TextStyle.Heading2;

    private double HeadingHeight(HeadingBlock heading)
    {
        var style = HeadingStyle(heading.Level);
        return (LineBreaker.Wrap(heading.Text, page.BodyWidth, style, measurer).Count * style.LineHeight) + HeadingGapAbove(heading) + 6;
    }

    private static double HeadingGapAbove(HeadingBlock heading) => heading.Level <= 1 ? 4 : 8;

    private void PlaceHeading(HeadingBlock heading, int next)
    {
        if (heading.StartsPage && !PageIsEmpty)
        {
            NewPage();
        }

        EnsureRoom(HeadingHeight(heading) + FirstPieceHeight(next));
        if (!PageIsEmpty)
        {
            y += HeadingGapAbove(heading);
        }

        headings.Add(new PlacedHeading(heading.Text, heading.Level, current.Number));
        var style = HeadingStyle(heading.Level);
        foreach (var line in LineBreaker.Wrap(heading.Text, page.BodyWidth, style, measurer))
        {
            current.Ops.Add(new TextOp(page.Margin, y, line, style));
            y += style.LineHeight;
        }

        if (heading.Level <= 1)
        {
            current.Ops.Add(new LineOp(page.Margin, y + 1, page.Width - page.Margin, y + 1, 1, PdfColor.Accent));
        }

        y += 6;
    }

    private void PlaceParagraph(ParagraphBlock paragraph, int next)
    {
        var lines = LineBreaker.Wrap(paragraph.Text, page.BodyWidth, paragraph.Style, measurer);
        if (paragraph.KeepWithNext)
        {
            EnsureRoom(ParagraphHeight(paragraph) + FirstPieceHeight(next));
        }

        foreach (var line in lines)
        {
            EnsureRoom(paragraph.Style.LineHeight);
            var width = measurer.Width(line, paragraph.Style);
            var x = paragraph.Align switch
            {
                TextAlign.Center => page.Margin + ((page.BodyWidth - width) / 2),
                TextAlign.Right => page.Width - page.Margin - width,
                _ => page.Margin,
            };
            current.Ops.Add(new TextOp(x, y, line, paragraph.Style));
            y += paragraph.Style.LineHeight;
        }

        y += ParagraphGap;
    }

    private void PlaceImage(ImageBlock image, int next)
    {
        var (width, height) = ImageSize(image);
        EnsureRoom(height + (image.KeepWithNext ? FirstPieceHeight(next) : 0));
        current.Ops.Add(new ImageOp(page.Margin + ((page.BodyWidth - width) / 2), y, width, height, image.Png));
        y += height + ParagraphGap;
    }

    private (double Width, double Height) ImageSize(ImageBlock image)
    {
        var width = Math.Min(image.Width, page.BodyWidth);
        var height = width * image.PixelHeight / image.PixelWidth;
        if (height > page.BodyHeight)
        {
            width *= page.BodyHeight / height;
            height = page.BodyHeight;
        }

        return (width, height);
    }

    private void PlaceTable(TableBlock table)
    {
        var widths = ColumnWidths(table);
        var header = new TableRow([.. table.Columns.Select(c => c.Header)]);
        var headerHeight = RowHeight(header, widths, TextStyle.TableHeader);
        var first = table.Rows.Count > 0 ? RowHeight(table.Rows[0], widths, CellStyle(table.Rows[0])) : 0;
        EnsureRoom(headerHeight + first);
        DrawRow(header, table, widths, TextStyle.TableHeader, headerHeight, isHeader: true);
        foreach (var row in table.Rows)
        {
            var style = CellStyle(row);
            var height = RowHeight(row, widths, style);
            if (height > Room)
            {
                NewPage();
                DrawRow(header, table, widths, TextStyle.TableHeader, headerHeight, isHeader: true);
            }

            DrawRow(row, table, widths, style, height, isHeader: false);
        }

        y += ParagraphGap + 2;
    }

    private static TextStyle CellStyle(TableRow row) => row.Style == RowStyle.Total ? TextStyle.TableHeader : TextStyle.TableCell;

    private double[] ColumnWidths(TableBlock table)
    {
        var total = table.Columns.Sum(c => c.Weight);
        return [.. table.Columns.Select(c => page.BodyWidth * c.Weight / total)];
    }

    private double RowHeight(TableRow row, double[] widths, TextStyle style)
    {
        var lines = 1;
        for (var i = 0; i < widths.Length; i++)
        {
            var text = i < row.Cells.Count ? row.Cells[i] : string.Empty;
            lines = Math.Max(lines, LineBreaker.Wrap(text, widths[i] - (2 * CellPadX), style, measurer).Count);
        }

        return (lines * style.LineHeight) + (2 * CellPadY);
    }

    private void DrawRow(TableRow row, TableBlock table, double[] widths, TextStyle style, double height, bool isHeader)
    {
        var right = page.Margin + widths.Sum();
        if (isHeader)
        {
            current.Ops.Add(new FillOp(page.Margin, y, widths.Sum(), height, PdfColor.Shade));
        }

        if (row.Style == RowStyle.Total)
        {
            current.Ops.Add(new LineOp(page.Margin, y, right, y, 0.8, PdfColor.Black));
        }

        var x = page.Margin;
        for (var i = 0; i < widths.Length; i++)
        {
            var text = i < row.Cells.Count ? row.Cells[i] : string.Empty;
            var align = isHeader ? TextAlign.Center : table.Columns[i].Align;
            var lineTop = y + CellPadY;
            foreach (var line in LineBreaker.Wrap(text, widths[i] - (2 * CellPadX), style, measurer))
            {
                var width = measurer.Width(line, style);
                var left = align switch
                {
                    TextAlign.Right => x + widths[i] - CellPadX - width,
                    TextAlign.Center => x + ((widths[i] - width) / 2),
                    _ => x + CellPadX,
                };
                if (line.Length > 0)
                {
                    current.Ops.Add(new TextOp(left, lineTop, line, style));
                }

                lineTop += style.LineHeight;
            }

            x += widths[i];
        }

        y += height;
        current.Ops.Add(new LineOp(page.Margin, y, right, y, isHeader ? 0.8 : 0.3, isHeader ? PdfColor.Black : PdfColor.Rule));
    }

    private void PlaceContents(ContentsBlock contents, List<HeadingBlock> entries)
    {
        PlaceHeading(new HeadingBlock(contents.Title, 1, StartsPage: false), -1);
        headings.RemoveAt(headings.Count - 1); // the contents do not list themselves
        var style = TextStyle.Body;
        for (var i = 0; i < entries.Count; i++)
        {
            EnsureRoom(style.LineHeight * 1.2);
            var indent = entries[i].Level <= 1 ? 0 : 16;
            var entryStyle = entries[i].Level <= 1 ? style with { Bold = true } : style;
            current.Ops.Add(new TextOp(page.Margin + indent, y, entries[i].Text, entryStyle));
            contentsLines.Add((current, y, i));
            y += style.LineHeight * 1.2;
        }

        y += ParagraphGap;
    }

    /// <summary>Page numbers and dotted leaders of the contents, now that every heading has a page.</summary>
    private void ResolveContents()
    {
        foreach (var (onPage, top, index) in contentsLines)
        {
            var heading = headings[index];
            var number = heading.Page.ToString(CultureInfo.InvariantCulture);
            var style = TextStyle.Body;
            var numberWidth = measurer.Width(number, style);
            var titleStyle = heading.Level <= 1 ? style with { Bold = true } : style;
            var titleEnd = page.Margin + (heading.Level <= 1 ? 0 : 16) + measurer.Width(heading.Text, titleStyle);
            var numberLeft = page.Width - page.Margin - numberWidth;
            onPage.Ops.Add(new LineOp(titleEnd + 4, top + (style.LineHeight * 0.7), numberLeft - 4, top + (style.LineHeight * 0.7), 0.6, PdfColor.Grey, Dotted: true));
            onPage.Ops.Add(new TextOp(numberLeft, top, number, style));
        }
    }

    /// <summary>
    /// The height that must follow a heading, caption or chart onto its page: the first lines or rows of the block at
    /// <paramref name="index"/>, and, where that block keeps with its own next one, that one's first piece too.
    /// </summary>
    private double FirstPieceHeight(int index) => index < 0 || index >= flow.Count ? 0 : flow[index] switch
    {
        ParagraphBlock { KeepWithNext: true } p => ParagraphHeight(p) + FirstPieceHeight(index + 1),
        ParagraphBlock p => Math.Min(3, LineBreaker.Wrap(p.Text, page.BodyWidth, p.Style, measurer).Count) * p.Style.LineHeight,
        TableBlock t => RowHeight(new TableRow([.. t.Columns.Select(c => c.Header)]), ColumnWidths(t), TextStyle.TableHeader)
                        + (t.Rows.Count > 0 ? RowHeight(t.Rows[0], ColumnWidths(t), CellStyle(t.Rows[0])) * Math.Min(2, t.Rows.Count) : 0),
        ImageBlock i => ImageSize(i).Height + (i.KeepWithNext ? FirstPieceHeight(index + 1) : 0),
        HeadingBlock h => HeadingHeight(h) + FirstPieceHeight(index + 1),
        _ => 0,
    };

    private double ParagraphHeight(ParagraphBlock paragraph) =>
        LineBreaker.Wrap(paragraph.Text, page.BodyWidth, paragraph.Style, measurer).Count * paragraph.Style.LineHeight;
}
