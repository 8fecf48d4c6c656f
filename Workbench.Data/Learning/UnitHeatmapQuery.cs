using Workbench.Data.Access;
using Workbench.Data.Warehouse;
using Workbench.Domain.Access;
using Workbench.Domain.Learning;

namespace Workbench.Data.Learning;

/// <summary>Pupils × units of a teacher's class with the mastery band per cell. Person-level: scoped in SQL, audited once.</summary>
public sealed class UnitHeatmapQuery(IWarehouseConnectionFactory connections, SqlCatalogue sql, AuditLog audit, TimeProvider time, MasteryBands bands)
{
    private readonly LearningReader reader = new(sql, connections);

    /// <returns>Null for a class outside the caller's scope.</returns>
    public async Task<UnitHeatmap?> GetAsync(Caller caller, LearningFilter filter, string classKey, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(filter);
        UnitHeatmap? heatmap = null;
        if (await reader.ClassAsync(caller, filter.FiscalYear, classKey, cancellationToken) is { } theClass)
        {
            var period = LearningPeriod.Of(filter, DateOnly.FromDateTime(time.GetLocalNow().DateTime));
            var subject = LearningReader.SubjectFor(theClass, filter);
            var scope = new LearningScope(caller, filter.FiscalYear, classKey);
            var pupilsQuery = reader.PupilsAsync(scope, cancellationToken);
            var scoresQuery = reader.UnitScoresAsync(scope, period.Term, subject, period.ToDateKey, cancellationToken);
            await Task.WhenAll(pupilsQuery, scoresQuery);
            var scores = scoresQuery.Result;
            var pupils = LearningReader.ToPupils(pupilsQuery.Result, filter.FiscalYear);
            var units = LearningReader.UnitsOf(scores);
            var unitKeys = units.Select(u => u.UnitKey).ToHashSet(StringComparer.Ordinal);
            var byPupil = scores.ToLookup(r => r.PupilKey, StringComparer.Ordinal);
            heatmap = new UnitHeatmap(theClass, period, subject, units,
            [
                .. pupils.Select(p => new HeatmapRow(p, byPupil[p.PupilKey]
                    .Where(r => unitKeys.Contains(r.UnitKey ?? string.Empty))
                    .ToDictionary(r => r.UnitKey!, r => LearningReader.ToScore(r, bands), StringComparer.Ordinal))),
            ]);
        }

        await audit.WriteAsync(caller.UserName, AuditActions.PersonView, "learning/unit_heatmap",
            $"{filter.Describe()}; class={classKey}", heatmap?.Pupils.Count ?? 0, cancellationToken);
        return heatmap;
    }
}
