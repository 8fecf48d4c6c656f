using Workbench.Tests.Support;
using Workbench.Tests.Synthetic;

namespace Workbench.Tests.Etl;

public sealed class DistrictsCommandTests(TinySeedFixture tiny) : IClassFixture<TinySeedFixture>, IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);
    private readonly string dataDirectory = Path.Combine(Path.GetTempPath(), "workbench-tests", Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task The_CLI_imports_population_only_once_the_districts_are_in()
    {
        var config = $"--Warehouse:DataDirectory={dataDirectory}";

        var early = await AppProcess.RunAsync(Timeout, "etl", "import", "population", tiny.Folder.Sources.PopulationFile, config);
        var districts = await AppProcess.RunAsync(Timeout, "etl", "import", "districts", tiny.Folder.Sources.ChomeGeoJson, config);
        var population = await AppProcess.RunAsync(Timeout, "etl", "import", "population", tiny.Folder.Sources.PopulationFile, config);

        Assert.Equal(1, early.ExitCode);
        Assert.Contains("population.csv:2 chome_code: 町丁コードが地区マスタにありません", early.Output, StringComparison.Ordinal);
        Assert.True(districts.ExitCode == 0, districts.Output + districts.Errors);
        Assert.Contains("237 行を読み、237 行を取り込み、0 行を除外しました。", districts.Output, StringComparison.Ordinal);
        Assert.True(population.ExitCode == 0, population.Output + population.Errors);
        Assert.Contains("108 行を読み、108 行を取り込み、0 行を除外しました。", population.Output, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        if (Directory.Exists(dataDirectory))
        {
            Directory.Delete(dataDirectory, recursive: true);
        }
    }
}
