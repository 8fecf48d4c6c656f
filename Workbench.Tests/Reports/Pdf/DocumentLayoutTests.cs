using System.Globalization;
using Workbench.Features.Reports.Pdf;
using Workbench.Tests.Support;

namespace Workbench.Tests.Reports.Pdf;

public class DocumentLayoutTests
{
    private static readonly TableColumn[] Columns = [new("学校群", 3), new("人数", 1, TextAlign.Right)];

    private static IEnumerable<TableRow> Rows(int count) =>
        Enumerable.Range(1, count).Select(i => new TableRow([string.Create(CultureInfo.InvariantCulture, $"第{i}中学校区"), i.ToString(CultureInfo.InvariantCulture)]));

    [Fact]
    public void A_long_table_breaks_between_rows_repeats_its_header_and_loses_no_row()
    {
        var document = new ReportDocument("テスト", "作成").Heading("一覧").Table(Columns, Rows(200));

        var layout = document.Layout();

        Assert.True(layout.Pages.Count >= 3, $"200 rows on {layout.Pages.Count} page(s)");
        Assert.All(layout.Pages, p => Assert.Equal(1, p.Texts.Count(t => t == "学校群")));
        var rows = layout.Pages.SelectMany(p => p.Texts).Where(t => t.StartsWith('第')).ToList();
        Assert.Equal([.. Rows(200).Select(r => r.Cells[0])], rows);
        var setup = new PageSetup();
        Assert.All(layout.Pages.SelectMany(p => p.Ops.OfType<TextOp>()), t => Assert.InRange(t.Top, setup.BodyTop, setup.BodyBottom));
    }

    [Fact]
    public void The_contents_give_the_page_each_heading_landed_on()
    {
        var document = new ReportDocument("テスト", "作成")
            .Paragraph("表紙").PageBreak()
            .Contents()
            .Heading("概要", startsPage: true).Paragraph("本文")
            .Heading("詳細", startsPage: true).Table(Columns, Rows(120))
            .Heading("学年別", level: 2).Table(Columns, Rows(40))
            .Heading("注記", startsPage: true).Paragraph("注記の本文");

        var layout = document.Layout();

        Assert.Equal(["概要", "詳細", "学年別", "注記"], layout.Headings.Select(h => h.Text));
        foreach (var heading in layout.Headings)
        {
            Assert.Contains(heading.Text, layout.Pages[heading.Page - 1].Texts);
        }

        var contents = layout.Pages[1].Texts.ToList();
        foreach (var heading in layout.Headings)
        {
            var at = contents.IndexOf(heading.Text);
            Assert.True(at >= 0, $"{heading.Text} is not in the contents");
        }

        Assert.Equal(layout.Headings.Select(h => h.Page.ToString(CultureInfo.InvariantCulture)), contents.Where(t => t.All(char.IsAsciiDigit)));
        Assert.Equal(layout.Pages.Count, layout.Headings[^1].Page);
    }

    [Fact]
    public void A_heading_never_ends_a_page_without_what_follows_it()
    {
        var filler = string.Concat(Enumerable.Repeat("津山市の学習状況を中学校区ごとにまとめました。", 160));
        var document = new ReportDocument("テスト", "作成").Paragraph(filler).Heading("次の節").Table(Columns, Rows(5));

        var layout = document.Layout();

        var page = layout.Headings.Single().Page;
        Assert.Contains("第1中学校区", layout.Pages[page - 1].Texts);
    }

    [Fact]
    public void Japanese_lines_wrap_within_the_width_and_never_start_with_closing_punctuation()
    {
        var text = string.Concat(Enumerable.Repeat("長期欠席（30日以上）は、出席停止と忌引を含みません。", 12));

        var lines = LineBreaker.Wrap(text, 200, TextStyle.Body, TextMeasurer.Instance);

        Assert.True(lines.Count > 5);
        Assert.Equal(text, string.Concat(lines));
        Assert.All(lines, l => Assert.True(TextMeasurer.Instance.Width(l, TextStyle.Body) <= 200.001, l));
        Assert.All(lines.Skip(1), l => Assert.DoesNotContain(l[0], "、。）」"));
        Assert.All(lines.SkipLast(1), l => Assert.DoesNotContain(l[^1], "（「"));
    }

    [Fact]
    public void Latin_words_break_at_spaces()
    {
        var lines = LineBreaker.Wrap("score.scaled mastery by unit and subject", 80, TextStyle.Body, TextMeasurer.Instance);

        Assert.All(lines, l => Assert.DoesNotContain(l, w => w == ' ' && l.EndsWith(' ')));
        Assert.Equal("score.scaled mastery by unit and subject", string.Join(" ", lines));
    }

    [SkippableFact]
    public async Task The_pdf_has_the_laid_out_pages_numbered_with_the_font_embedded()
    {
        var document = new ReportDocument("学習状況レポート", "作成 2026年11月25日 10:00")
            .Contents().Heading("一覧", startsPage: true).Table(Columns, Rows(150));
        var layout = document.Layout();

        var pdf = document.ToPdf();

        Assert.Equal(layout.Pages.Count, await Poppler.PageCountAsync(pdf));
        var pages = await Poppler.PagesAsync(pdf);
        Assert.Equal(layout.Pages.Count, pages.Count);
        for (var n = 1; n <= pages.Count; n++)
        {
            Assert.Matches(Poppler.PageNumber(n, pages.Count), pages[n - 1]);
            Assert.Contains("作成 2026年11月25日 10:00", pages[n - 1], StringComparison.Ordinal);
        }

        Assert.Contains("第150中学校区", pages[^1], StringComparison.Ordinal);
        var fonts = await Poppler.FontsAsync(pdf);
        Assert.NotEmpty(fonts);
        Assert.All(fonts, f => Assert.True(f.Embedded && f.Name.Contains("BIZ UDPGothic", StringComparison.Ordinal), f.Name));
    }
}
