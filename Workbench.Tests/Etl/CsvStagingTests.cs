using Workbench.Data.Etl;

namespace Workbench.Tests.Etl;

public sealed class CsvStagingTests : IDisposable
{
    private readonly string file = Path.Combine(Path.GetTempPath(), $"workbench-csv-{Guid.NewGuid():N}.txt");

    [Theory]
    [InlineData("a,b\n1,2\n", false)]
    [InlineData("a,b\n\"1,5\",2\r\n", false)]
    [InlineData("a,b\n\"say \"\"hi\"\"\",2\n", false)]
    [InlineData("a,b\n\"two\nlines\",2\n", true)]
    [InlineData("a,b\n\"\"\"quoted\"\"\r\nstill inside\",2\n", true)]
    public void A_line_break_counts_only_inside_quotes(string content, bool expected)
    {
        File.WriteAllText(file, content);

        Assert.Equal(expected, CsvStaging.HasLineBreakInQuotes(file));
    }

    [Fact]
    public void Quotes_are_followed_across_the_read_buffer()
    {
        // The opening quote ends the first megabyte read; the line break inside it comes in the second.
        File.WriteAllText(file, "a,b\n" + new string('x', (1 << 20) - 5) + "\"\nstill quoted\",2\n");

        Assert.True(CsvStaging.HasLineBreakInQuotes(file));
    }

    public void Dispose() => File.Delete(file);
}
