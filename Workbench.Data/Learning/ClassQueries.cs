using Dapper;
using Workbench.Data.Access;
using Workbench.Data.Warehouse;
using Workbench.Domain.Access;
using Workbench.Domain.Calendar;

namespace Workbench.Data.Learning;

public sealed record ClassSummary(string ClassKey, string ClassTitle, string ClassType, string? Grades, string? Subject, bool IsSpecialNeeds, string SchoolName, long Pupils);

public sealed record ClassPupil(string PupilKey, short? ShussekiNo, string? Name, string? Kana, string? Grade, string? Sex, DateOnly? BeginDate, DateOnly? EndDate);

/// <summary>A teacher's classes and their pupils. Every query is narrowed by the caller in SQL (user_class_scope).</summary>
public sealed class ClassQueries(IWarehouseConnectionFactory connections, SqlCatalogue sql, AuditLog audit, TimeProvider time)
{
    /// <summary>The 年度 of the current rosters (the latest that has begun), or null before any roster.</summary>
    public async Task<int?> RosterFiscalYearAsync(CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var today = FiscalCalendar.FiscalYearOf(DateOnly.FromDateTime(time.GetLocalNow().DateTime));
        return await connection.ExecuteScalarAsync<int?>(new CommandDefinition(sql["learning/roster_fiscal_year"], new { today_fiscal_year = today }, cancellationToken: cancellationToken));
    }

    /// <summary>Every 年度 with rosters that has begun, newest first.</summary>
    public async Task<IReadOnlyList<int>> RosterFiscalYearsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var today = FiscalCalendar.FiscalYearOf(DateOnly.FromDateTime(time.GetLocalNow().DateTime));
        return [.. await connection.QueryAsync<int>(new CommandDefinition(sql["learning/roster_fiscal_years"], new { today_fiscal_year = today }, cancellationToken: cancellationToken))];
    }

    public async Task<IReadOnlyList<ClassSummary>> MyClassesAsync(Caller caller, int fiscalYear, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return [.. await connection.QueryAsync<ClassSummary>(new CommandDefinition(sql["learning/my_classes"],
            new { user_name = caller.UserName, fiscal_year = fiscalYear }, cancellationToken: cancellationToken))];
    }

    /// <summary>Person-level: audited. Another user's class returns no row, whatever id is asked for.</summary>
    public async Task<IReadOnlyList<ClassPupil>> PupilsAsync(Caller caller, int fiscalYear, string classKey, CancellationToken cancellationToken)
    {
        IReadOnlyList<ClassPupil> rows;
        await using (var connection = await connections.OpenAsync(cancellationToken))
        {
            rows = [.. await connection.QueryAsync<ClassPupil>(new CommandDefinition(sql["learning/class_pupils"],
                new { user_name = caller.UserName, fiscal_year = fiscalYear, class_key = classKey, with_names = caller.SeesNames }, cancellationToken: cancellationToken))];
        }

        await audit.WriteAsync(caller.UserName, AuditActions.PersonView, "learning/class_pupils", $"年度={fiscalYear}; class={classKey}", rows.Count, cancellationToken);
        return rows;
    }
}
