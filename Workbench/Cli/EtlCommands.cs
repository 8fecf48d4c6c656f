using System.CommandLine;
using System.Globalization;
using Spectre.Console;
using Workbench.Data.Etl;
using Workbench.Data.Synthetic;

namespace Workbench.Cli;

internal static class EtlCommands
{
    private static readonly CultureInfo Japanese = CultureInfo.GetCultureInfo("ja-JP");

    public static Command Create(string[] configurationArgs)
    {
        var kind = new Argument<string>("kind") { Description = "oneroster, xapi, attendance, assessment, districts, population, residents, consent, checklist, checkup, vitals, gtfs, board-alight, ic-card, demand-taxi, waste-weighing, bulky-waste" };
        var path = new Argument<string>("path") { Description = "ファイルまたはフォルダ / file or folder" };
        var import = new Command("import", "ファイルを取り込みます / Import a source file") { kind, path };
        import.SetAction((parse, ct) => CliHost.RunAsync(configurationArgs,
            (services, token) => ImportAsync(services, parse.GetValue(kind)!, parse.GetValue(path)!, token), ct));

        var batches = new Command("batches", "取り込みの履歴 / Import history");
        batches.SetAction((_, ct) => CliHost.RunAsync(configurationArgs, BatchesAsync, ct));

        var batchId = new Argument<long>("batch") { Description = "バッチ番号 / batch number" };
        var rejects = new Command("rejects", "除外された行 / Rejected rows of a batch") { batchId };
        rejects.SetAction((parse, ct) => CliHost.RunAsync(configurationArgs,
            (services, token) => RejectsAsync(services, parse.GetValue(batchId), token), ct));

        var scale = new Option<SeedScale>("--scale") { Description = "tiny, demo, city", DefaultValueFactory = _ => SeedScale.Demo };
        var seed = new Command("seed", "合成した津山市のデータを作成して取り込みます / Generate and import a synthetic Tsuyama") { scale };
        seed.SetAction((parse, ct) => CliHost.RunAsync(configurationArgs,
            (services, token) => SeedAsync(services, parse.GetValue(scale), token), ct));

        var etl = new Command("etl", "データの取り込み / Data imports");
        etl.Subcommands.Add(import);
        etl.Subcommands.Add(batches);
        etl.Subcommands.Add(rejects);
        etl.Subcommands.Add(seed);
        return etl;
    }

    private static async Task<int> ImportAsync(IServiceProvider services, string kind, string path, CancellationToken cancellationToken)
    {
        await services.GetRequiredService<Data.Warehouse.WarehouseStartup>().PrepareAsync(cancellationToken);
        var pipeline = services.GetRequiredService<EtlPipeline>();
        ImportResult? result = null;
        try
        {
            if (!AnsiConsole.Profile.Capabilities.Interactive)
            {
                // Redirected output (logs, scripts): plain progress lines instead of a live bar.
                result = await pipeline.ImportAsync(kind, path, Environment.UserName, new Progress<long>(rows => Console.WriteLine($"{kind}: {rows:N0} 行を読み込み中…")), cancellationToken);
                return Report(result);
            }

            await AnsiConsole.Progress().AutoClear(true).StartAsync(async progress =>
            {
                var task = progress.AddTask(Markup.Escape($"{kind}: {Path.GetFileName(path)}"), maxValue: double.MaxValue);
                task.IsIndeterminate = true;
                result = await pipeline.ImportAsync(kind, path, Environment.UserName, new Progress<long>(rows => task.Description = Markup.Escape($"{kind}: {rows:N0} 行")), cancellationToken);
            });
        }
        catch (EtlFileException ex)
        {
            await Console.Error.WriteLineAsync($"エラー: {ex.Message}");
            return 1;
        }

        return Report(result!);
    }

    private static async Task<int> SeedAsync(IServiceProvider services, SeedScale scale, CancellationToken cancellationToken)
    {
        await services.GetRequiredService<Data.Warehouse.WarehouseStartup>().PrepareAsync(cancellationToken);
        try
        {
            var results = await services.GetRequiredService<SyntheticSeeder>().SeedAsync(scale, new Hosting.ConsoleLines(), cancellationToken);
            var table = new Table().AddColumns("#", "状態 / status", "表 / tables", "読込 / read", "取込 / loaded", "除外 / rejected");
            foreach (var r in results)
            {
                table.AddRow(r.BatchId.ToString(Japanese), r.Status.ToString(), Markup.Escape(string.Join(", ", r.Tables.Keys)),
                    r.RowsRead.ToString("N0", Japanese), r.RowsLoaded.ToString("N0", Japanese), r.RowsRejected.ToString("N0", Japanese));
            }

            AnsiConsole.Write(table);
            return 0;
        }
        catch (EtlFileException ex)
        {
            await Console.Error.WriteLineAsync($"エラー: {ex.Message}");
            return 1;
        }
    }

    /// <summary>Prints the batch's outcome and counts per table; the exit code says whether it loaded.</summary>
    internal static int Report(ImportResult result)
    {
        Console.WriteLine($"バッチ #{result.BatchId}: {result.Message}");
        if (result.Tables.Count > 0)
        {
            var table = new Table().AddColumns("表 / part", "読込 / read", "取込 / loaded", "除外 / rejected");
            foreach (var (name, count) in result.Tables)
            {
                table.AddRow(Markup.Escape(name), count.Read.ToString("N0", Japanese), count.Loaded.ToString("N0", Japanese), count.Rejected.ToString("N0", Japanese));
            }

            AnsiConsole.Write(table);
        }

        foreach (var reject in result.Rejects.Take(20))
        {
            Console.WriteLine($"  {reject.SourcePart}:{reject.LineNumber} {reject.FieldName}: {reject.Reason}");
        }

        if (result.Rejects.Count > 20)
        {
            Console.WriteLine($"  …ほか {result.RowsRejected - 20:N0} 行（etl rejects {result.BatchId} で一覧）");
        }

        return result.Status is ImportStatus.Succeeded or ImportStatus.AlreadyImported ? 0 : 1;
    }

    private static async Task<int> BatchesAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        await services.GetRequiredService<Data.Warehouse.WarehouseStartup>().PrepareAsync(cancellationToken);
        var rows = await services.GetRequiredService<EtlPipeline>().ListBatchesAsync(50, cancellationToken);
        var table = new Table().AddColumns("#", "種類 / kind", "ファイル / file", "状態 / status", "読込", "取込", "除外", "開始 / started (UTC)");
        foreach (var b in rows)
        {
            table.AddRow(b.BatchId.ToString(Japanese), Markup.Escape(b.SourceKind), Markup.Escape(b.FileName), b.Status,
                b.RowsRead.ToString("N0", Japanese), b.RowsLoaded.ToString("N0", Japanese), b.RowsRejected.ToString("N0", Japanese),
                b.StartedAt.ToString("yyyy/MM/dd HH:mm:ss", Japanese));
        }

        AnsiConsole.Write(table);
        return 0;
    }

    private static async Task<int> RejectsAsync(IServiceProvider services, long batchId, CancellationToken cancellationToken)
    {
        await services.GetRequiredService<Data.Warehouse.WarehouseStartup>().PrepareAsync(cancellationToken);
        var rows = await services.GetRequiredService<EtlPipeline>().ListRejectsAsync(batchId, 1000, cancellationToken);
        foreach (var r in rows)
        {
            Console.WriteLine($"{r.SourcePart}:{r.LineNumber}\t{r.FieldName}\t{r.Reason}\t{r.MaskedValue}");
        }

        Console.WriteLine($"{rows.Count:N0} 行 / rows");
        return 0;
    }
}
