using Workbench.Tests.Support;

namespace Workbench.Tests.Cli;

[Collection(RunningWorkbenchCollection.Name)]
public class LockedWarehouseTests(RunningWorkbench workbench)
{
    [Fact]
    public async Task A_command_on_the_file_of_a_running_workbench_says_so_in_one_line()
    {
        var run = await AppProcess.RunAsync(TimeSpan.FromMinutes(2), "db", "status", $"--Warehouse:DataDirectory={workbench.DataDirectory}");

        Assert.Equal(1, run.ExitCode);
        var message = Assert.Single(run.Errors.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("使用中", message, StringComparison.Ordinal);
        Assert.Contains("workbench.duckdb", message, StringComparison.Ordinal);
    }
}
