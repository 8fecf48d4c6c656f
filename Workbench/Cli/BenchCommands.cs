using System.CommandLine;

namespace Workbench.Cli;

/// <summary>
/// <c>bench …</c>: small benchmarks that print their figures (DESIGN §7 targets are benchmarks, not timed tests).
/// Each benchmark is its own subcommand in its own file, so other areas can add theirs beside <c>export</c>.
/// </summary>
internal static class BenchCommands
{
    public static Command Create(string[] configurationArgs)
    {
        var bench = new Command("bench", "ベンチマーク / Benchmarks");
        bench.Subcommands.Add(BenchXapiCommand.Create(configurationArgs));
        bench.Subcommands.Add(BenchVitalsCommand.Create(configurationArgs));
        bench.Subcommands.Add(BenchBoardingsCommand.Create(configurationArgs));
        bench.Subcommands.Add(BenchExportCommand.Create());
        bench.Subcommands.Add(ReportBenchCommand.Create(configurationArgs));
        bench.Subcommands.Add(BenchDashboardCommand.Create(configurationArgs));
        return bench;
    }
}
