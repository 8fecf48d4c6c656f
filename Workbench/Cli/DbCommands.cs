using System.CommandLine;
using System.Globalization;
using Spectre.Console;
using Workbench.Data.Migrations;
using Workbench.Data.Status;
using Workbench.Data.Warehouse;

namespace Workbench.Cli;

internal static class DbCommands
{
    public static Command Create(string[] configurationArgs)
    {
        var migrate = new Command("migrate", "未適用のマイグレーションを適用します / Apply pending migrations");
        migrate.SetAction((_, cancellationToken) => CliHost.RunAsync(configurationArgs, MigrateAsync, cancellationToken));

        var status = new Command("status", "データ倉庫の状態を表示します / Show the warehouse's status");
        status.SetAction((_, cancellationToken) => CliHost.RunAsync(configurationArgs, StatusAsync, cancellationToken));

        var db = new Command("db", "データ倉庫 / The warehouse");
        db.Subcommands.Add(migrate);
        db.Subcommands.Add(status);
        return db;
    }

    private static async Task<int> MigrateAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var connections = services.GetRequiredService<IWarehouseConnectionFactory>();
        var report = await services.GetRequiredService<WarehouseStartup>().PrepareAsync(cancellationToken);
        foreach (var script in report.Applied)
        {
            Console.WriteLine($"適用しました / applied: {script.Name}");
        }

        Console.WriteLine(report.Applied.Count == 0
            ? $"スキーマは最新です（版 {report.SchemaVersion}）/ Schema is up to date (version {report.SchemaVersion}): {connections.Location}"
            : $"スキーマを版 {report.SchemaVersion} に更新しました / Schema migrated to version {report.SchemaVersion}: {connections.Location}");
        return 0;
    }

    private static async Task<int> StatusAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var status = await services.GetRequiredService<WarehouseStatusQuery>().GetAsync(cancellationToken);
        var culture = CultureInfo.GetCultureInfo("ja-JP");
        var table = new Table().AddColumns("項目 / Item", "値 / Value");
        table.AddRow("倉庫 / Provider", status.Provider.ToString());
        table.AddRow("場所 / Location", Markup.Escape(status.Location));
        table.AddRow("スキーマ版 / Schema version", status.SchemaVersion.ToString(culture));
        table.AddRow("未適用 / Pending migrations", status.PendingMigrations.ToString(culture));
        foreach (var fact in status.FactRowCounts)
        {
            table.AddRow(Markup.Escape(fact.TableName), fact.RowTotal.ToString("N0", culture));
        }

        table.AddRow("最後の取り込み / Last import", status.LastBatch is { } batch
            ? Markup.Escape($"#{batch.BatchId} {batch.SourceKind} {batch.FileName} {batch.Status}")
            : "なし / none");
        AnsiConsole.Write(table);
        if (status.PendingMigrations > 0)
        {
            Console.WriteLine("未適用のマイグレーションがあります。`db migrate` で適用してください。/ Run `db migrate` to apply pending migrations.");
        }

        return 0;
    }
}
