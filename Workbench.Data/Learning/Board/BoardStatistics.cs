using Microsoft.Extensions.Options;
using Workbench.Domain.Access;
using Workbench.Domain.Learning;
using Workbench.Domain.Privacy;

namespace Workbench.Data.Learning.Board;

/// <summary>
/// The school and city views of the board of education: the per-school aggregates of <see cref="BoardQueries"/>
/// summed into school groups and passed, every count, through <see cref="SmallCellSuppression"/> (with the
/// complementary cells its totals need). Pages, the PDF report and exports read these views, never the raw rows.
/// </summary>
public sealed class BoardStatistics
{
    private static readonly string[] SubjectOrder = ["国語", "算数", "数学", "理科", "社会", "生活", "英語", "外国語"];
    private readonly BoardQueries queries;
    private readonly BoardOptions options;
    private readonly SmallCellSuppression suppression;

    private readonly MasteryBands bands;

    internal BoardStatistics(BoardQueries queries, IOptions<BoardOptions> options, MasteryBands bands)
    {
        this.bands = bands;
        this.queries = queries;
        this.options = options.Value;
        suppression = new SmallCellSuppression(this.options.SuppressionThreshold);
    }

    public int Threshold => suppression.Threshold;

    /// <summary>The 年度 a view or report can be made for, newest first.</summary>
    public Task<IReadOnlyList<int>> FiscalYearsAsync(CancellationToken cancellationToken) => queries.FiscalYearsAsync(cancellationToken);

    public async Task<BoardOverview> OverviewAsync(Caller caller, BoardRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var period = request.Period;
        // The views' queries are independent of each other: they run side by side, each on its own connection and pool
        // thread (the embedded engine's calls block).
        var schoolsQuery = Task.Run(() => queries.SchoolsAsync(caller, period.FiscalYear, cancellationToken), cancellationToken);
        var masteryQuery = Task.Run(() => queries.MasteryAsync(caller, period, cancellationToken), cancellationToken);
        var previousMasteryQuery = Task.Run(() => queries.MasteryAsync(caller, period.Previous, cancellationToken), cancellationToken);
        var termsQuery = Task.Run(() => queries.TermTrendAsync(caller, period.FiscalYear - 1, period.FiscalYear, cancellationToken), cancellationToken);
        var absenceQuery = Task.Run(() => queries.AbsenceAsync(caller, period, cancellationToken), cancellationToken);
        var previousAbsenceQuery = Task.Run(() => queries.AbsenceAsync(caller, period.Previous, cancellationToken), cancellationToken);
        var asOfQuery = Task.Run(() => queries.AsOfAsync(caller, period, cancellationToken), cancellationToken);
        await Task.WhenAll(schoolsQuery, masteryQuery, previousMasteryQuery, termsQuery, absenceQuery, previousAbsenceQuery, asOfQuery);
        var groups = new SchoolGroups(schoolsQuery.Result, request.Grouping);
        var (mastery, previousMastery, terms, asOf) = (masteryQuery.Result, previousMasteryQuery.Result, termsQuery.Result, asOfQuery.Result);
        var absence = Absence(groups, absenceQuery.Result);
        var previousAbsence = Absence(groups, previousAbsenceQuery.Result);

        var subjects = Subjects(groups, mastery);
        var schools = groups.Groups.Sum(g => g.SchoolNames.Count);
        return new BoardOverview(
            request,
            BoardScope.IsCityWide(caller),
            asOf,
            groups.Groups,
            subjects,
            Trend(groups, terms, period),
            absence,
            previousAbsence,
            Figures(period, schools, subjects, absence),
            Figures(period.Previous, schools, Subjects(groups, previousMastery), previousAbsence),
            NationalFigures.Futoko2023,
            Threshold,
            bands,
            options.Absence);
    }

    private List<SubjectMastery> Subjects(SchoolGroups groups, IReadOnlyList<SchoolMastery> rows) =>
    [
        .. rows.GroupBy(r => r.Subject, StringComparer.Ordinal)
            .OrderBy(s => SubjectRank(s.Key)).ThenBy(s => s.Key, StringComparer.Ordinal)
            .Select(s => new SubjectMastery(ByGroup(groups, s.Key, [.. s]), ByGrade(groups, s.Key, [.. s]))),
    ];

