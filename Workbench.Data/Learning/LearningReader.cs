using Dapper;
using Workbench.Data.Warehouse;
using Workbench.Domain.Access;
using Workbench.Domain.Calendar;
using Workbench.Domain.Learning;

namespace Workbench.Data.Learning;

/// <summary>
/// Who a learning query is about: the caller's classes in a 年度, narrowed to one class and/or one pupil. The SQL
/// resolves the scope from the caller's name (user_class_scope), so a key outside it simply matches nothing.
/// </summary>
internal sealed record LearningScope(Caller Caller, int FiscalYear, string? ClassKey = null, string? PupilKey = null);

/// <summary>
/// Runs the shared learning SQL files and shapes their rows for the query classes. Each query runs on its own
/// connection on a pool thread, so a page's queries run side by side: DuckDB answers each of these small queries on
/// about one core, and the page waits for the slowest rather than the sum (DESIGN §7). The engine's calls block, so
/// a process-wide gate keeps the queries running at once to a few per core, whatever the number of users.
/// </summary>
internal sealed class LearningReader(SqlCatalogue sql, IWarehouseConnectionFactory connections)
{
    private static readonly SemaphoreSlim Running = new(2 * Environment.ProcessorCount);

    /// <summary>The class if it is one of the caller's in the 年度, else null.</summary>
    public async Task<ClassSummary?> ClassAsync(Caller caller, int fiscalYear, string classKey, CancellationToken cancellationToken) =>
        (await QueryAsync<ClassSummary>("learning/my_classes", new { user_name = caller.UserName, fiscal_year = fiscalYear }, cancellationToken))
            .FirstOrDefault(c => c.ClassKey == classKey);

    /// <summary>The filter's subject, or a subject class's own subject when none was chosen (its units are its subject's).</summary>
    public static string? SubjectFor(ClassSummary theClass, LearningFilter filter) =>
        filter.Subject ?? (theClass.ClassType == "scheduled" ? theClass.Subject : null);

    public Task<List<ScopedPupilRow>> PupilsAsync(LearningScope scope, CancellationToken cancellationToken) =>
        QueryAsync<ScopedPupilRow>("learning/scoped_pupils", new
        {
            user_name = scope.Caller.UserName,
            fiscal_year = scope.FiscalYear,
            class_key = scope.ClassKey,
            pupil_key = scope.PupilKey,
            with_names = scope.Caller.SeesNames,
        }, cancellationToken);

    /// <summary>Per pupil and unit in the period (<paramref name="term"/> null: the 年度 up to <paramref name="toDateKey"/>).</summary>
    public Task<List<UnitScoreRow>> UnitScoresAsync(LearningScope scope, int? term, string? subject, int toDateKey, CancellationToken cancellationToken) =>
        QueryAsync<UnitScoreRow>("learning/pupil_unit_scores", new
        {
            user_name = scope.Caller.UserName,
            fiscal_year = scope.FiscalYear,
            class_key = scope.ClassKey,
            pupil_key = scope.PupilKey,
            term,
            subject,
            from_date_key = FirstDateKey(scope),
            to_date_key = toDateKey,
        }, cancellationToken);

    /// <summary>Each pupil's attendance rows in the period, by status, counted from the rows <see cref="SeriesAsync"/> read.</summary>
    public static Dictionary<string, AttendanceCounts> AttendanceCounts(IReadOnlyDictionary<string, PupilSeries> series, LearningPeriod period) =>
        series.ToDictionary(s => s.Key, s => Count(s.Value.Attendance.Where(d => period.Contains(d.Date))), StringComparer.Ordinal);

