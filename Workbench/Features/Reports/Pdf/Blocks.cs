namespace Workbench.Features.Reports.Pdf;

/// <summary>A piece of a report's flow, placed on pages by <see cref="DocumentLayout"/>.</summary>
public abstract record Block;

/// <summary>A section heading: level 1 or 2, listed in the table of contents and the PDF's bookmarks.</summary>
public sealed record HeadingBlock(string Text, int Level, bool StartsPage) : Block;

/// <summary>Running text; <paramref name="KeepWithNext"/> keeps a caption on the page of what it captions.</summary>
public sealed record ParagraphBlock(string Text, TextStyle Style, TextAlign Align = TextAlign.Left, bool KeepWithNext = false) : Block;

/// <summary>A PNG drawn at <paramref name="Width"/> points (at most the body width) with its own aspect ratio.</summary>
public sealed record ImageBlock(byte[] Png, int PixelWidth, int PixelHeight, double Width, bool KeepWithNext = false) : Block;

public sealed record SpacerBlock(double Height) : Block;

public sealed record PageBreakBlock : Block;

/// <summary>The table of contents: one line per heading of the document, with the page it landed on.</summary>
public sealed record ContentsBlock(string Title) : Block;

public sealed record TableColumn(string Header, double Weight, TextAlign Align = TextAlign.Left);

public enum RowStyle
{
    Normal,

    /// <summary>A total: bold, with a rule above.</summary>
    Total,
}

public sealed record TableRow(IReadOnlyList<string> Cells, RowStyle Style = RowStyle.Normal);

/// <summary>A table whose rows flow over pages; the header row repeats at the top of every page it spans.</summary>
public sealed record TableBlock(IReadOnlyList<TableColumn> Columns, IReadOnlyList<TableRow> Rows) : Block;
