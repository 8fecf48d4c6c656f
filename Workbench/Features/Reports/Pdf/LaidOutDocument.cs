namespace Workbench.Features.Reports.Pdf;

/// <summary>Something to draw on a page, in points from the page's top left.</summary>
public abstract record DrawOp;

/// <summary>One line of text whose line box starts at <paramref name="Top"/>.</summary>
public sealed record TextOp(double X, double Top, string Text, TextStyle Style) : DrawOp;

public sealed record LineOp(double X1, double Y1, double X2, double Y2, double Thickness, PdfColor Color, bool Dotted = false) : DrawOp;

public sealed record FillOp(double X, double Y, double Width, double Height, PdfColor Color) : DrawOp;

public sealed record ImageOp(double X, double Y, double Width, double Height, byte[] Png) : DrawOp;

public sealed class LaidOutPage(int number)
{
    public int Number { get; } = number;

    public List<DrawOp> Ops { get; } = [];

    /// <summary>The page's text in drawing order, for tests and search.</summary>
    public IEnumerable<string> Texts => Ops.OfType<TextOp>().Select(t => t.Text);
}

public sealed record PlacedHeading(string Text, int Level, int Page);

/// <summary>The pages of a report and where each heading landed (what the table of contents and bookmarks show).</summary>
public sealed record LaidOutDocument(IReadOnlyList<LaidOutPage> Pages, IReadOnlyList<PlacedHeading> Headings);