    private MasteryTable ByGroup(SchoolGroups groups, string subject, List<SchoolMastery> rows)
    {
        var names = groups.Groups.Select(g => g.Name).ToList();
        var counts = new long[names.Count, 3];
        var sums = new double[names.Count];
        foreach (var row in rows)
        {
            var g = groups.RowOf(row.SchoolKey);
            if (g < 0)
            {
                continue;
            }

            counts[g, 0] += row.NeedsSupport;
            counts[g, 1] += row.Almost;
            counts[g, 2] += row.Secure;
            sums[g] += row.MasterySum;
        }

        var pupils = Enumerable.Range(0, names.Count).Select(g => counts[g, 0] + counts[g, 1] + counts[g, 2]).ToList();
        return new MasteryTable(
            subject,
            names,
            suppression.Table(counts),
            [.. Enumerable.Range(0, names.Count).Select(g => Mean(sums[g], pupils[g]))],
            Mean(sums.Sum(), pupils.Sum()));
    }

    private GradeMeans ByGrade(SchoolGroups groups, string subject, List<SchoolMastery> rows)
    {
        var grades = rows.Select(r => r.Grade).Distinct(StringComparer.Ordinal).OrderBy(GradeRank).ThenBy(g => g, StringComparer.Ordinal).ToList();
        var names = groups.Groups.Select(g => g.Name).ToList();
        var sums = new double[names.Count, grades.Count];
        var pupils = new long[names.Count, grades.Count];
        foreach (var row in rows)
        {
            var g = groups.RowOf(row.SchoolKey);
            if (g >= 0)
            {
                var j = grades.IndexOf(row.Grade);
                sums[g, j] += row.MasterySum;
                pupils[g, j] += row.Pupils;
            }
        }

        var means = new double?[names.Count, grades.Count];
        for (var g = 0; g < names.Count; g++)
        {
            for (var j = 0; j < grades.Count; j++)
            {
                means[g, j] = Mean(sums[g, j], pupils[g, j]);
            }
        }

        var overall = Enumerable.Range(0, grades.Count)
            .Select(j => Mean(Enumerable.Range(0, names.Count).Sum(g => sums[g, j]), Enumerable.Range(0, names.Count).Sum(g => pupils[g, j])))
            .ToList();
        return new GradeMeans(subject, names, [.. grades.Select(GradeLabel)], means, overall);
    }

    private MasteryTrend Trend(SchoolGroups groups, IReadOnlyList<SchoolTermMastery> rows, BoardPeriod period)
    {
        var terms = rows.Select(r => new TermPoint(r.FiscalYear, r.Term))
            .Where(t => t.FiscalYear < period.FiscalYear || t.Term <= (period.Term ?? 3))
            .Distinct().OrderBy(t => t.FiscalYear).ThenBy(t => t.Term).ToList();
        var names = groups.Groups.Select(g => g.Name).ToList();
        var sums = new double[names.Count, terms.Count];
        var pupils = new long[names.Count, terms.Count];
        var bands = new long[terms.Count, 3];
        var termSums = new double[terms.Count];
        foreach (var row in rows)
        {
            var t = terms.IndexOf(new TermPoint(row.FiscalYear, row.Term));
            var g = groups.RowOf(row.SchoolKey);
            if (t < 0 || g < 0)
            {
                continue;
            }

            sums[g, t] += row.MasterySum;
            pupils[g, t] += row.Pupils;
            bands[t, 0] += row.NeedsSupport;
            bands[t, 1] += row.Almost;
            bands[t, 2] += row.Secure;
            termSums[t] += row.MasterySum;
        }

        var means = new double?[names.Count, terms.Count];
        for (var g = 0; g < names.Count; g++)
        {
            for (var t = 0; t < terms.Count; t++)
            {
                means[g, t] = Mean(sums[g, t], pupils[g, t]);
            }
        }

        var termPupils = Enumerable.Range(0, terms.Count).Select(t => bands[t, 0] + bands[t, 1] + bands[t, 2]).ToList();
        var termLabels = terms.Select(t => t.Label).ToList();
        var termMeans = Enumerable.Range(0, terms.Count).Select(t => Mean(termSums[t], termPupils[t])).ToList();

        // Each 学期 counts pupils anew, so a total down the 学期 would mean nothing: rows only carry their own total.
        var table = new MasteryTable("全教科", termLabels, suppression.Table(bands, rowTotals: true, columnTotals: false), termMeans, null);
        return new MasteryTrend(terms, names, means, termMeans, table);
    }

