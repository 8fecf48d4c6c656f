using System.Globalization;
using System.Text;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Workbench.Data.Etl.Detection;
using Workbench.Data.Warehouse;

namespace Workbench.Data.Etl.Inbox;

/// <summary>
/// Watches <c>&lt;data folder&gt;/inbox/</c> for scheduled drops. A file whose size and time have settled is imported
/// through the same <see cref="EtlPipeline"/> as the CLI and the データ page (one import at a time), then moved to
/// <c>done/</c> (loaded, or already loaded before) or <c>failed/</c> (refused, failed, or of no known kind) with a
/// <c>&lt;file&gt;.report.txt</c> beside it. Files at the top are recognised by <see cref="ImportKindDetector"/>; a file
/// in <c>inbox/&lt;kind&gt;/</c> is imported as that kind. The folder is polled rather than watched with
/// FileSystemWatcher, which misses events on network shares, where city drop folders usually are.
/// </summary>
public sealed class EtlInbox(
    EtlPipeline pipeline,
    ImportKindDetector detector,
    IOptions<EtlInboxOptions> options,
    IOptions<WarehouseOptions> warehouse,
    TimeProvider time,
    ILogger<EtlInbox> logger) : BackgroundService
{
    public const string StartedBy = "inbox";
    public const string DoneFolder = "done";
    public const string FailedFolder = "failed";
    public const string ReportSuffix = ".report.txt";
    private const int RejectsInReport = 50;

    private static readonly CultureInfo Japanese = CultureInfo.GetCultureInfo("ja-JP");
    private static readonly string[] PartialSuffixes = [".tmp", ".part", ".partial", ".crdownload", ".filepart", ReportSuffix];

    private readonly Dictionary<string, (long Length, DateTime WrittenAt, DateTimeOffset StableSince)> seen = new(StringComparer.Ordinal);

    public string Folder => Path.GetFullPath(options.Value.Folder, warehouse.Value.DataDirectory);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            return;
        }

        await Task.Yield(); // never hold up the host's start, even with files waiting
        logger.LogInformation("ETL inbox watching {Folder}", Folder);
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.PollSeconds), time);
        do
        {
            try
            {
                await ScanAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // One bad pass (a share gone away, a permission) must not stop the watching.
                logger.LogError(ex, "ETL inbox pass over {Folder} failed", Folder);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>One look at the folder: imports every file that has settled, returns what became of each.</summary>
    public async Task<IReadOnlyList<InboxOutcome>> ScanAsync(CancellationToken cancellationToken)
    {
        var root = Folder;
        Directory.CreateDirectory(root);
        Directory.CreateDirectory(Path.Combine(root, DoneFolder));
        Directory.CreateDirectory(Path.Combine(root, FailedFolder));

        var now = time.GetUtcNow();
        var settle = TimeSpan.FromSeconds(options.Value.SettleSeconds);
        var present = new HashSet<string>(StringComparer.Ordinal);
        var outcomes = new List<InboxOutcome>();
        foreach (var (path, kind) in Candidates(root))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var info = new FileInfo(path);
            if (!info.Exists)
            {
                continue;
            }

            present.Add(path);
            if (!seen.TryGetValue(path, out var last) || last.Length != info.Length || last.WrittenAt != info.LastWriteTimeUtc)
            {
                seen[path] = (info.Length, info.LastWriteTimeUtc, now);
                if (settle > TimeSpan.Zero)
                {
                    continue; // seen for the first time, or still being written: look again next pass
                }
            }
            else if (now - last.StableSince < settle)
            {
                continue;
            }

            var outcome = await ProcessAsync(root, path, kind, cancellationToken);
            seen.Remove(path);
            if (outcome is not null)
            {
                outcomes.Add(outcome);
            }
        }

        foreach (var gone in seen.Keys.Where(k => !present.Contains(k)).ToList())
        {
            seen.Remove(gone);
        }

        return outcomes;
    }

    /// <summary>Files at the top (kind detected) and in a folder named after a kind (kind given).</summary>
    private IEnumerable<(string Path, string? Kind)> Candidates(string root)
    {
        foreach (var file in Directory.EnumerateFiles(root).Order(StringComparer.Ordinal).Where(IsCandidate))
        {
            yield return (file, null);
        }

        foreach (var kind in pipeline.Kinds)
        {
            var folder = Path.Combine(root, kind);
            if (Directory.Exists(folder))
            {
                foreach (var file in Directory.EnumerateFiles(folder).Order(StringComparer.Ordinal).Where(IsCandidate))
                {
                    yield return (file, kind);
                }
            }
        }
    }

    private static bool IsCandidate(string path)
    {
        var name = Path.GetFileName(path);
        return !name.StartsWith('.') && !name.StartsWith('~') && !PartialSuffixes.Any(s => name.EndsWith(s, StringComparison.OrdinalIgnoreCase));
    }

    private async Task<InboxOutcome?> ProcessAsync(string root, string path, string? kind, CancellationToken cancellationToken)
    {
        var fileName = Path.GetFileName(path);
        ImportResult? result = null;
        string? error = null;
        try
        {
            kind ??= await detector.DetectAsync(path, cancellationToken);
            if (kind is null)
            {
                error = $"ファイルの種類を判定できませんでした。種類ごとのフォルダ（{Path.Combine(Path.GetFileName(root), "<種類>")}/、種類: {string.Join(", ", pipeline.Kinds)}）に置くと、その種類として取り込みます。";
            }
            else
            {
                result = await pipeline.ImportAsync(kind, path, StartedBy, null, cancellationToken);
            }
        }
        catch (EtlFileException ex)
        {
            error = ex.Message;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Anything else goes to failed/ with its reason, rather than being tried again on every pass.
            logger.LogError(ex, "ETL inbox could not import {File}", path);
            error = $"取り込み中にエラーが起きたため、何も取り込んでいません: {ex.Message}";
        }

        if (cancellationToken.IsCancellationRequested)
        {
            // Stopping: the import was rolled back; the file stays in the inbox and is taken again on the next start.
            return null;
        }

        var succeeded = result is { Status: ImportStatus.Succeeded or ImportStatus.AlreadyImported };
        var destination = FreeName(Path.Combine(root, succeeded ? DoneFolder : FailedFolder), fileName);
        File.Move(path, destination);
        var report = destination + ReportSuffix;
        // Written aside and renamed, so whoever waits for the report never reads half of it.
        await File.WriteAllTextAsync(report + ".writing", Report(fileName, kind, result, error), new UTF8Encoding(true), CancellationToken.None);
        File.Move(report + ".writing", report, overwrite: true);
        logger.LogInformation("ETL inbox: {File} ({Kind}) → {Destination}", fileName, kind, destination);
        return new InboxOutcome(fileName, kind, destination, report, result, error);
    }

    /// <summary>The name in <paramref name="folder"/>, or the name with the time before it when a file of that name is there already.</summary>
    private string FreeName(string folder, string fileName)
    {
        var path = Path.Combine(folder, fileName);
        if (!File.Exists(path))
        {
            return path;
        }

        var stamp = time.GetLocalNow().ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture);
        for (var n = 1; ; n++)
        {
            var candidate = Path.Combine(folder, n == 1 ? $"{stamp}_{fileName}" : $"{stamp}-{n}_{fileName}");
            if (!File.Exists(candidate))
            {
                return candidate;
            }
        }
    }

    private string Report(string fileName, string? kind, ImportResult? result, string? error)
    {
        var text = new StringBuilder();
        text.AppendLine(Japanese, $"ファイル: {fileName}");
        text.AppendLine(Japanese, $"種類: {kind ?? "（不明）"}");
        text.AppendLine(Japanese, $"処理日時: {time.GetLocalNow():yyyy/MM/dd HH:mm:ss}");
        if (result is null)
        {
            text.AppendLine("結果: 失敗（何も取り込んでいません）");
            text.AppendLine(Japanese, $"理由: {error}");
            return text.ToString();
        }

        text.AppendLine(Japanese, $"結果: {StatusText(result.Status)}");
        text.AppendLine(Japanese, $"バッチ: #{result.BatchId}");
        if (result.Status != ImportStatus.AlreadyImported)
        {
            text.AppendLine(Japanese, $"読込: {result.RowsRead:N0} 行　取込: {result.RowsLoaded:N0} 行　除外: {result.RowsRejected:N0} 行");
            foreach (var (table, count) in result.Tables)
            {
                text.AppendLine(Japanese, $"  {table}: 読込 {count.Read:N0}・取込 {count.Loaded:N0}・除外 {count.Rejected:N0}");
            }
        }

        text.AppendLine(Japanese, $"メッセージ: {result.Message}");
        if (result.Rejects.Count > 0)
        {
            text.AppendLine(Japanese, $"除外された行（{Math.Min(result.Rejects.Count, RejectsInReport):N0} 行を表示、全 {result.RowsRejected:N0} 行。データページか etl rejects {result.BatchId} で一覧）:");
            foreach (var reject in result.Rejects.Take(RejectsInReport))
            {
                text.AppendLine(Japanese, $"  {reject.SourcePart}:{reject.LineNumber}\t{reject.FieldName}\t{reject.Reason}\t{reject.MaskedValue}");
            }
        }

        return text.ToString();
    }

    public static string StatusText(ImportStatus status) => status switch
    {
        ImportStatus.Succeeded => "成功",
        ImportStatus.AlreadyImported => "取り込み済み（同じファイルを以前に取り込んでいます。何も変更していません）",
        ImportStatus.Refused => "拒否（除外された行が多すぎるため、1行も取り込んでいません）",
        _ => "失敗（何も取り込んでいません）",
    };
}

/// <summary>What became of one inbox file: where it went, its report, and the batch (null when it never reached the pipeline).</summary>
public sealed record InboxOutcome(string FileName, string? Kind, string MovedTo, string ReportPath, ImportResult? Result, string? Error)
{
    public bool Succeeded => Result is { Status: ImportStatus.Succeeded or ImportStatus.AlreadyImported };
}
