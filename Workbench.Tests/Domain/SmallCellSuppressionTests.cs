using Workbench.Domain.Privacy;

namespace Workbench.Tests.Domain;

public class SmallCellSuppressionTests
{
    private readonly SmallCellSuppression suppression = new();

    [Theory]
    [InlineData(0, "0")]
    [InlineData(1, "<10")]
    [InlineData(9, "<10")]
    [InlineData(10, "10")]
    [InlineData(12345, "12,345")]
    public void A_count_on_its_own_is_hidden_from_1_to_9_and_zero_is_shown(long count, string shown)
    {
        Assert.Equal(shown, suppression.Single(count).Display);
    }

    [Fact]
    public void The_threshold_is_configurable_and_appears_in_the_mark()
    {
        var five = new SmallCellSuppression(5);

        Assert.Equal("<5", five.Single(4).Display);
        Assert.Equal("5", five.Single(5).Display);
    }

    [Fact]
    public void With_the_total_shown_a_second_count_is_hidden_so_the_small_one_cannot_be_subtracted_out()
    {
        var series = suppression.Series([25, 3, 12, 0]);

        Assert.Equal(["25", "<10", "X", "0"], series.Counts.Select(c => c.Display));
        Assert.Equal("40", series.Total.Display);
    }

    [Fact]
    public void Without_a_total_only_the_small_count_is_hidden()
    {
        var series = suppression.Series([25, 3, 12], totalShown: false);

        Assert.Equal(["25", "<10", "12"], series.Counts.Select(c => c.Display));
        Assert.Equal(CellState.NotPublished, series.Total.State);
    }

    [Fact]
    public void A_small_total_is_hidden_too()
    {
        var series = suppression.Series([4, 0]);

        Assert.Equal(["<10", "0"], series.Counts.Select(c => c.Display));
        Assert.Equal("<10", series.Total.Display);
    }

    [Fact]
    public void In_a_cross_table_rows_and_columns_both_protect_the_small_cell()
    {
        long[,] counts = { { 20, 3, 30 }, { 40, 50, 60 } };

        var table = suppression.Table(counts);

        Assert.Equal(CellState.Small, table.Cells[0, 1].State);
        Assert.Equal(CellState.Complementary, table.Cells[0, 0].State); // its row
        Assert.Equal(CellState.Complementary, table.Cells[1, 1].State); // its column
        Assert.Equal(CellState.Complementary, table.Cells[1, 0].State); // then row 2 and column 1 each had one hidden
        Assert.Equal("53", table.RowTotals[0].Display);
        Assert.Equal("203", table.GrandTotal.Display);
    }

    [Fact]
    public void In_any_table_every_small_cell_is_hidden_and_no_row_or_column_has_a_single_hidden_member()
    {
        var random = new Random(42);
        for (var run = 0; run < 500; run++)
        {
            var rows = random.Next(1, 6);
            var columns = random.Next(1, 6);
            var counts = new long[rows, columns];
            for (var i = 0; i < rows; i++)
            {
                for (var j = 0; j < columns; j++)
                {
                    counts[i, j] = random.Next(4) == 0 ? random.Next(0, 10) : random.Next(0, 80);
                }
            }

            var table = suppression.Table(counts);

            for (var i = 0; i < rows; i++)
            {
                var line = Enumerable.Range(0, columns).Select(j => table.Cells[i, j]).Append(table.RowTotals[i]);
                Assert.NotEqual(1, line.Count(c => c.IsHidden));
            }

            for (var j = 0; j < columns; j++)
            {
                var line = Enumerable.Range(0, rows).Select(i => table.Cells[i, j]).Append(table.ColumnTotals[j]);
                Assert.NotEqual(1, line.Count(c => c.IsHidden));
                Assert.All(Enumerable.Range(0, rows), i => Assert.True(!suppression.IsSmall(counts[i, j]) || table.Cells[i, j].State == CellState.Small));
            }

            Assert.NotEqual(1, table.ColumnTotals.Append(table.GrandTotal).Count(c => c.IsHidden));
            Assert.NotEqual(1, table.RowTotals.Append(table.GrandTotal).Count(c => c.IsHidden));
        }
    }
}
