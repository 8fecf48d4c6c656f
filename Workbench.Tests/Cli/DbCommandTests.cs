using Workbench.Tests.Support;

namespace Workbench.Tests.Cli;

public sealed class DbCommandTests : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);
    private readonly string dataDirectory = Path.Combine(Path.GetTempPath(), "workbench-tests", Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task Db_migrate_creates_the_warehouse_and_a_second_run_finds_it_up_to_date()
    {
        var first = await AppProcess.RunAsync(Timeout, "db", "migrate", $"--Warehouse:DataDirectory={dataDirectory}");
        Assert.True(first.ExitCode == 0, first.Output + first.Errors);
        Assert.Contains("0001_schema_v1.sql", first.Output, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(dataDirectory, "workbench.duckdb")));

        var second = await AppProcess.RunAsync(Timeout, "db", "migrate", $"--Warehouse:DataDirectory={dataDirectory}");
        Assert.Equal(0, second.ExitCode);
        Assert.Contains("スキーマは最新です", second.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Db_status_lists_the_schema_version_and_every_fact_table()
    {
        await AppProcess.RunAsync(Timeout, "db", "migrate", $"--Warehouse:DataDirectory={dataDirectory}");

        var status = await AppProcess.RunAsync(Timeout, "db", "status", $"--Warehouse:DataDirectory={dataDirectory}");

        Assert.True(status.ExitCode == 0, status.Output + status.Errors);
        Assert.Contains("fact_attendance", status.Output, StringComparison.Ordinal);
        Assert.Contains("fact_learning_activity", status.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_command_fails_with_a_non_zero_exit_code()
    {
        var run = await AppProcess.RunAsync(Timeout, "db", "explode", $"--Warehouse:DataDirectory={dataDirectory}");

        Assert.NotEqual(0, run.ExitCode);
    }

    [Fact]
    public async Task A_SqlServer_that_does_not_answer_stops_the_workbench_with_a_message_naming_it()
    {
        var app = await AppProcess.RunAsync(
            Timeout,
            $"--urls=http://127.0.0.1:{AppProcess.FreePort()}",
            "--Warehouse:Provider=SqlServer",
            "--ConnectionStrings:Warehouse=Server=127.0.0.1,1;Database=workbench;Connect Timeout=2;Encrypt=False");

        Assert.Equal(1, app.ExitCode);
        Assert.Contains("ワークベンチを起動できません", app.Errors, StringComparison.Ordinal);
        Assert.Contains("127.0.0.1,1", app.Errors, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", app.Output + app.Errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Db_status_against_a_SqlServer_that_does_not_answer_fails_with_one_clear_line()
    {
        var run = await AppProcess.RunAsync(
            Timeout, "db", "status", "--Warehouse:Provider=SqlServer", "--ConnectionStrings:Warehouse=Server=127.0.0.1,1;Database=workbench;Connect Timeout=2;Encrypt=False");

        Assert.Equal(1, run.ExitCode);
        Assert.StartsWith("エラー: SQL Server '127.0.0.1,1'", run.Errors, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Errors, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        if (Directory.Exists(dataDirectory))
        {
            Directory.Delete(dataDirectory, recursive: true);
        }
    }
}
