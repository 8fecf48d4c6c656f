using Microsoft.Extensions.Options;
using Workbench.Data.Migrations;
using Workbench.Data.Warehouse;

namespace Workbench.Cli;

/// <summary>The services a command needs, configured exactly as the web app is (appsettings, environment, arguments).</summary>
internal static class CliHost
{
    public static IHost Build(string[] configurationArgs)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            Args = configurationArgs,
            ContentRootPath = ContentRoot(),
        });
        // The command prints its own results; only warnings and errors come from the logs.
        builder.Services.Configure<LoggerFilterOptions>(options =>
        {
            options.Rules.Clear();
            options.MinLevel = LogLevel.Warning;
        });
        builder.AddWarehouse();
        return builder.Build();
    }

    /// <summary>Runs a command's work, turning the failures people can act on into one line on stderr and exit code 1.</summary>
    public static async Task<int> RunAsync(string[] configurationArgs, Func<IServiceProvider, CancellationToken, Task<int>> work, CancellationToken cancellationToken)
    {
        try
        {
            using var host = Build(configurationArgs);
            return await work(host.Services, cancellationToken);
        }
        catch (Exception ex) when (ex is WarehouseUnavailableException or MigrationFailedException or OptionsValidationException or Data.Etl.EtlFileException)
        {
            await Console.Error.WriteLineAsync($"エラー: {ex.Message}");
            return 1;
        }
    }

    // `dotnet run --project Workbench` starts in the caller's folder; settings and data live beside the app.
    private static string ContentRoot() =>
        File.Exists(Path.Combine(Directory.GetCurrentDirectory(), "appsettings.json")) ? Directory.GetCurrentDirectory() : AppContext.BaseDirectory;
}
