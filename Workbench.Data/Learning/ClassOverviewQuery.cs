using Workbench.Data.Access;
using Workbench.Data.Warehouse;
using Workbench.Domain.Access;
using Workbench.Domain.Learning;
using Workbench.Domain.Privacy;

namespace Workbench.Data.Learning;

/// <summary>
/// The class overview of a teacher's class for a 年度, optionally one 学期 and subject. Person-level: narrowed by the
/// caller in SQL and audited once per call.
/// </summary>
public sealed class ClassOverviewQuery(
    IWarehouseConnectionFactory connections,
    SqlCatalogue sql,
    AuditLog audit,
    TimeProvider time,
    MasteryBands bands,
    EarlyWarningRules rules,
    SmallCellSuppression suppression)
{
    private readonly LearningReader reader = new(sql, connections);

    /// <returns>Null for a class outside the caller's scope, whatever key is asked for.</returns>
    public async Task<ClassOverview?> GetAsync(Caller caller, LearningFilter filter, string classKey, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(filter);
        ClassOverview? overview = null;
        var period = LearningPeriod.Of(filter, DateOnly.FromDateTime(time.GetLocalNow().DateTime));
        var scope = new LearningScope(caller, filter.FiscalYear, classKey);

        // What does not depend on the class's subject starts beside the look-up of the class; the SQL narrows each by
        // the caller, so for a class outside the caller's scope they return nothing.
        var classQuery = reader.ClassAsync(caller, filter.FiscalYear, classKey, cancellationToken);
        var pupilsQuery = reader.PupilsAsync(scope, cancellationToken);
        var othersQuery = reader.OtherPupilsAsync(scope, period, cancellationToken);
        if (await classQuery is { } theClass)
        {
            var subject = LearningReader.SubjectFor(theClass, filter);
            var scoresQuery = reader.UnitScoresAsync(scope, period.Term, subject, period.ToDateKey, cancellationToken);
            var yearScoresQuery = period.Term is null ? scoresQuery : reader.UnitScoresAsync(scope, null, subject, period.ToDateKey, cancellationToken);
            var seriesQuery = reader.SeriesAsync(scope, period, subject, yearScoresQuery, cancellationToken);
            await Task.WhenAll(pupilsQuery, othersQuery, scoresQuery, yearScoresQuery, seriesQuery);
            var pupils = LearningReader.ToPupils(pupilsQuery.Result, filter.FiscalYear);
            var scores = scoresQuery.Result;
            var series = seriesQuery.Result;
            var attendance = LearningReader.AttendanceCounts(series, period);
            var comparisons = LearningReader.Compare(scores, othersQuery.Result);

            var units = LearningReader.UnitsOf(scores);
            var unitKeys = units.Select(u => u.UnitKey).ToHashSet(StringComparer.Ordinal);
            var byPupil = scores.ToLookup(r => r.PupilKey, StringComparer.Ordinal);
            var rows = pupils.Select(p => new ClassOverviewRow(
                p,
                byPupil[p.PupilKey].Sum(r => r.Statements),
                byPupil[p.PupilKey].Sum(r => r.Seconds) / 60,
                byPupil[p.PupilKey].Where(r => unitKeys.Contains(r.UnitKey ?? string.Empty))
                    .ToDictionary(r => r.UnitKey!, r => LearningReader.ToScore(r, bands), StringComparer.Ordinal),
                attendance.GetValueOrDefault(p.PupilKey) ?? AttendanceCounts.None,
                rules.Evaluate(series.GetValueOrDefault(p.PupilKey) ?? PupilSeries.Empty, period.AsOf))).ToList();
            var compared = comparisons.ToDictionary(c => c.UnitKey, StringComparer.Ordinal);
            overview = new ClassOverview(theClass, period, subject, units, rows,
                [.. units.Where(u => compared.ContainsKey(u.UnitKey)).Select(u => Compare(compared[u.UnitKey], u.Title))],
                suppression.Threshold);
        }
        else
        {
            await Task.WhenAll(pupilsQuery, othersQuery);
        }

        await audit.WriteAsync(caller.UserName, AuditActions.PersonView, "learning/class_overview",
            $"{filter.Describe()}; class={classKey}", overview?.Pupils.Count ?? 0, cancellationToken);
        return overview;
    }

    private UnitComparison Compare(UnitComparisonRow row, string? title)
    {
        var (school, city) = ComparisonSuppression.Apply(suppression, row.ClassPupils, row.SchoolPupils, row.CityPupils);
        return new UnitComparison(row.UnitKey, title, row.ClassPupils, row.ClassMean,
            school, school.IsHidden ? null : row.SchoolMean, city, city.IsHidden ? null : row.CityMean);
    }
}
