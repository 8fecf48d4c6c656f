using Workbench.Features.Reports.Pdf;

namespace Workbench.Features.Learning.Board;

/// <summary>
/// A row of a board table as the page's grid shows it: the same published strings the PDF report prints (<c>&lt;10</c>
/// and <c>X</c> where the suppression service hid a count), so the page, its export and the report never disagree.
/// </summary>
public sealed record BoardGridRow(IReadOnlyList<string> Cells, bool IsTotal)
{
    public string Cell(int index) => index < Cells.Count ? Cells[index] : string.Empty;

    public static IReadOnlyList<BoardGridRow> From(IEnumerable<TableRow> rows) =>
        [.. rows.Select(r => new BoardGridRow(r.Cells, r.Style == RowStyle.Total))];
}
