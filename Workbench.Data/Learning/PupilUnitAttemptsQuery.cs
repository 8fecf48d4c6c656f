using Dapper;
using Workbench.Data.Access;
using Workbench.Data.Warehouse;
using Workbench.Domain.Access;
using Workbench.Domain.Calendar;
using Workbench.Domain.Learning;

namespace Workbench.Data.Learning;

/// <summary>One pupil's statements on one unit (a heatmap cell opened). Person-level: scoped in SQL, audited once.</summary>
public sealed class PupilUnitAttemptsQuery(IWarehouseConnectionFactory connections, SqlCatalogue sql, AuditLog audit)
{
    /// <returns>Empty unless the pupil is a student of the class and the class is in the caller's scope.</returns>
    public async Task<IReadOnlyList<UnitAttempt>> GetAsync(
        Caller caller, LearningFilter filter, string classKey, string pupilKey, string unitKey, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(filter);
        IReadOnlyList<UnitAttempt> attempts;
        await using (var connection = await connections.OpenAsync(cancellationToken))
        {
            attempts = [.. await connection.QueryAsync<UnitAttempt>(new CommandDefinition(sql["learning/unit_attempts"], new
            {
                user_name = caller.UserName,
                fiscal_year = filter.FiscalYear,
                class_key = classKey,
                pupil_key = pupilKey,
                unit_key = unitKey,
                term = filter.Term,
                from_date_key = FiscalCalendar.DateKeyOf(FiscalCalendar.FirstDayOf(filter.FiscalYear)),
                to_date_key = FiscalCalendar.DateKeyOf(FiscalCalendar.LastDayOf(filter.FiscalYear)),
            }, cancellationToken: cancellationToken))];
        }

        await audit.WriteAsync(caller.UserName, AuditActions.PersonView, "learning/unit_attempts",
            $"{filter.Describe()}; class={classKey}; pupil={pupilKey}; unit={unitKey}", attempts.Count, cancellationToken);
        return attempts;
    }
}