    private AbsenceTable Absence(SchoolGroups groups, IReadOnlyList<SchoolAbsence> rows)
    {
        var n = groups.Groups.Count;
        var enrolled = new long[n];
        var split = new long[n, 2];
        var atRisk = new long[n];
        foreach (var row in rows)
        {
            var g = groups.RowOf(row.SchoolKey);
            if (g < 0)
            {
                continue;
            }

            enrolled[g] += row.Enrolled;
            split[g, 0] += row.Futoko;
            split[g, 1] += row.LongAbsent - row.Futoko;
            atRisk[g] += row.AtRisk;
        }

        var enrolledSeries = suppression.Series(enrolled);
        var longAbsence = suppression.Table(split);
        return new AbsenceTable(
            [.. groups.Groups.Select(g => g.Name)],
            enrolledSeries,
            longAbsence,
            suppression.Series(atRisk),
            [.. Enumerable.Range(0, n).Select(g => Rate(longAbsence.RowTotals[g], enrolledSeries.Counts[g]))],
            [.. Enumerable.Range(0, n).Select(g => Rate(longAbsence.Cells[g, 0], enrolledSeries.Counts[g]))],
            Rate(longAbsence.GrandTotal, enrolledSeries.Total),
            Rate(longAbsence.ColumnTotals[0], enrolledSeries.Total));
    }

    private static PeriodFigures Figures(BoardPeriod period, int schools, List<SubjectMastery> subjects, AbsenceTable absence)
    {
        var tables = subjects.Select(s => s.ByGroup).ToList();
        var pairs = tables.Sum(t => t.Counts.GrandTotal.Value);
        var sum = tables.Sum(t => t.OverallMean is { } m ? m * t.Counts.GrandTotal.Value : 0);

        // A share over all subjects adds the subjects' totals up: only when none of them is hidden.
        var allShown = tables.All(t => !t.Counts.GrandTotal.IsHidden && !t.Counts.ColumnTotals[2].IsHidden && t.OverallMean is not null);
        return new PeriodFigures(
            period,
            schools,
            absence.Enrolled.Total,
            allShown && pairs > 0 ? sum / pairs : null,
            allShown && pairs > 0 ? (double)tables.Sum(t => t.Counts.ColumnTotals[2].Value) / pairs : null,
            absence.LongAbsence.GrandTotal,
            absence.TotalLongAbsenceRate,
            absence.LongAbsence.ColumnTotals[0],
            absence.TotalFutokoRate,
            absence.AtRisk.Total);
    }

    private double? Mean(double sum, long pupils) => pupils >= Threshold ? sum / pupils : null;

    private static double? Rate(SuppressedCount count, SuppressedCount of) =>
        count.IsHidden || of.IsHidden || of.Value == 0 ? null : (double)count.Value / of.Value;

    private static int SubjectRank(string subject)
    {
        var i = Array.IndexOf(SubjectOrder, subject);
        return i < 0 ? SubjectOrder.Length : i;
    }

    private static int GradeRank(string grade) => grade switch
    {
        ['P', var d] when char.IsAsciiDigit(d) => d - '0',
        ['J', var d] when char.IsAsciiDigit(d) => 6 + (d - '0'),
        _ => 99,
    };

    /// <summary>P3 → 小3, J1 → 中1 (the way schools say it).</summary>
    public static string GradeLabel(string grade) => grade switch
    {
        ['P', var d] => $"小{d}",
        ['J', var d] => $"中{d}",
        "" => "学年不明",
        _ => grade,
    };
}
