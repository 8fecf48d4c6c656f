using Workbench.Tests.Etl;
using Workbench.Tests.Support;

namespace Workbench.Tests.Cli;

public sealed class XapiCommandTests : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(3);
    private readonly string folder = Path.Combine(Path.GetTempPath(), "workbench-tests", Guid.NewGuid().ToString("N"));

    private string DataDirectory => $"--Warehouse:DataDirectory={Path.Combine(folder, "data")}";

    [Fact]
    public async Task Etl_import_xapi_loads_a_file_through_the_pipeline_and_a_broken_one_fails_with_exit_code_1()
    {
        var roster = RosterFiles.Write(Path.Combine(folder, "roster"), pupils: 3);
        var statements = Path.Combine(folder, "statements.ndjson");
        await File.WriteAllTextAsync(statements, XapiStatements.Ndjson(
            XapiStatements.Answered(1, XapiStatements.PortalAccount(1)), XapiStatements.Answered(2, XapiStatements.PortalAccount(2))));
        var broken = Path.Combine(folder, "broken.json");
        await File.WriteAllTextAsync(broken, "[\n{\"id\": \"x\"}\n");

        var rosterRun = await AppProcess.RunAsync(Timeout, "etl", "import", "oneroster", roster, DataDirectory);
        var run = await AppProcess.RunAsync(Timeout, "etl", "import", "xapi", statements, DataDirectory);
        var brokenRun = await AppProcess.RunAsync(Timeout, "etl", "import", "xapi", broken, DataDirectory);

        Assert.True(rosterRun.ExitCode == 0, rosterRun.Output + rosterRun.Errors);
        Assert.True(run.ExitCode == 0, run.Output + run.Errors);
        Assert.Contains("2 行を読み、2 行を取り込み、0 行を除外しました", run.Output, StringComparison.Ordinal);
        Assert.Equal(1, brokenRun.ExitCode);
        Assert.Contains("配列が閉じていません", brokenRun.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bench_xapi_at_tiny_scale_prints_both_rates_and_their_ratio()
    {
        var run = await AppProcess.RunAsync(Timeout, "bench", "xapi", "--scale", "tiny", "--work", Path.Combine(folder, "bench"));

        Assert.True(run.ExitCode == 0, run.Output + run.Errors);
        Assert.Matches(@"scale Tiny: importer [0-9,]+ rows/s, read_json [0-9,]+ rows/s, ratio [0-9.]+×", run.Output);
    }

    public void Dispose()
    {
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
