using System.Globalization;

namespace Workbench.Domain.Privacy;

/// <summary>How one published count appears.</summary>
public enum CellState
{
    Shown,

    /// <summary>1 to threshold − 1: shown as <c>&lt;10</c>.</summary>
    Small,

    /// <summary>Hidden although not small, because a small one could otherwise be worked out from a total.</summary>
    Complementary,

    /// <summary>A total the table does not publish.</summary>
    NotPublished,
}

public readonly record struct SuppressedCount(long Value, CellState State, int Threshold)
{
    public const string ComplementaryMark = "X";

    public bool IsHidden => State != CellState.Shown;

    /// <summary>What a page, workbook or PDF shows: the count in Japanese digits, <c>&lt;10</c>, or <c>X</c>.</summary>
    public string Display => State switch
    {
        CellState.Shown => Value.ToString("N0", CultureInfo.GetCultureInfo("ja-JP")),
        CellState.Small => "<" + Threshold.ToString(CultureInfo.InvariantCulture),
        CellState.Complementary => ComplementaryMark,
        _ => string.Empty,
    };

    /// <summary>The value an export or chart may use: null where hidden.</summary>
    public long? Visible => IsHidden ? null : Value;
}

/// <summary>
/// Small-cell suppression, the one rule for every aggregate that leaves a teacher's own class (pages, Excel, PDF):
/// counts 1 … threshold − 1 are hidden, 0 is shown, and further cells are hidden wherever a hidden one could be
/// recovered by subtraction from a published total (row, column or grand total).
/// </summary>
public sealed class SmallCellSuppression
{
    public const int DefaultThreshold = 10;

    public SmallCellSuppression(int threshold = DefaultThreshold)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(threshold, 2);
        Threshold = threshold;
    }

    public int Threshold { get; }

    public bool IsSmall(long count) => count > 0 && count < Threshold;

    /// <summary>A count published on its own, with no total beside it.</summary>
    public SuppressedCount Single(long count) => new(count, IsSmall(count) ? CellState.Small : CellState.Shown, Threshold);

    /// <summary>A list of counts, optionally with their total published (e.g. pupils per grade and the school's total).</summary>
    public SuppressedSeries Series(IReadOnlyList<long> counts, bool totalShown = true)
    {
        var grid = new long[1, counts.Count];
        for (var j = 0; j < counts.Count; j++)
        {
            grid[0, j] = counts[j];
        }

        var table = Table(grid, rowTotals: totalShown, columnTotals: false);
        return new SuppressedSeries([.. Enumerable.Range(0, counts.Count).Select(j => table.Cells[0, j])], table.RowTotals[0]);
    }

    /// <summary>A cross table with optional row and column totals (the grand total is published when both are).</summary>
    public SuppressedTable Table(long[,] counts, bool rowTotals = true, bool columnTotals = true)
    {
        ArgumentNullException.ThrowIfNull(counts);
        int rows = counts.GetLength(0), columns = counts.GetLength(1);

        // The table with its margins: row `rows` holds the column totals, column `columns` the row totals.
        var values = new long[rows + 1, columns + 1];
        var states = new CellState[rows + 1, columns + 1];
        for (var i = 0; i < rows; i++)
        {
            for (var j = 0; j < columns; j++)
            {
                values[i, j] = counts[i, j];
                values[i, columns] += counts[i, j];
                values[rows, j] += counts[i, j];
                values[rows, columns] += counts[i, j];
            }
        }

        for (var i = 0; i <= rows; i++)
        {
            for (var j = 0; j <= columns; j++)
            {
                var published = (i < rows && j < columns) || (i < rows && rowTotals) || (j < columns && columnTotals) || (rowTotals && columnTotals);
                states[i, j] = !published ? CellState.NotPublished : IsSmall(values[i, j]) ? CellState.Small : CellState.Shown;
            }
        }

        while (HideOneRecoverable(values, states, rows, columns))
        {
        }

        return new SuppressedTable(values, states, rows, columns, Threshold);
    }

    /// <summary>Finds a line (row or column with its total) where exactly one member is unknown and hides another.</summary>
    private static bool HideOneRecoverable(long[,] values, CellState[,] states, int rows, int columns)
    {
        var lines = Enumerable.Range(0, rows + 1).Select(i => Enumerable.Range(0, columns + 1).Select(j => (i, j)).ToList())
            .Concat(Enumerable.Range(0, columns + 1).Select(j => Enumerable.Range(0, rows + 1).Select(i => (i, j)).ToList()));
        foreach (var line in lines)
        {
            var unknown = line.Where(c => states[c.i, c.j] != CellState.Shown).ToList();
            if (unknown.Count != 1 || states[unknown[0].i, unknown[0].j] == CellState.NotPublished)
            {
                continue;
            }

            // Hide the smallest other member, preferring inner cells with something in them to zeros and totals.
            var partner = line.Where(c => states[c.i, c.j] == CellState.Shown)
                .OrderBy(c => c.i == rows || c.j == columns)
                .ThenBy(c => values[c.i, c.j] == 0)
                .ThenBy(c => values[c.i, c.j])
                .First();
            states[partner.i, partner.j] = CellState.Complementary;
            return true;
        }

        return false;
    }
}

public sealed record SuppressedSeries(IReadOnlyList<SuppressedCount> Counts, SuppressedCount Total);

public sealed class SuppressedTable
{
    internal SuppressedTable(long[,] values, CellState[,] states, int rows, int columns, int threshold)
    {
        Cells = new SuppressedCount[rows, columns];
        for (var i = 0; i < rows; i++)
        {
            for (var j = 0; j < columns; j++)
            {
                Cells[i, j] = new SuppressedCount(values[i, j], states[i, j], threshold);
            }
        }

        RowTotals = [.. Enumerable.Range(0, rows).Select(i => new SuppressedCount(values[i, columns], states[i, columns], threshold))];
        ColumnTotals = [.. Enumerable.Range(0, columns).Select(j => new SuppressedCount(values[rows, j], states[rows, j], threshold))];
        GrandTotal = new SuppressedCount(values[rows, columns], states[rows, columns], threshold);
    }

    public SuppressedCount[,] Cells { get; }

    public IReadOnlyList<SuppressedCount> RowTotals { get; }

    public IReadOnlyList<SuppressedCount> ColumnTotals { get; }

    public SuppressedCount GrandTotal { get; }
}
