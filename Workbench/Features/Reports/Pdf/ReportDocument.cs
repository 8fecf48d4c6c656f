namespace Workbench.Features.Reports.Pdf;

/// <summary>
/// Builds a report as a flow of blocks (headings, text, tables, images, page breaks, a table of contents) and
/// renders it: <see cref="Layout"/> places the blocks on pages, <see cref="PdfWriter"/> draws them with the footer.
/// </summary>
public sealed class ReportDocument(string title, string footerNote, PageSetup? page = null)
{
    private readonly List<Block> blocks = [];

    public string Title { get; } = title;

    /// <summary>Printed at the foot of every page, left (e.g. the generated-at stamp).</summary>
    public string FooterNote { get; } = footerNote;

    public PageSetup Page { get; } = page ?? new PageSetup();

    public IReadOnlyList<Block> Blocks => blocks;

    public ReportDocument Heading(string text, int level = 1, bool startsPage = false) => Add(new HeadingBlock(text, level, startsPage));

    public ReportDocument Paragraph(string text, TextStyle? style = null, TextAlign align = TextAlign.Left, bool keepWithNext = false) =>
        Add(new ParagraphBlock(text, style ?? TextStyle.Body, align, keepWithNext));

    public ReportDocument Table(IReadOnlyList<TableColumn> columns, IEnumerable<TableRow> rows) => Add(new TableBlock(columns, [.. rows]));

    public ReportDocument Image(byte[] png, int pixelWidth, int pixelHeight, double? width = null, bool keepWithNext = false) =>
        Add(new ImageBlock(png, pixelWidth, pixelHeight, width ?? Page.BodyWidth, keepWithNext));

    public ReportDocument Space(double height) => Add(new SpacerBlock(height));

    public ReportDocument PageBreak() => Add(new PageBreakBlock());

    public ReportDocument Contents(string heading = "目次") => Add(new ContentsBlock(heading));

    public ReportDocument Add(Block block)
    {
        blocks.Add(block);
        return this;
    }

    public LaidOutDocument Layout() => new DocumentLayout(Page, TextMeasurer.Instance).Run(blocks);

    public byte[] ToPdf() => PdfWriter.Write(this, Layout());
}
