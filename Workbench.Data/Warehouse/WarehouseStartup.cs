using Dapper;
using Microsoft.Extensions.Logging;
using Workbench.Data.Migrations;
using Workbench.Domain.Calendar;

namespace Workbench.Data.Warehouse;

/// <summary>Brings the warehouse up to date: pending migrations, then the calendar.</summary>
public sealed class WarehouseStartup(
    MigrationRunner migrations, DateDimension dates, IWarehouseConnectionFactory connections, SqlCatalogue catalogue, TimeProvider time, ILogger<WarehouseStartup> logger)
{
    /// <summary>The first 年度 the calendar holds; the data of the learning e-portal starts well after it.</summary>
    public const int FirstFiscalYear = 2015;

    public async Task<MigrationReport> PrepareAsync(CancellationToken cancellationToken)
    {
        var report = await migrations.MigrateAsync(cancellationToken);
        await using (var connection = await connections.OpenAsync(cancellationToken))
        {
            await connection.ExecuteAsync(new CommandDefinition(catalogue["etl/batch_mark_interrupted"], cancellationToken: cancellationToken));
        }

        var today = DateOnly.FromDateTime(time.GetLocalNow().DateTime);
        var added = await dates.EnsureFiscalYearsAsync(FirstFiscalYear, FiscalCalendar.FiscalYearOf(today) + 10, cancellationToken);
        logger.LogInformation(
            "Warehouse {Location} ({Provider}) at schema version {Version}; {Applied} migration(s) applied, {Days} calendar day(s) added",
            connections.Location, connections.Provider, report.SchemaVersion, report.Applied.Count, added);
        return report;
    }
}
