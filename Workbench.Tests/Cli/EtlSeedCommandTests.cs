using Workbench.Tests.Support;

namespace Workbench.Tests.Cli;

public sealed class EtlSeedCommandTests : IDisposable
{
    private readonly string dataDirectory = Path.Combine(Path.GetTempPath(), "workbench-tests", Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task Etl_seed_generates_and_imports_the_tiny_Tsuyama_and_lists_each_batch()
    {
        var data = $"--Warehouse:DataDirectory={dataDirectory}";

        var seed = await AppProcess.RunAsync(TimeSpan.FromMinutes(3), "etl", "seed", "--scale", "tiny", data);
        var batches = await AppProcess.RunAsync(TimeSpan.FromMinutes(1), "etl", "batches", data);

        Assert.True(seed.ExitCode == 0, seed.Output + seed.Errors);
        Assert.Contains("取り込み中 / importing xapi: statements-2025.ndjson", seed.Output, StringComparison.Ordinal);
        // The narrow table may wrap the hyphenated kinds (board-alight, demand-taxi, …); the succeeded batches count them.
        foreach (var kind in new[] { "districts", "population", "oneroster", "attendance", "assessment", "xapi", "residents", "consent", "checklist", "checkup", "vitals", "gtfs" })
        {
            Assert.Contains(kind, batches.Output, StringComparison.Ordinal);
        }

        Assert.Equal(19, batches.Output.Split('\n').Count(line => line.Contains("succeeded", StringComparison.Ordinal)));
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(dataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }
}
