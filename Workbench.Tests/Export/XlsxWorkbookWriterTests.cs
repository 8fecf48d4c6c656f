using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;
using Workbench.Data.Export;
using Workbench.Domain.Privacy;

namespace Workbench.Tests.Export;

public class XlsxWorkbookWriterTests
{
    private sealed record Pupil(string School, string Name, long Pupils, double Rate, DateOnly Since, DateTime Seen, decimal Mean);

    private static readonly ExportColumn<Pupil>[] Columns =
    [
        new("学校", p => p.School),
        new("氏名", p => p.Name),
        new("人数", p => p.Pupils, ExportColumnKind.Integer),
        new("出席率", p => p.Rate, ExportColumnKind.Percent),
        new("転入日", p => p.Since, ExportColumnKind.Date),
        new("最終学習", p => p.Seen, ExportColumnKind.DateTime),
        new("平均", p => p.Mean, ExportColumnKind.Decimal),
    ];

    private static readonly Pupil[] Pupils =
    [
        new("津山市立北小学校", "=SUM(A1)", 1234, 0.953, new DateOnly(2025, 9, 1), new DateTime(2025, 10, 2, 8, 30, 0), 81.25m),
        new("ABCDEFGH", "+81 3", 7, 0.5, new DateOnly(2025, 4, 1), new DateTime(2025, 4, 8, 9, 0, 0), 60m),
        new("津山市立南小学校", "-1", 12, 1, new DateOnly(2026, 1, 8), new DateTime(2026, 1, 9, 15, 5, 0), 70.5m),
        new("@mention", "山田 太郎", 0, 0, new DateOnly(2025, 4, 1), new DateTime(2025, 4, 1), 0m),
    ];

    [Fact]
    public async Task The_header_row_is_frozen_and_the_autofilter_covers_the_header_and_every_row()
    {
        using var book = await Workbook.WriteAsync(Columns, Pupils);

        var sheet = book.Sheet("データ");
        var pane = sheet.Descendants<Pane>().Single();
        Assert.Equal((1d, "A2", PaneStateValues.Frozen), (pane.VerticalSplit!.Value, pane.TopLeftCell!.Value, pane.State!.Value));
        Assert.Equal("A1:G5", sheet.Descendants<AutoFilter>().Single().Reference!.Value);
        Assert.Equal(["学校", "氏名", "人数", "出席率", "転入日", "最終学習", "平均"], book.Rows("データ")[0]);
        Assert.True(book.StyleOf(book.Cell("データ", "A1")).ApplyFont!.Value);
        var filterName = book.Document.WorkbookPart!.Workbook.DefinedNames!.Elements<DefinedName>().Single();
        Assert.Equal(("_xlnm._FilterDatabase", "'データ'!$A$1:$G$5"), (filterName.Name!.Value, filterName.Text));
    }

    [Fact]
    public async Task Numbers_percentages_and_dates_are_numbers_with_Japanese_formats()
    {
        using var book = await Workbook.WriteAsync(Columns, Pupils);

        Assert.Equal(("1234", "#,##0"), Number(book, "C2"));
        Assert.Equal(("0.953", "0.0%"), Number(book, "D2"));
        Assert.Equal((new DateTime(2025, 9, 1).ToOADate().ToString(System.Globalization.CultureInfo.InvariantCulture), "yyyy/mm/dd"), Number(book, "E2"));
        Assert.Equal((new DateTime(2025, 10, 2, 8, 30, 0).ToOADate().ToString("R", System.Globalization.CultureInfo.InvariantCulture), "yyyy/mm/dd hh:mm"), Number(book, "F2"));
        Assert.Equal(("81.25", "#,##0.00"), Number(book, "G2"));
        Assert.Equal("@", book.FormatOf(book.Cell("データ", "A2")));
    }

    [Theory]
    [InlineData("B2", "=SUM(A1)")]
    [InlineData("B3", "+81 3")]
    [InlineData("B4", "-1")]
    [InlineData("A5", "@mention")]
    public async Task Text_that_would_read_as_a_formula_is_stored_as_quoted_text_never_a_formula(string reference, string text)
    {
        using var book = await Workbook.WriteAsync(Columns, Pupils);

        var cell = book.Cell("データ", reference);
        Assert.Null(cell.CellFormula);
        Assert.Empty(book.Sheet("データ").Descendants<CellFormula>());
        Assert.Equal(CellValues.InlineString, cell.DataType!.Value);
        Assert.Equal(text, cell.InlineString!.InnerText);
        Assert.True(book.StyleOf(cell).QuotePrefix!.Value);
        Assert.Equal("@", book.FormatOf(cell));
    }

