using Dapper;
using Workbench.Data.Warehouse;

namespace Workbench.Data.Etl;

/// <summary>The import history as the データ page asks for it: batches by kind, status and time, a batch, its rejects.</summary>
public sealed class EtlBatchQueries(IWarehouseConnectionFactory connections, SqlCatalogue sql)
{
    public async Task<IReadOnlyList<EtlBatchRow>> SearchAsync(EtlBatchFilter filter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        await using var connection = await connections.OpenAsync(cancellationToken);
        return [.. await connection.QueryAsync<EtlBatchRow>(new CommandDefinition(sql["etl/batch_search"], new
        {
            source_kind = filter.Kind,
            batch_status = filter.Status,
            from_time = filter.FromUtc,
            to_time = filter.ToUtc,
            max_rows = filter.MaxRows,
        }, cancellationToken: cancellationToken))];
    }

    public async Task<EtlBatchRow?> GetAsync(long batchId, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<EtlBatchRow>(new CommandDefinition(sql["etl/batch_get"], new { batch_id = batchId }, cancellationToken: cancellationToken));
    }

    public async Task<IReadOnlyList<EtlReject>> RejectsAsync(long batchId, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return [.. await connection.QueryAsync<EtlReject>(new CommandDefinition(sql["etl/reject_list"], new { batch_id = batchId, limit }, cancellationToken: cancellationToken))];
    }
}

/// <summary>Null fields match everything. Times are UTC, as <c>etl_batch</c> stores them; <see cref="ToUtc"/> is exclusive.</summary>
public sealed record EtlBatchFilter(string? Kind = null, string? Status = null, DateTime? FromUtc = null, DateTime? ToUtc = null, int MaxRows = 1000);
