using System.Data.Common;
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

/// <summary>Runs the shared learning SQL files on an open connection and shapes their rows for the query classes.</summary>
internal sealed class LearningReader(SqlCatalogue sql)
{
    /// <summary>The class if it is one of the caller's in the 年度, else null.</summary>
    public async Task<ClassSummary?> ClassAsync(DbConnection connection, Caller caller, int fiscalYear, string classKey, CancellationToken cancellationToken) =>
        (await connection.QueryAsync<ClassSummary>(Command("learning/my_classes", new { user_name = caller.UserName, fiscal_year = fiscalYear }, cancellationToken)))
            .FirstOrDefault(c => c.ClassKey == classKey);

    /// <summary>The filter's subject, or a subject class's own subject when none was chosen (its units are its subject's).</summary>
    public static string? SubjectFor(ClassSummary theClass, LearningFilter filter) =>
        filter.Subject ?? (theClass.ClassType == "scheduled" ? theClass.Subject : null);

    public async Task<List<ScopedPupilRow>> PupilsAsync(DbConnection connection, LearningScope scope, CancellationToken cancellationToken) =>
    [
        .. await connection.QueryAsync<ScopedPupilRow>(Command("learning/scoped_pupils", new
        {
            user_name = scope.Caller.UserName,
            fiscal_year = scope.FiscalYear,
            class_key = scope.ClassKey,
            pupil_key = scope.PupilKey,
            with_names = scope.Caller.SeesNames,
        }, cancellationToken)),
    ];

    /// <summary>Per pupil and unit in the period (<paramref name="term"/> null: the 年度 up to <paramref name="toDateKey"/>).</summary>
    public async Task<List<UnitScoreRow>> UnitScoresAsync(
        DbConnection connection, LearningScope scope, int? term, string? subject, int toDateKey, CancellationToken cancellationToken) =>
    [
        .. await connection.QueryAsync<UnitScoreRow>(Command("learning/pupil_unit_scores", new
        {
            user_name = scope.Caller.UserName,
            fiscal_year = scope.FiscalYear,
            class_key = scope.ClassKey,
            pupil_key = scope.PupilKey,
            term,
            subject,
            to_date_key = toDateKey,
        }, cancellationToken)),
    ];

    public async Task<Dictionary<string, AttendanceCounts>> AttendanceCountsAsync(
        DbConnection connection, LearningScope scope, LearningPeriod period, CancellationToken cancellationToken)
    {
        var rows = await connection.QueryAsync<AttendanceCountRow>(Command("learning/pupil_attendance_counts", new
        {
            user_name = scope.Caller.UserName,
            fiscal_year = scope.FiscalYear,
            class_key = scope.ClassKey,
            pupil_key = scope.PupilKey,
            term = period.Term,
            to_date_key = period.ToDateKey,
        }, cancellationToken));
        return rows.ToDictionary(
            r => r.PupilKey, r => new AttendanceCounts(r.Present, r.Late, r.LeftEarly, r.Absent, r.Suspended, r.Mourning), StringComparer.Ordinal);
    }

    /// <summary>
    /// What the early-warning rules read, per pupil: the 年度's attendance, weeks and units up to the end of the period
    /// (a 学期 is judged with what came before it), for the subject if one is chosen.
    /// </summary>
    /// <param name="yearScores">The unit scores of the 年度 up to the period's end when the caller has them already.</param>
    public async Task<Dictionary<string, PupilSeries>> SeriesAsync(
        DbConnection connection, LearningScope scope, LearningPeriod period, string? subject, IReadOnlyList<UnitScoreRow>? yearScores, CancellationToken cancellationToken)
    {
        var parameters = new
        {
            user_name = scope.Caller.UserName,
            fiscal_year = scope.FiscalYear,
            class_key = scope.ClassKey,
            pupil_key = scope.PupilKey,
            term = (int?)null,
            to_date_key = period.ToDateKey,
        };
        var days = (await connection.QueryAsync<AttendanceDayRow>(Command("learning/pupil_attendance_days", parameters, cancellationToken)))
            .ToLookup(r => r.PupilKey, r => new AttendanceDay(r.Date, r.Status, r.Reason), StringComparer.Ordinal);
        var weeks = (await connection.QueryAsync<ActivityWeekRow>(Command("learning/pupil_activity_weeks", new
        {
            parameters.user_name,
            parameters.fiscal_year,
            parameters.class_key,
            parameters.pupil_key,
            parameters.term,
            subject,
            parameters.to_date_key,
        }, cancellationToken))).ToLookup(r => r.PupilKey, ToWeek, StringComparer.Ordinal);
        var units = (yearScores ?? await UnitScoresAsync(connection, scope, null, subject, period.ToDateKey, cancellationToken))
            .Where(r => r.Best is not null && r.UnitKey is not null)
            .ToLookup(r => r.PupilKey, r => new UnitResult(r.UnitKey!, r.UnitTitle, r.Subject, r.FirstActivity, r.Best!.Value), StringComparer.Ordinal);

        return days.Select(g => g.Key).Concat(weeks.Select(g => g.Key)).Concat(units.Select(g => g.Key)).Distinct(StringComparer.Ordinal)
            .ToDictionary(pupil => pupil, pupil => new PupilSeries([.. days[pupil]], [.. weeks[pupil]], [.. units[pupil]]), StringComparer.Ordinal);
    }

    public async Task<List<UnitComparisonRow>> ComparisonAsync(
        DbConnection connection, LearningScope scope, LearningPeriod period, string? subject, CancellationToken cancellationToken) =>
    [
        .. await connection.QueryAsync<UnitComparisonRow>(Command("learning/unit_comparison", new
        {
            user_name = scope.Caller.UserName,
            fiscal_year = scope.FiscalYear,
            class_key = scope.ClassKey,
            term = period.Term,
            subject,
            to_date_key = period.ToDateKey,
        }, cancellationToken)),
    ];

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

    private static WeeklyActivity ToWeek(ActivityWeekRow row) => new(row.WeekStart, row.Statements, row.Minutes, row.SchoolDays);

    private CommandDefinition Command(string name, object parameters, CancellationToken cancellationToken) =>
        new(sql[name], parameters, cancellationToken: cancellationToken);
}
