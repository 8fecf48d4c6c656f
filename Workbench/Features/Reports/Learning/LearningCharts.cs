using ScottPlot;
using Workbench.Data.Learning.Board;
using Workbench.Domain.Learning;
using Workbench.Features.Reports.Pdf;

namespace Workbench.Features.Reports.Learning;

/// <summary>A chart as a PNG, with its pixel size for the layout.</summary>
public sealed record ChartImage(byte[] Png, int Width, int Height);

/// <summary>
/// The report's charts, drawn by ScottPlot in the report face. They plot only published figures: a group whose
/// counts are hidden keeps its place with a note instead of a bar, a mean under the threshold is left out.
/// </summary>
public static class LearningCharts
{
    private const int Width = 1000;
    private const float FontSize = 20;
    private static readonly Color[] BandColors = [Color.FromHex("#D55E00"), Color.FromHex("#E6B800"), Color.FromHex("#0072B2")];
    private static readonly Color[] Series =
    [
        Color.FromHex("#0072B2"), Color.FromHex("#D55E00"), Color.FromHex("#009E73"), Color.FromHex("#CC79A7"),
        Color.FromHex("#E69F00"), Color.FromHex("#56B4E9"), Color.FromHex("#555555"), Color.FromHex("#8C564B"), Color.FromHex("#1A1A1A"),
    ];

    /// <summary>Each group's pupils by mastery band as shares of 100 %, one horizontal bar per group.</summary>
    public static ChartImage MasteryShares(MasteryTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        var plot = NewPlot();
        var rows = table.Rows.Count;
        var bars = new List<Bar>();
        var labels = new string[rows];
        for (var i = 0; i < rows; i++)
        {
            var position = rows - 1 - i; // first group on top
            var total = table.Counts.RowTotals[i];
            var hidden = total.IsHidden || Enumerable.Range(0, 3).Any(j => table.Counts.Cells[i, j].IsHidden) || total.Value == 0;
            labels[i] = hidden ? $"{table.Rows[i]}（秘匿）" : table.Rows[i];
            if (hidden)
            {
                continue;
            }

            var start = 0.0;
            for (var j = 0; j < 3; j++)
            {
                var share = 100.0 * table.Counts.Cells[i, j].Value / total.Value;
                bars.Add(new Bar { Position = position, ValueBase = start, Value = start + share, FillColor = BandColors[j], LineWidth = 0, Size = 0.7 });
                start += share;
            }
        }

        var series = plot.Add.Bars(bars);
        series.Horizontal = true;
        plot.Axes.Left.SetTicks([.. Enumerable.Range(0, rows).Select(i => (double)(rows - 1 - i))], labels);
        plot.Axes.SetLimits(0, 100, -0.6, rows - 0.4);
        plot.XLabel("割合（%）");
        Legend(plot, [.. MasteryBands.All.Select(MasteryBands.Label)], BandColors);
        return Render(plot, 120 + (rows * 46));
    }

    /// <summary>Mean mastery of one subject by grade, a bar per group within each grade (published means only).</summary>
    public static ChartImage GradeMeans(GradeMeans means)
    {
        ArgumentNullException.ThrowIfNull(means);
        var plot = NewPlot();
        var groups = means.Groups.Count;
        var width = 0.8 / Math.Max(groups, 1);
        for (var g = 0; g < groups; g++)
        {
            var bars = Enumerable.Range(0, means.Grades.Count)
                .Where(j => means.Means[g, j] is not null)
                .Select(j => new Bar { Position = j - 0.4 + (width * (g + 0.5)), Value = means.Means[g, j]!.Value, FillColor = Series[g % Series.Length], LineWidth = 0, Size = width * 0.9 })
                .ToList();
            var series = plot.Add.Bars(bars);
            series.LegendText = means.Groups[g];
        }

        plot.Axes.Bottom.SetTicks([.. Enumerable.Range(0, means.Grades.Count).Select(j => (double)j)], [.. means.Grades]);
        plot.Axes.SetLimits(-0.6, means.Grades.Count - 0.4, 0, 1);
        plot.YLabel("定着度の平均");
        plot.ShowLegend(Edge.Bottom);
        return Render(plot, 420 + (28 * ((groups + 2) / 3)));
    }

