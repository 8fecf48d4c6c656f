using Microsoft.Extensions.Options;
using Workbench.Data.Migrations;
using Workbench.Data.Warehouse;
using Workbench.Domain.Access;
using Workbench.Features.Reports;
using Workbench.Security;

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
        builder.Services.AddReports();
        builder.Services.Configure<AuthenticationSettings>(builder.Configuration.GetSection(AuthenticationSettings.SectionName));
        return builder.Build();
    }

    /// <summary>
    /// Signs in (the warehouse commands need the Admin role), runs a command's work, and turns the failures people can
    /// act on into one line on stderr and exit code 1.
    /// </summary>
    public static Task<int> RunAsync(string[] configurationArgs, Func<IServiceProvider, CancellationToken, Task<int>> work, CancellationToken cancellationToken) =>
        RunAsync(configurationArgs, WorkbenchRoles.Admin, (services, _, token) => work(services, token), cancellationToken);

    /// <summary>As above, for a command that needs another role and acts for the signed-in caller (scopes, audit).</summary>
    public static async Task<int> RunAsync(string[] configurationArgs, string requiredRole, Func<IServiceProvider, Caller, CancellationToken, Task<int>> work, CancellationToken cancellationToken)
    {
        try
        {
            using var host = Build(configurationArgs);
            if (await CliSignIn.SignInAsync(host.Services, requiredRole, cancellationToken) is not { } caller)
            {
                return 1;
            }

            return await work(host.Services, caller, cancellationToken);
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
