using Dapper;
using Workbench.Domain.Calendar;

namespace Workbench.Data.Warehouse;

/// <summary>Fills <c>dim_date</c> with whole 年度, so every fact's date_key joins to its 年度 and 学期.</summary>
public sealed class DateDimension(IWarehouseConnectionFactory connections, SqlCatalogue catalogue, IBulkLoader loader)
{
    private static readonly string[] Columns =
        ["date_key", "calendar_date", "calendar_year", "calendar_month", "day_of_month", "iso_weekday", "is_weekend", "fiscal_year", "school_term"];

    /// <returns>The number of days added.</returns>
    public async Task<long> EnsureFiscalYearsAsync(int firstFiscalYear, int lastFiscalYear, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var present = (await connection.QueryAsync<int>(new CommandDefinition(
            catalogue["warehouse/date_fiscal_years"], cancellationToken: cancellationToken))).ToHashSet();
        var missing = Enumerable.Range(firstFiscalYear, lastFiscalYear - firstFiscalYear + 1).Where(y => !present.Contains(y)).ToList();
        if (missing.Count == 0)
        {
            return 0;
        }

        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var added = await loader.LoadAsync(
            connection, transaction, "dim_date", Columns, missing.SelectMany(FiscalCalendar.DaysOf).Select(ToRow), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return added;
    }

    private static object?[] ToRow(DateOnly day)
    {
        var isoWeekday = day.DayOfWeek == DayOfWeek.Sunday ? 7 : (int)day.DayOfWeek;
        return
        [
            FiscalCalendar.DateKeyOf(day),
            day,
            (short)day.Year,
            (short)day.Month,
            (short)day.Day,
            (short)isoWeekday,
            isoWeekday >= 6,
            (short)FiscalCalendar.FiscalYearOf(day),
            FiscalCalendar.SchoolTermOf(day) is { } term ? (short)term : null,
        ];
    }
}
