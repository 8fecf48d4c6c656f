using Dapper;
using Workbench.Data.Warehouse;
using Workbench.Tests.Support;

namespace Workbench.Tests.Data;

public class BulkLoaderTests
{
    private static readonly string[] AttendanceColumns = ["pupil_key", "date_key", "attendance_status", "absence_reason", "batch_id"];

    private static IEnumerable<object?[]> Attendance(int pupils) =>
        Enumerable.Range(1, pupils).Select(i => new object?[] { $"pupil-{i}", 20250407, i % 5 == 0 ? "欠席" : "出席", i % 5 == 0 ? "病気" : null, 1L });

    [Fact]
    public async Task Rows_loaded_in_a_committed_transaction_are_all_there()
    {
        await using var warehouse = await TempWarehouse.CreateAsync();
        await using var connection = await warehouse.Get<IWarehouseConnectionFactory>().OpenAsync(CancellationToken.None);
        await using var transaction = await connection.BeginTransactionAsync();

        var loaded = await warehouse.Get<IBulkLoader>().LoadAsync(connection, transaction, "stage_fact_attendance", AttendanceColumns, Attendance(10_000), CancellationToken.None);
        await transaction.CommitAsync();

        Assert.Equal(10_000, loaded);
        Assert.Equal(2_000, await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM stage_fact_attendance WHERE absence_reason = '病気'"));
    }

    [Fact]
    public async Task Rows_loaded_in_a_rolled_back_transaction_leave_nothing()
    {
        await using var warehouse = await TempWarehouse.CreateAsync();
        await using var connection = await warehouse.Get<IWarehouseConnectionFactory>().OpenAsync(CancellationToken.None);
        await using (var transaction = await connection.BeginTransactionAsync())
        {
            await warehouse.Get<IBulkLoader>().LoadAsync(connection, transaction, "stage_fact_attendance", AttendanceColumns, Attendance(5_000), CancellationToken.None);
            await transaction.RollbackAsync();
        }

        Assert.Equal(0, await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM stage_fact_attendance"));
    }

    [Fact]
    public async Task Columns_that_do_not_match_the_table_are_refused_before_anything_loads()
    {
        await using var warehouse = await TempWarehouse.CreateAsync();
        await using var connection = await warehouse.Get<IWarehouseConnectionFactory>().OpenAsync(CancellationToken.None);

        var refusal = await Assert.ThrowsAsync<InvalidOperationException>(() => warehouse.Get<IBulkLoader>().LoadAsync(
            connection, null, "stage_fact_attendance", ["date_key", "pupil_key"], [[20250407, "p"]], CancellationToken.None));

        Assert.Contains("stage_fact_attendance", refusal.Message, StringComparison.Ordinal);
        Assert.Equal(0, await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM stage_fact_attendance"));
    }
}