    private static AttendanceCounts Count(IEnumerable<AttendanceDay> days)
    {
        var byStatus = days.GroupBy(d => d.Status, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        int Of(string status) => byStatus.GetValueOrDefault(status);
        return new AttendanceCounts(
            Of(AttendanceStatus.Present), Of(AttendanceStatus.Late), Of(AttendanceStatus.LeftEarly),
            Of(AttendanceStatus.Absent), Of(AttendanceStatus.Suspended), Of(AttendanceStatus.Mourning));
    }

    /// <summary>
    /// What the early-warning rules read, per pupil: the 年度's attendance, weeks and units up to the end of the period
    /// (a 学期 is judged with what came before it), for the subject if one is chosen.
    /// </summary>
    /// <param name="yearScores">The unit scores of the 年度 up to the period's end (the caller may have them running already).</param>
    public async Task<Dictionary<string, PupilSeries>> SeriesAsync(
        LearningScope scope, LearningPeriod period, string? subject, Task<List<UnitScoreRow>> yearScores, CancellationToken cancellationToken)
    {
        var parameters = new
        {
            user_name = scope.Caller.UserName,
            fiscal_year = scope.FiscalYear,
            class_key = scope.ClassKey,
            pupil_key = scope.PupilKey,
            from_date_key = FirstDateKey(scope),
            to_date_key = period.ToDateKey,
        };
        var daysQuery = QueryAsync<AttendanceDayRow>("learning/pupil_attendance_days", parameters, cancellationToken);
        var activityQuery = QueryAsync<ActivityWeekRow>("learning/pupil_activity_weeks", new
        {
            parameters.user_name,
            parameters.fiscal_year,
            parameters.class_key,
            parameters.pupil_key,
            subject,
            parameters.from_date_key,
            parameters.to_date_key,
        }, cancellationToken);
        await Task.WhenAll(daysQuery, activityQuery, yearScores);
        var days = daysQuery.Result.ToLookup(r => r.PupilKey, r => new AttendanceDay(r.Date, r.Status, r.Reason), StringComparer.Ordinal);
        var activity = activityQuery.Result.ToLookup(r => r.PupilKey, StringComparer.Ordinal);
        var units = yearScores.Result
            .Where(r => r.Best is not null && r.UnitKey is not null)
            .ToLookup(r => r.PupilKey, r => new UnitResult(r.UnitKey!, r.UnitTitle, r.Subject, r.FirstActivity, r.Best!.Value), StringComparer.Ordinal);

        return days.Select(g => g.Key).Concat(activity.Select(g => g.Key)).Concat(units.Select(g => g.Key)).Distinct(StringComparer.Ordinal)
            .ToDictionary(pupil => pupil, pupil => new PupilSeries([.. days[pupil]], Weeks(activity[pupil], days[pupil]), [.. units[pupil]]), StringComparer.Ordinal);
    }

    /// <summary>A pupil's weeks with activity or school days; a week's school days are the days with an attendance row.</summary>
    private static List<WeeklyActivity> Weeks(IEnumerable<ActivityWeekRow> activity, IEnumerable<AttendanceDay> days)
    {
        var schoolDays = days.GroupBy(d => d.Date.AddDays(-(((int)d.Date.DayOfWeek + 6) % 7))).ToDictionary(g => g.Key, g => g.Count());
        var active = activity.ToDictionary(a => a.WeekStart);
        return
        [
            .. active.Keys.Union(schoolDays.Keys).Order().Select(week => new WeeklyActivity(
                week, active.GetValueOrDefault(week)?.Statements ?? 0, active.GetValueOrDefault(week)?.Minutes ?? 0, schoolDays.GetValueOrDefault(week))),
        ];
    }

    /// <summary>
    /// The school's and the city's figures per unit for the class's period (<c>agg_unit_best</c>), by unit. They hold
    /// whole 学期 and 年度, which is right while a period always ends with its 学期 or 年度 (<see cref="LearningPeriod.To"/>).
    /// </summary>
    public async Task<Dictionary<string, OtherPupilsRow>> OtherPupilsAsync(LearningScope scope, LearningPeriod period, CancellationToken cancellationToken) =>
        (await QueryAsync<OtherPupilsRow>("learning/unit_comparison", new
        {
            user_name = scope.Caller.UserName,
            fiscal_year = scope.FiscalYear,
            class_key = scope.ClassKey,
            term = period.Term,
        }, cancellationToken)).ToDictionary(r => r.UnitKey, StringComparer.Ordinal);

    /// <summary>
    /// Per unit the class has scores on: its pupils with a best score and their mean, beside the school's and the
    /// city's. <paramref name="classScores"/> are the unit scores of every pupil of the class in the period.
    /// </summary>
    public static List<UnitComparisonRow> Compare(IReadOnlyList<UnitScoreRow> classScores, IReadOnlyDictionary<string, OtherPupilsRow> others) =>
    [
        .. classScores.Where(r => r.UnitKey is not null && r.Best is not null)
            .GroupBy(r => r.UnitKey!, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g =>
            {
                var other = others.GetValueOrDefault(g.Key);
                return new UnitComparisonRow(
                    g.Key, g.LongCount(), g.Average(r => r.Best!.Value),
                    other?.SchoolPupils ?? 0, MeanOf(other?.SchoolBestSum, other?.SchoolPupils),
                    other?.CityPupils ?? 0, MeanOf(other?.CityBestSum, other?.CityPupils));
            }),
    ];

    private static double? MeanOf(double? sum, long? count) => count is > 0 && sum is { } total ? total / count.Value : null;

    /// <summary>
    /// The pupils as the pages show them. Moved in: began after the 年度's first day and after the class's earliest
    /// begin date (a roster that gives every pupil the first school day moves nobody); moved out likewise at the end.
    /// </summary>
    public static List<PupilInClass> ToPupils(IEnumerable<ScopedPupilRow> rows, int fiscalYear) =>
    [
        .. rows.GroupBy(r => r.ClassKey, StringComparer.Ordinal).SelectMany(c =>
        {
            var (first, last) = (FiscalCalendar.FirstDayOf(fiscalYear), FiscalCalendar.LastDayOf(fiscalYear));
            var classBegins = c.Min(r => r.BeginDate ?? first);
            var classEnds = c.Max(r => r.EndDate ?? last);
            return c.Select(r => new PupilInClass(
                r.ClassKey, r.ClassTitle, r.PupilKey, r.ShussekiNo, r.Name, r.Kana, r.Grade, r.BeginDate, r.EndDate,
                MovedIn: r.BeginDate > first && r.BeginDate > classBegins,
                MovedOut: r.EndDate < last && r.EndDate < classEnds));
        }),
    ];

    /// <summary>The units worth a column: those of a known subject, or with a score (not the portal's log-in page).</summary>
    public static List<LearningUnit> UnitsOf(IEnumerable<UnitScoreRow> rows) =>
    [
        .. rows.Where(r => r.UnitKey is not null && (r.Subject is not null || r.Best is not null))
            .GroupBy(r => r.UnitKey!, StringComparer.Ordinal)
            .Select(g => new LearningUnit(g.Key, g.First().UnitTitle, g.First().Subject, g.Min(r => r.FirstActivity)))
            .OrderBy(u => u.FirstActivity).ThenBy(u => u.UnitKey, StringComparer.Ordinal),
    ];

    public static PupilUnitScore ToScore(UnitScoreRow row, MasteryBands bands) =>
        new(row.UnitKey!, row.Statements, row.ScoredStatements, row.Mean, row.Best, bands.Of(row.Best));

    private static int FirstDateKey(LearningScope scope) => FiscalCalendar.DateKeyOf(FiscalCalendar.FirstDayOf(scope.FiscalYear));

    private Task<List<T>> QueryAsync<T>(string name, object parameters, CancellationToken cancellationToken) => Task.Run(async () =>
    {
        await Running.WaitAsync(cancellationToken);
        try
        {
            await using var connection = await connections.OpenAsync(cancellationToken);
            return (await connection.QueryAsync<T>(new CommandDefinition(sql[name], parameters, cancellationToken: cancellationToken))).AsList();
        }
        finally
        {
            Running.Release();
        }
    }, cancellationToken);
}
