using System.CommandLine;

namespace Workbench.Cli;

/// <summary>
/// The command line of the same executable: <c>dotnet run --project Workbench -- db migrate</c>.
/// Configuration keys may be given as for the web app (<c>--Warehouse:DataDirectory=./my-data</c>).
/// Exit codes: 0 done, 1 failed (the message says why).
/// </summary>
internal static class WorkbenchCli
{
    private static readonly string[] Verbs = ["db", "etl", "report", "bench"];

    public static bool Handles(string[] args) => args.Length > 0 && Verbs.Contains(args[0], StringComparer.Ordinal);

    public static Task<int> RunAsync(string[] args)
    {
        var configurationArgs = args.Where(IsConfigurationArgument).ToArray();
        var commandArgs = args.Where(a => !IsConfigurationArgument(a)).ToArray();
        var root = new RootCommand("津山市スマートシティ ワークベンチのコマンドライン / Tsuyama City Workbench command line");
        root.Subcommands.Add(DbCommands.Create(configurationArgs));
        root.Subcommands.Add(EtlCommands.Create(configurationArgs));
        root.Subcommands.Add(ReportCommands.Create(configurationArgs));
        root.Subcommands.Add(BenchCommands.Create(configurationArgs));
        return root.Parse(commandArgs).InvokeAsync();
    }

    private static bool IsConfigurationArgument(string arg) =>
        arg.StartsWith("--", StringComparison.Ordinal) && arg.Contains(':', StringComparison.Ordinal) && arg.Contains('=', StringComparison.Ordinal);
}
