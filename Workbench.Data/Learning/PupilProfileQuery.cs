using Workbench.Data.Access;
using Workbench.Data.Warehouse;
using Workbench.Domain.Access;
using Workbench.Domain.Learning;

namespace Workbench.Data.Learning;

/// <summary>One pupil of a teacher's class, with the reasons of their flags. Person-level: scoped in SQL, audited once.</summary>
public sealed class PupilProfileQuery(
    IWarehouseConnectionFactory connections, SqlCatalogue sql, AuditLog audit, TimeProvider time, MasteryBands bands, EarlyWarningRules rules)
{
    private readonly LearningReader reader = new(sql, connections);

    /// <returns>Null unless the pupil is a student of the class and the class is in the caller's scope.</returns>
    public async Task<PupilProfile?> GetAsync(Caller caller, LearningFilter filter, string classKey, string pupilKey, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(filter);
        PupilProfile? profile = null;
        var classScope = new LearningScope(caller, filter.FiscalYear, classKey);

        // The whole class is read so that moved in / out compare the pupil with their classmates.
        var pupilsQuery = reader.PupilsAsync(classScope, cancellationToken);
        var classQuery = reader.ClassAsync(caller, filter.FiscalYear, classKey, cancellationToken);
        var period = LearningPeriod.Of(filter, DateOnly.FromDateTime(time.GetLocalNow().DateTime));
        var othersQuery = reader.OtherPupilsAsync(classScope, period, cancellationToken);
        await Task.WhenAll(pupilsQuery, classQuery);
        var theClass = classQuery.Result;
        var pupil = LearningReader.ToPupils(pupilsQuery.Result, filter.FiscalYear).FirstOrDefault(p => p.PupilKey == pupilKey);
        if (theClass is not null && pupil is not null)
        {
            var subject = LearningReader.SubjectFor(theClass, filter);
            var scope = classScope with { PupilKey = pupilKey };

            // The whole class's scores give the class means; the pupil's own are among them.
            var classScoresQuery = reader.UnitScoresAsync(classScope, period.Term, subject, period.ToDateKey, cancellationToken);
            var yearScoresQuery = period.Term is null
                ? OfPupil(classScoresQuery, pupilKey)
                : reader.UnitScoresAsync(scope, null, subject, period.ToDateKey, cancellationToken);
            var seriesQuery = reader.SeriesAsync(scope, period, subject, yearScoresQuery, cancellationToken);
            await Task.WhenAll(classScoresQuery, yearScoresQuery, seriesQuery, othersQuery);
            var classScores = classScoresQuery.Result;
            var seriesByPupil = seriesQuery.Result;
            var series = seriesByPupil.GetValueOrDefault(pupilKey) ?? PupilSeries.Empty;
            var attendance = LearningReader.AttendanceCounts(seriesByPupil, period);
            var classMeans = LearningReader.Compare(classScores, othersQuery.Result).ToDictionary(c => c.UnitKey, StringComparer.Ordinal);

            var scores = classScores.Where(r => r.PupilKey == pupilKey).ToList();
            var byUnit = scores.Where(r => r.UnitKey is not null).ToDictionary(r => r.UnitKey!, StringComparer.Ordinal);
            var units = LearningReader.UnitsOf(scores).Select(u => new UnitAgainstClass(
                u,
                LearningReader.ToScore(byUnit[u.UnitKey], bands),
                classMeans.GetValueOrDefault(u.UnitKey)?.ClassMean,
                classMeans.GetValueOrDefault(u.UnitKey)?.ClassPupils ?? 0));
            profile = new PupilProfile(
                pupil,
                period,
                subject,
                [.. series.Weeks.Where(w => w.WeekStart <= period.To && w.WeekStart.AddDays(6) >= period.From)],
                [.. units],
                [.. series.Attendance.Where(d => period.Contains(d.Date))],
                attendance.GetValueOrDefault(pupilKey) ?? AttendanceCounts.None,
                rules.Evaluate(series, period.AsOf));
        }

        await othersQuery;
        await audit.WriteAsync(caller.UserName, AuditActions.PersonView, "learning/pupil_profile",
            $"{filter.Describe()}; class={classKey}; pupil={pupilKey}", profile is null ? 0 : 1, cancellationToken);
        return profile;
    }

    private static async Task<List<UnitScoreRow>> OfPupil(Task<List<UnitScoreRow>> classScores, string pupilKey) =>
        [.. (await classScores).Where(r => r.PupilKey == pupilKey)];
}
