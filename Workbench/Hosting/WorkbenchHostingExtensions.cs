using System.Diagnostics;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.DependencyInjection.Extensions;
using MudBlazor;
using MudBlazor.Services;
using Workbench.Data.Etl;
using Workbench.Data.Migrations;
using Workbench.Data.Synthetic;
using Workbench.Data.Warehouse;
using Workbench.Features.Account;
using Workbench.Features.Reports;
using Workbench.Security;
using Workbench.Shared.Components;
using Workbench.Shared.Export;

namespace Workbench.Hosting;

internal static class WorkbenchHostingExtensions
{
    public static WebApplicationBuilder AddWorkbench(this WebApplicationBuilder builder)
    {
        // Serves MudBlazor's and the app's static files from the build output too, not only from a publish folder.
        builder.WebHost.UseStaticWebAssets();
        builder.AddWarehouse();
        builder.AddWorkbenchSecurity();
        builder.Services.AddReports();
        builder.Services.AddWorkbenchCultures();
        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        builder.Services.AddMudServices();
        builder.Services.Replace(ServiceDescriptor.Transient<MudLocalizer, WorkbenchMudLocalizer>());
        builder.Services.AddSingleton<ExportTokens>();
        // The inbox runs only in the web app (the CLI imports what it is told), on the singleton the tests can drive.
        builder.Services.AddHostedService(sp => sp.GetRequiredService<Data.Etl.Inbox.EtlInbox>());
        builder.Services.AddHealthChecks().AddCheck<WarehouseHealthCheck>("warehouse");
        return builder;
    }

    /// <summary>Migrates the warehouse before the app serves anything; on failure says why in one message and returns false.</summary>
    public static async Task<bool> PrepareWarehouseAsync(this WebApplication app)
    {
        try
        {
            await app.Services.GetRequiredService<WarehouseStartup>().PrepareAsync(app.Lifetime.ApplicationStopping);
            var seeder = app.Services.GetRequiredService<SyntheticSeeder>();
            if (await seeder.IsWantedAsync(app.Lifetime.ApplicationStopping))
            {
                Console.WriteLine("初回起動: デモ用の津山市データを作成し、取り込みます / First start: generating and importing demo data for Tsuyama");
                var clock = Stopwatch.StartNew();
                await seeder.SeedOnFirstStartAsync(new ConsoleLines(), app.Lifetime.ApplicationStopping);
                Console.WriteLine($"デモデータの準備ができました（{clock.Elapsed.TotalSeconds:N0} 秒） / Demo data ready");
            }

            await app.PrintDemoAccountsAsync(app.Lifetime.ApplicationStopping);

            return true;
        }
        catch (Exception ex) when (ex is WarehouseUnavailableException or MigrationFailedException or OptionsValidationException or EtlFileException)
        {
            app.Logger.LogCritical("The workbench cannot start: {Reason}", ex.Message);
            await Console.Error.WriteLineAsync($"ワークベンチを起動できません: {ex.Message}");
            return false;
        }
    }

    public static WebApplication UseWorkbench(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/Error", createScopeForErrors: true);
            app.UseHsts();
        }

        app.UseStatusCodePagesWithReExecute("/status/{0}", createScopeForStatusCodePages: true);
        app.UseRequestLocalization();
        app.UseWorkbenchSecurity();
        app.UseAntiforgery();

        // What the sign-in page needs is open to all; everything else falls under the sign-in policy.
        app.MapStaticAssets().AllowAnonymous();
        app.MapWorkbenchHealth();
        app.MapCultureSwitch();
        app.MapAccountEndpoints();
        app.MapExportDownload();
        app.MapReportEndpoints();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();

        app.Lifetime.ApplicationStarted.Register(() => PrintAddresses(app));
        return app;
    }

    private static void PrintAddresses(WebApplication app)
    {
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        foreach (var address in addresses)
        {
            Console.WriteLine($"ワークベンチを開く / Open the workbench: {address.Replace("://[::]", "://localhost", StringComparison.Ordinal)}/");
        }
    }
}
