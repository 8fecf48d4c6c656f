using Workbench.Data.Access;
using Workbench.Data.Warehouse;
using Workbench.Domain.Access;
using Workbench.Domain.Learning;

namespace Workbench.Data.Learning;

/// <summary>
/// The pupils of all the caller's classes in a 年度 with their early warnings, judged as of the end of the period (or
/// today). A pupil in several of the caller's classes appears once, under their homeroom when it is one of them.
/// Person-level: scoped in SQL, audited once.
/// </summary>
public sealed class EarlyWarningQuery(IWarehouseConnectionFactory connections, SqlCatalogue sql, AuditLog audit, TimeProvider time, EarlyWarningRules rules)
{
    private readonly LearningReader reader = new(sql, connections);

    /// <param name="flaggedOnly">Only pupils with at least one flag (the warnings list), or every pupil.</param>
    public async Task<IReadOnlyList<EarlyWarningRow>> GetAsync(Caller caller, LearningFilter filter, bool flaggedOnly, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(filter);
        var period = LearningPeriod.Of(filter, DateOnly.FromDateTime(time.GetLocalNow().DateTime));
        var scope = new LearningScope(caller, filter.FiscalYear);
        var scopedQuery = reader.PupilsAsync(scope, cancellationToken);
        var seriesQuery = reader.SeriesAsync(
            scope, period, filter.Subject, reader.UnitScoresAsync(scope, null, filter.Subject, period.ToDateKey, cancellationToken), cancellationToken);
        await Task.WhenAll(scopedQuery, seriesQuery);
        var (scoped, series) = (scopedQuery.Result, seriesQuery.Result);
        var homerooms = scoped.Where(r => r.ClassType == "homeroom").Select(r => r.ClassKey).ToHashSet(StringComparer.Ordinal);
        List<EarlyWarningRow> rows =
        [
            .. LearningReader.ToPupils(scoped, filter.FiscalYear)
                .GroupBy(p => p.PupilKey, StringComparer.Ordinal)
                .Select(g => g.FirstOrDefault(p => homerooms.Contains(p.ClassKey)) ?? g.First())
                .Select(p => new EarlyWarningRow(p, rules.Evaluate(series.GetValueOrDefault(p.PupilKey) ?? PupilSeries.Empty, period.AsOf)))
                .Where(r => !flaggedOnly || r.Flags.Count > 0),
        ];

        await audit.WriteAsync(caller.UserName, AuditActions.PersonView, "learning/early_warnings",
            $"{filter.Describe()}; flaggedOnly={flaggedOnly}", rows.Count, cancellationToken);
        return rows;
    }
}
