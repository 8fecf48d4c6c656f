using System.Data.Common;
using System.Globalization;
using Dapper;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Workbench.Data.Warehouse;

namespace Workbench.Data.Etl;

/// <summary>
/// The one code path every import takes (CLI, データ page, inbox, seed): fingerprint the file, skip it if it was
/// imported already, run the importer inside one transaction, refuse the batch when too many rows were rejected,
/// and record the batch with its counts and rejects.
/// </summary>
public sealed class EtlPipeline(
    IWarehouseConnectionFactory connections,
    SqlCatalogue sql,
    IBulkLoader loader,
    Pseudonymiser pseudonyms,
    IOptions<EtlOptions> options,
    TimeProvider time,
    IEnumerable<IImporter> importers,
    ILogger<EtlPipeline> logger)
{
    private static readonly string[] RejectColumns = ["batch_id", "source_part", "line_number", "field_name", "reason", "masked_value"];

    // DuckDB has one writer; imports in this process take turns.
    private readonly SemaphoreSlim oneAtATime = new(1, 1);

    public IReadOnlyList<string> Kinds { get; } = [.. importers.Select(i => i.Kind).Order(StringComparer.Ordinal)];

    public async Task<ImportResult> ImportAsync(
        string kind, string path, string startedBy, IProgress<long>? progress, CancellationToken cancellationToken)
    {
        var importer = importers.FirstOrDefault(i => i.Kind == kind)
            ?? throw new EtlFileException($"取り込みの種類 '{kind}' はありません。使える種類: {string.Join(", ", Kinds)}");
        var fullPath = Path.GetFullPath(path);
        var sha256 = await FileFingerprint.Sha256Async(fullPath, cancellationToken);

        await oneAtATime.WaitAsync(cancellationToken);
        try
        {
            await using var connection = await connections.OpenAsync(cancellationToken);
            var earlier = await connection.QuerySingleOrDefaultAsync<long?>(new CommandDefinition(
                sql["etl/batch_find_succeeded"], new { source_kind = kind, file_sha256 = sha256 }, cancellationToken: cancellationToken));
            if (earlier is { } earlierBatch)
            {
                return new ImportResult(earlierBatch, ImportStatus.AlreadyImported,
                    $"このファイルは取り込み済みです（バッチ #{earlierBatch}）。何も変更していません。", new Dictionary<string, TableCount>(), []);
            }

            var batchId = await connection.ExecuteScalarAsync<long>(new CommandDefinition(sql["etl/batch_start"], new
            {
                source_kind = kind,
                file_name = Path.GetFileName(fullPath.TrimEnd(Path.DirectorySeparatorChar)),
                file_sha256 = sha256,
                started_at = time.GetUtcNow().UtcDateTime,
                started_by = startedBy,
            }, cancellationToken: cancellationToken));

            var (status, message, context) = await RunAsync(connection, importer, batchId, fullPath, progress, cancellationToken);
            await FinishAsync(connection, batchId, status, message, context);
            logger.LogInformation("ETL batch {BatchId} ({Kind}, {File}): {Status}", batchId, kind, fullPath, status);
            return new ImportResult(batchId, status, message, context?.Tables ?? new Dictionary<string, TableCount>(), context?.Rejects ?? []);
        }
        finally
        {
            oneAtATime.Release();
        }
    }

    private async Task<(ImportStatus Status, string Message, ImportContext? Context)> RunAsync(
        DbConnection connection, IImporter importer, long batchId, string path, IProgress<long>? progress, CancellationToken cancellationToken)
    {
        // The context begins the batch's transaction at its first statement and ends it when disposed; the counts it
        // holds outlive it.
        await using var context = new ImportContext(connection, batchId, path, sql, loader, pseudonyms, options.Value, time, progress);
        try
        {
            await importer.ImportAsync(context, cancellationToken);
            var read = context.Tables.Values.Sum(t => t.Read);
            var rejected = context.RejectedRows;
            if (read > 0 && rejected > read * options.Value.MaxRejectShare)
            {
                await context.RollbackAsync();
                return (ImportStatus.Refused, string.Format(CultureInfo.GetCultureInfo("ja-JP"),
                    "除外された行が多すぎるため（{0:N0} 行中 {1:N0} 行、上限 {2:P0}）、このファイルは1行も取り込んでいません。除外理由を確認し、修正したファイルを取り込んでください。",
                    read, rejected, options.Value.MaxRejectShare), context);
            }

            await context.CommitAsync(cancellationToken);
            var summary = string.Format(CultureInfo.GetCultureInfo("ja-JP"),
                "{0:N0} 行を読み、{1:N0} 行を取り込み、{2:N0} 行を除外しました。", read, context.Tables.Values.Sum(t => t.Loaded), rejected);
            return (ImportStatus.Succeeded, string.Concat([summary, .. context.Notes]), context);
        }
        catch (EtlFileException ex)
        {
            await context.RollbackAsync();
            return (ImportStatus.Failed, ex.Message, context);
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or System.Text.Json.JsonException or System.Text.DecoderFallbackException)
        {
            // A damaged file (a broken zip, cut-off JSON) reaches the importer's reader: the batch fails, recorded with why.
            await context.RollbackAsync();
            logger.LogWarning(ex, "ETL batch {BatchId} could not read its file", batchId);
            return (ImportStatus.Failed, $"ファイルを読み取れなかったため、何も取り込んでいません（壊れているか、この種類の形式ではありません）: {ex.Message}", context);
        }
        catch (OperationCanceledException)
        {
            await context.RollbackAsync();
            return (ImportStatus.Failed, "取り込みは中止されました。何も取り込んでいません。", context);
        }
        catch (DbException ex)
        {
            await context.RollbackAsync();
            logger.LogError(ex, "ETL batch {BatchId} failed in the warehouse", batchId);
            return (ImportStatus.Failed, $"データ倉庫への書き込みに失敗したため、何も取り込んでいません: {ex.Message}", context);
        }
    }

    private async Task FinishAsync(DbConnection connection, long batchId, ImportStatus status, string message, ImportContext? context)
    {
        var tables = context?.Tables ?? new Dictionary<string, TableCount>();
        await using var transaction = await connection.BeginTransactionAsync(CancellationToken.None);
        foreach (var (table, count) in tables)
        {
            await connection.ExecuteAsync(new CommandDefinition(sql["etl/batch_table_insert"], new
            {
                batch_id = batchId,
                table_name = table,
                rows_read = count.Read,
                rows_loaded = status == ImportStatus.Succeeded ? count.Loaded : 0,
                rows_rejected = count.Rejected,
            }, transaction));
        }

        if (context is { Rejects.Count: > 0 })
        {
            await loader.LoadAsync(connection, transaction, "etl_reject", RejectColumns,
                context.Rejects.Select(r => new object?[] { batchId, r.SourcePart, r.LineNumber, r.FieldName, r.Reason, r.MaskedValue }), CancellationToken.None);
        }

        await connection.ExecuteAsync(new CommandDefinition(sql["etl/batch_finish"], new
        {
            batch_id = batchId,
            batch_status = status.ToString().ToLowerInvariant(),
            rows_read = tables.Values.Sum(t => t.Read),
            rows_loaded = status == ImportStatus.Succeeded ? tables.Values.Sum(t => t.Loaded) : 0,
            rows_rejected = tables.Values.Sum(t => t.Rejected),
            finished_at = time.GetUtcNow().UtcDateTime,
            message,
        }, transaction));
        await transaction.CommitAsync(CancellationToken.None);
    }

    public async Task<IReadOnlyList<EtlBatchRow>> ListBatchesAsync(int limit, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return [.. await connection.QueryAsync<EtlBatchRow>(new CommandDefinition(sql["etl/batch_list"], new { limit }, cancellationToken: cancellationToken))];
    }

    public async Task<IReadOnlyList<EtlReject>> ListRejectsAsync(long batchId, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return [.. await connection.QueryAsync<EtlReject>(new CommandDefinition(sql["etl/reject_list"], new { batch_id = batchId, limit }, cancellationToken: cancellationToken))];
    }
}
