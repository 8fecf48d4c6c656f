using System.Data.Common;
using Dapper;
using Microsoft.Extensions.Logging;
using Workbench.Data.Warehouse;

namespace Workbench.Data.Migrations;

/// <summary>Applies pending numbered scripts, each in its own transaction, and records them in <c>schema_version</c>.</summary>
public sealed class MigrationRunner(
    IWarehouseConnectionFactory connections, SqlCatalogue catalogue, TimeProvider time, ILogger<MigrationRunner> logger)
{
    public Task<MigrationReport> MigrateAsync(CancellationToken cancellationToken) =>
        MigrateAsync(catalogue.Migrations, cancellationToken);

    public async Task<MigrationReport> MigrateAsync(IReadOnlyList<MigrationScript> scripts, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var state = await ReadStateAsync(connection, scripts, cancellationToken);
        foreach (var script in state.Pending)
        {
            await ApplyAsync(connection, script, cancellationToken);
        }

        var version = state.Pending.Count > 0 ? state.Pending[^1].Version : state.SchemaVersion;
        return new MigrationReport(state.Pending, version);
    }

    public async Task<SchemaState> GetStateAsync(CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await ReadStateAsync(connection, catalogue.Migrations, cancellationToken);
    }

    private async Task<SchemaState> ReadStateAsync(DbConnection connection, IReadOnlyList<MigrationScript> scripts, CancellationToken cancellationToken)
    {
        await connection.ExecuteAsync(new CommandDefinition(catalogue["schema_version/ensure_table"], cancellationToken: cancellationToken));
        var applied = (await connection.QueryAsync<AppliedMigration>(
            new CommandDefinition(catalogue["schema_version/applied"], cancellationToken: cancellationToken))).ToList();
        var appliedVersions = applied.Select(a => a.Version).ToHashSet();
        var pending = scripts.Where(script => !appliedVersions.Contains(script.Version)).ToList();
        var changed = applied
            .Where(a => scripts.Any(s => s.Version == a.Version && s.Checksum != a.Checksum))
            .ToList();
        return new SchemaState(applied, pending) { Changed = changed };
    }

    private async Task ApplyAsync(DbConnection connection, MigrationScript script, CancellationToken cancellationToken)
    {
        logger.LogInformation("Applying migration {Script}", script.Name);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        try
        {
            foreach (var batch in script.Batches())
            {
                await connection.ExecuteAsync(new CommandDefinition(batch, transaction: transaction, cancellationToken: cancellationToken));
            }

            await connection.ExecuteAsync(new CommandDefinition(
                catalogue["schema_version/record"],
                new
                {
                    version = script.Version,
                    script_name = script.Name,
                    checksum = script.Checksum,
                    applied_at = time.GetUtcNow().UtcDateTime,
                },
                transaction,
                cancellationToken: cancellationToken));
            await transaction.CommitAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is DbException or InvalidOperationException)
        {
            await transaction.RollbackAsync(CancellationToken.None);
            throw new MigrationFailedException(script, ex);
        }
    }
}
