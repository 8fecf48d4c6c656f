using Dapper;
using Workbench.Data.Status;
using Workbench.Data.Warehouse;
using Workbench.Tests.Support;

namespace Workbench.Tests.Data;

public class WarehouseStatusQueryTests
{
    [Fact]
    public async Task A_new_warehouse_reports_its_schema_empty_facts_and_no_import()
    {
        await using var warehouse = await TempWarehouse.CreateAsync();

        var status = await warehouse.Get<WarehouseStatusQuery>().GetAsync(CancellationToken.None);

        Assert.Equal(WarehouseProvider.DuckDb, status.Provider);
        Assert.Equal(warehouse.Get<SqlCatalogue>().Migrations[^1].Version, status.SchemaVersion);
        Assert.Equal(0, status.PendingMigrations);
        Assert.Contains(status.FactRowCounts, f => f.TableName == "fact_attendance" && f.RowTotal == 0);
        Assert.Null(status.LastBatch);
        Assert.EndsWith("workbench.duckdb", status.Location, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_status_shows_fact_rows_and_the_latest_batch()
    {
        await using var warehouse = await TempWarehouse.CreateAsync();
        await using (var connection = await warehouse.Get<IWarehouseConnectionFactory>().OpenAsync(CancellationToken.None))
        {
            await connection.ExecuteAsync("""
                INSERT INTO etl_batch (source_kind, file_name, file_sha256, batch_status, rows_read, rows_loaded, rows_rejected, started_at, started_by)
                VALUES ('attendance', 'a.csv', 'x', 'succeeded', 3, 2, 1, TIMESTAMP '2025-05-01 09:00:00', 'test'),
                       ('xapi', 'b.json', 'y', 'succeeded', 7, 7, 0, TIMESTAMP '2025-05-02 09:00:00', 'test');
                INSERT INTO fact_attendance (pupil_key, date_key, attendance_status, absence_reason, batch_id) VALUES ('p1', 20250407, '出席', NULL, 1), ('p2', 20250407, '欠席', '病気', 1);
                """);
        }

        var status = await warehouse.Get<WarehouseStatusQuery>().GetAsync(CancellationToken.None);

        Assert.Equal(2, status.FactRowCounts.Single(f => f.TableName == "fact_attendance").RowTotal);
        Assert.Equal(("xapi", "b.json", 7L), (status.LastBatch!.SourceKind, status.LastBatch.FileName, status.LastBatch.RowsLoaded));
    }
}
