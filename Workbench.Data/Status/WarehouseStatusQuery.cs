using Dapper;
using Workbench.Data.Migrations;
using Workbench.Data.Warehouse;

namespace Workbench.Data.Status;

/// <summary>What the home page and <c>db status</c> show: where the warehouse is, its schema and what it holds.</summary>
public sealed class WarehouseStatusQuery(IWarehouseConnectionFactory connections, SqlCatalogue catalogue, MigrationRunner migrations)
{
    public async Task<WarehouseStatus> GetAsync(CancellationToken cancellationToken)
    {
        var schema = await migrations.GetStateAsync(cancellationToken);
        if (schema.SchemaVersion == 0)
        {
            return new WarehouseStatus(connections.Provider, connections.Location, 0, schema.Pending.Count, [], null);
        }

        await using var connection = await connections.OpenAsync(cancellationToken);
        var counts = (await connection.QueryAsync<FactRowCount>(new CommandDefinition(
            catalogue["warehouse/fact_row_counts"], cancellationToken: cancellationToken))).ToList();
        var lastBatch = await connection.QuerySingleOrDefaultAsync<EtlBatchSummary>(new CommandDefinition(
            catalogue["warehouse/last_etl_batch"], cancellationToken: cancellationToken));
        return new WarehouseStatus(connections.Provider, connections.Location, schema.SchemaVersion, schema.Pending.Count, counts, lastBatch);
    }

    /// <summary>Runs the cheapest query there is; throws when the warehouse does not answer.</summary>
    public async Task PingAsync(CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await connection.ExecuteScalarAsync<int>(new CommandDefinition(catalogue["warehouse/ping"], cancellationToken: cancellationToken));
    }
}