    /// <summary>Mean mastery per group across 学期, one line per group (points only where published).</summary>
    public static ChartImage Trend(MasteryTrend trend)
    {
        ArgumentNullException.ThrowIfNull(trend);
        var plot = NewPlot();
        for (var g = 0; g < trend.Groups.Count; g++)
        {
            var points = Enumerable.Range(0, trend.Terms.Count).Where(t => trend.Means[g, t] is not null).ToList();
            if (points.Count == 0)
            {
                continue;
            }

            double[] xs = [.. points.Select(t => (double)t)];
            double[] ys = [.. points.Select(t => trend.Means[g, t]!.Value)];
            var line = plot.Add.Scatter(xs, ys, Series[g % Series.Length]);
            line.LegendText = trend.Groups[g];
            line.LineWidth = 3;
            line.MarkerSize = 9;
        }

        plot.Axes.Bottom.SetTicks([.. Enumerable.Range(0, trend.Terms.Count).Select(t => (double)t)], [.. trend.Terms.Select(t => t.Label)]);
        plot.Axes.SetLimitsX(-0.3, Math.Max(trend.Terms.Count - 0.7, 0.7));
        var lowest = Enumerable.Range(0, trend.Groups.Count).SelectMany(g => Enumerable.Range(0, trend.Terms.Count).Select(t => trend.Means[g, t])).Min() ?? 0;
        plot.Axes.SetLimitsY(Math.Min(0, Math.Floor(lowest * 10) / 10), 1); // the whole scale, so small changes look small
        plot.YLabel("定着度の平均（score.scaled）");
        plot.ShowLegend(Edge.Bottom);
        return Render(plot, 560);
    }

    /// <summary>不登校 rates per group (published ones), the scope's rate and the national one as reference lines.</summary>
    public static ChartImage FutokoRates(AbsenceTable absence, NationalFigure national)
    {
        ArgumentNullException.ThrowIfNull(absence);
        ArgumentNullException.ThrowIfNull(national);
        var plot = NewPlot();
        var rows = absence.Groups.Count;
        var labels = new string[rows];
        var bars = new List<Bar>();
        for (var i = 0; i < rows; i++)
        {
            var rate = absence.FutokoRates[i];
            labels[i] = rate is null ? $"{absence.Groups[i]}（秘匿）" : absence.Groups[i];
            if (rate is { } r)
            {
                bars.Add(new Bar { Position = rows - 1 - i, Value = 100 * r, FillColor = Series[0], LineWidth = 0, Size = 0.6 });
            }
        }

        var series = plot.Add.Bars(bars);
        series.Horizontal = true;
        var nationalLine = plot.Add.VerticalLine(100 * national.Rate, 3, Series[1]);
        nationalLine.LegendText = $"全国 {100 * national.Rate:0.0}%（{FiscalYearName(national.FiscalYear)}）";
        if (absence.TotalFutokoRate is { } total)
        {
            var scopeLine = plot.Add.VerticalLine(100 * total, 3, Series[2]);
            scopeLine.LinePattern = LinePattern.Dashed;
            scopeLine.LegendText = $"全体 {100 * total:0.0}%";
        }

        plot.Axes.Left.SetTicks([.. Enumerable.Range(0, rows).Select(i => (double)(rows - 1 - i))], labels);
        var max = Math.Max(100 * national.Rate, bars.Count == 0 ? 0 : bars.Max(b => b.Value));
        plot.Axes.SetLimits(0, Math.Ceiling((max * 1.25) + 0.5), -0.6, rows - 0.4);
        plot.XLabel("不登校の割合（%）");
        plot.ShowLegend(Edge.Bottom);
        return Render(plot, 160 + (rows * 46));
    }

    private static string FiscalYearName(int year) => Domain.Calendar.FiscalCalendar.ReiwaFiscalYearName(year);

    private static Plot NewPlot()
    {
        ReportFonts.Install();
        var plot = new Plot();
        plot.Font.Set(ReportFonts.Family);
        plot.Axes.Left.TickLabelStyle.FontSize = FontSize;
        plot.Axes.Bottom.TickLabelStyle.FontSize = FontSize;
        plot.Axes.Left.Label.FontSize = FontSize;
        plot.Axes.Bottom.Label.FontSize = FontSize;
        plot.Legend.FontSize = FontSize;
        plot.Grid.MajorLineColor = Color.FromHex("#E5E5E5");
        plot.Axes.Right.MinimumSize = 30; // room for the last tick label of the bottom axis
        return plot;
    }

    private static void Legend(Plot plot, IReadOnlyList<string> labels, Color[] colors)
    {
        for (var i = 0; i < labels.Count; i++)
        {
            plot.Legend.ManualItems.Add(new LegendItem { LabelText = labels[i], FillColor = colors[i] });
        }

        plot.ShowLegend(Edge.Bottom);
    }

    private static ChartImage Render(Plot plot, int height)
    {
        var png = plot.GetImageBytes(Width, height, ImageFormat.Png);
        return new ChartImage(png, Width, height);
    }
}
