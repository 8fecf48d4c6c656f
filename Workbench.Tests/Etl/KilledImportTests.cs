using Dapper;
using Workbench.Data.Warehouse;
using Workbench.Tests.Support;

namespace Workbench.Tests.Etl;

public sealed class KilledImportTests : IDisposable
{
    private readonly string dataDirectory = Path.Combine(Path.GetTempPath(), "workbench-tests", Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task A_process_killed_mid_batch_leaves_no_partial_data()
    {
        var config = $"--Warehouse:DataDirectory={dataDirectory}";
        var roster = RosterFiles.Write(Path.Combine(dataDirectory, "roster"), pupils: 20);
        var rosterRun = await AppProcess.RunAsync(TimeSpan.FromMinutes(2), "etl", "import", "oneroster", roster, config);
        Assert.True(rosterRun.ExitCode == 0, rosterRun.Output + rosterRun.Errors);
        var big = Path.Combine(dataDirectory, "attendance.csv");
        await using (var writer = new StreamWriter(big))
        {
            await writer.WriteAsync("userSourcedId,date,status,reason\n");
            var day = new DateOnly(2016, 4, 1);
            for (var i = 0; i < 3_000_000; i++)
            {
                await writer.WriteAsync(FormattableString.Invariant($"{RosterFiles.PupilId((i % 20) + 1)},{day.AddDays(i / 20 % 3000):yyyy-MM-dd},出席,\n"));
            }
        }

        await using (var import = AppProcess.Start("etl", "import", "attendance", big, config))
        {
            var deadline = DateTime.UtcNow.AddSeconds(60);
            while (!import.Output.Contains("行を読み込み中", StringComparison.Ordinal) && !import.HasExited && DateTime.UtcNow < deadline)
            {
                await Task.Delay(50);
            }

            Assert.False(import.HasExited, "the import finished before it could be killed: " + import.Output);
            import.Kill();
        }

        await using var warehouse = await TempWarehouse.CreateAsync(directory: dataDirectory);
        await using var connection = await warehouse.Get<IWarehouseConnectionFactory>().OpenAsync(CancellationToken.None);
        Assert.Equal(0, await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM fact_attendance"));
        Assert.Equal(0, await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM stage_fact_attendance"));
        Assert.Equal("interrupted", await connection.ExecuteScalarAsync<string>("SELECT batch_status FROM etl_batch WHERE source_kind = 'attendance'"));
    }

    public void Dispose()
    {
        if (Directory.Exists(dataDirectory))
        {
            Directory.Delete(dataDirectory, recursive: true);
        }
    }
}
