using Dapper;
using Microsoft.Extensions.Options;
using Workbench.Data.Warehouse;
using Workbench.Domain.Access;
using Workbench.Domain.Calendar;
using Workbench.Domain.Learning;

namespace Workbench.Data.Learning.Board;

/// <summary>
/// The board's aggregates per school, narrowed to the caller's scope in SQL. Counts here are raw: only
/// <see cref="BoardStatistics"/> uses them, and it passes every one through the suppression rule before anything
/// shows it.
/// </summary>
internal sealed class BoardQueries(IWarehouseConnectionFactory connections, SqlCatalogue sql, IOptions<BoardOptions> options, MasteryBands bands)
{
    public async Task<IReadOnlyList<int>> FiscalYearsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return [.. await connection.QueryAsync<int>(new CommandDefinition(sql["learning/board_fiscal_years"], cancellationToken: cancellationToken))];
    }

    public async Task<IReadOnlyList<BoardSchool>> SchoolsAsync(Caller caller, int fiscalYear, CancellationToken cancellationToken)
    {
        var (cityWide, userName) = BoardScope.Parameters(caller);
        await using var connection = await connections.OpenAsync(cancellationToken);
        return [.. await connection.QueryAsync<BoardSchool>(new CommandDefinition(sql["learning/board_schools"],
            new { city_wide = cityWide, user_name = userName, fiscal_year = fiscalYear }, cancellationToken: cancellationToken))];
    }

    public async Task<DateOnly?> AsOfAsync(Caller caller, BoardPeriod period, CancellationToken cancellationToken)
    {
        var (cityWide, userName) = BoardScope.Parameters(caller);
        await using var connection = await connections.OpenAsync(cancellationToken);
        var key = await connection.ExecuteScalarAsync<int?>(new CommandDefinition(sql["learning/board_as_of"], new
        {
            city_wide = cityWide,
            user_name = userName,
            from_date_key = FiscalCalendar.DateKeyOf(period.YearStart),
            to_date_key = FiscalCalendar.DateKeyOf(period.End),
        }, cancellationToken: cancellationToken));
        return key is { } k ? new DateOnly(k / 10000, k / 100 % 100, k % 100) : null;
    }

    public async Task<IReadOnlyList<SchoolMastery>> MasteryAsync(Caller caller, BoardPeriod period, CancellationToken cancellationToken)
    {
        var (cityWide, userName) = BoardScope.Parameters(caller);
        var o = options.Value;
        await using var connection = await connections.OpenAsync(cancellationToken);
        return [.. await connection.QueryAsync<SchoolMastery>(new CommandDefinition(sql["learning/board_mastery"], new
        {
            city_wide = cityWide,
            user_name = userName,
            fiscal_year = period.FiscalYear,
            term = period.Term,
            support_below = bands.AlmostFrom,
            secure_from = bands.SecureFrom,
        }, cancellationToken: cancellationToken))];
    }

    public async Task<IReadOnlyList<SchoolTermMastery>> TermTrendAsync(Caller caller, int fromYear, int toYear, CancellationToken cancellationToken)
    {
        var (cityWide, userName) = BoardScope.Parameters(caller);
        var o = options.Value;
        await using var connection = await connections.OpenAsync(cancellationToken);
        return [.. await connection.QueryAsync<SchoolTermMastery>(new CommandDefinition(sql["learning/board_term_trend"], new
        {
            city_wide = cityWide,
            user_name = userName,
            from_year = fromYear,
            to_year = toYear,
            support_below = bands.AlmostFrom,
            secure_from = bands.SecureFrom,
        }, cancellationToken: cancellationToken))];
    }

    public async Task<IReadOnlyList<SchoolAbsence>> AbsenceAsync(Caller caller, BoardPeriod period, CancellationToken cancellationToken)
    {
        var (cityWide, userName) = BoardScope.Parameters(caller);
        var o = options.Value;
        await using var connection = await connections.OpenAsync(cancellationToken);
        return [.. await connection.QueryAsync<SchoolAbsence>(new CommandDefinition(sql["learning/board_absence"], new
        {
            city_wide = cityWide,
            user_name = userName,
            fiscal_year = period.FiscalYear,
            from_date_key = FiscalCalendar.DateKeyOf(period.YearStart),
            to_date_key = FiscalCalendar.DateKeyOf(period.End),
            long_absence_days = o.LongAbsenceDays,
            risk_days = o.RiskDays,
        }, cancellationToken: cancellationToken))];
    }
}