    [Fact]
    public async Task Column_widths_come_from_the_content_with_East_Asian_characters_counting_double()
    {
        var columns = new ExportColumn<string[]>[] { new("学校", r => r[0]), new("code", r => r[1]), new("長い", r => r[2]) };
        string[][] rows = [["津山市立北小学校", "ABCDEFGH", new string('あ', 100)]];

        using var book = await Workbook.WriteAsync(columns, rows);

        var widths = book.Sheet("データ").Descendants<Column>().Select(c => c.Width!.Value).ToList();
        Assert.Equal([16 + 2, 8 + 2, 60], widths); // 8 kanji read as 16; the 200-wide text is capped
        Assert.All(book.Sheet("データ").Descendants<Column>(), c => Assert.True(c.CustomWidth!.Value));
    }

    [Theory]
    [InlineData("津山", 4)]
    [InlineData("ABC", 3)]
    [InlineData("ｱｲｳ", 3)] // halfwidth katakana are narrow
    [InlineData("ＡＢ", 4)] // fullwidth Latin is wide
    [InlineData("２０２５年度（令和７年度）", 26)]
    [InlineData("𠮷野家", 6)] // a CJK extension B character is one wide character, not two halves
    [InlineData("", 0)]
    public void Display_width_counts_wide_characters_as_two(string text, int expected) => Assert.Equal(expected, DisplayWidth.Of(text));

    [Fact]
    public async Task The_conditions_sheet_lists_title_time_user_row_count_threshold_and_every_filter()
    {
        var metadata = Workbook.Metadata(new ExportFilter("年度", "2025年度（令和7年度）"), new ExportFilter("学校", "contains 北"));

        using var book = await Workbook.WriteAsync(Columns, Pupils, metadata);

        Assert.Equal(["データ", "条件"], book.SheetNames);
        var rows = book.Rows("条件").ToDictionary(r => r[0], r => r.Count > 1 ? r[1] : string.Empty);
        Assert.Equal("担当の学級", rows["タイトル"]);
        Assert.Equal("teacher@tsuyama.example", rows["出力者"]);
        Assert.Equal("4", rows["行数"]);
        Assert.Equal("10 未満（1〜9）は「<10」と表示", rows["秘匿の基準"]);
        Assert.Equal("2025年度（令和7年度）", rows["年度"]);
        Assert.Equal("contains 北", rows["学校"]);
        var stamp = book.Cell("条件", "B3"); // 01:30 UTC is 10:30 in Japan
        Assert.Equal(new DateTime(2026, 11, 25, 10, 30, 0).ToOADate(), double.Parse(stamp.CellValue!.Text, System.Globalization.CultureInfo.InvariantCulture), 6);
        Assert.Equal("yyyy/mm/dd hh:mm", book.FormatOf(stamp));
    }

    [Fact]
    public async Task Hidden_counts_are_written_as_their_suppressed_text_and_shown_counts_as_numbers()
    {
        var suppression = new SmallCellSuppression();
        var columns = new ExportColumn<SuppressedCount>[] { new("人数", c => c, ExportColumnKind.Integer) };

        using var book = await Workbook.WriteAsync(columns, [suppression.Single(3), suppression.Single(0), suppression.Single(25)]);

        Assert.Equal([["人数"], ["<10"], ["0"], ["25"]], book.Rows("データ"));
        Assert.Equal(CellValues.InlineString, book.Cell("データ", "A2").DataType!.Value);
        Assert.Null(book.Cell("データ", "A4").DataType);
    }

    [Fact]
    public async Task The_workbook_is_valid_Open_XML_and_can_be_written_to_a_stream_that_cannot_seek()
    {
        using var sink = new MemoryStream();
        await using (var forwardOnly = new ForwardOnlyStream(sink))
        {
            await XlsxWorkbookWriter.WriteAsync(forwardOnly, Columns, Pupils, Workbook.Metadata(new ExportFilter("年度", "2025")), CancellationToken.None);
        }

        using var book = Workbook.Open(sink.ToArray());
        var errors = new OpenXmlValidator().Validate(book.Document).Select(e => $"{e.Part?.Uri} {e.Path?.XPath}: {e.Description}").ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors));
        Assert.Equal(5, book.Rows("データ").Count);
        Assert.Equal("担当の学級", book.Document.PackageProperties.Title);
    }

    [Fact]
    public async Task No_rows_still_make_a_workbook_with_its_header_and_conditions()
    {
        using var book = await Workbook.WriteAsync(Columns, []);

        Assert.Single(book.Rows("データ"));
        Assert.Equal("A1:G1", book.Sheet("データ").Descendants<AutoFilter>().Single().Reference!.Value);
        Assert.Contains(book.Rows("条件"), r => r[0] == "行数" && r[1] == "0");
    }

    private static (string Value, string Format) Number(Workbook book, string reference)
    {
        var cell = book.Cell("データ", reference);
        Assert.Null(cell.DataType);
        return (cell.CellValue!.Text, book.FormatOf(cell));
    }

    /// <summary>A write-only stream without a position, like an HTTP response body.</summary>
    private sealed class ForwardOnlyStream(Stream inner) : Stream
    {
        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Flush() => inner.Flush();

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => inner.Write(buffer, offset, count);
    }
}
