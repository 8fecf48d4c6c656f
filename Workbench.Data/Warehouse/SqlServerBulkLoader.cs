using System.Data.Common;
using Microsoft.Data.SqlClient;

namespace Workbench.Data.Warehouse;

public sealed class SqlServerBulkLoader(SqlCatalogue catalogue) : IBulkLoader
{
    public async Task<long> LoadAsync(
        DbConnection connection,
        DbTransaction? transaction,
        string table,
        IReadOnlyList<string> columns,
        IEnumerable<object?[]> rows,
        CancellationToken cancellationToken)
    {
        // A #table is the batch's own, created a statement earlier with these columns; dbo's are checked.
        var temporary = table.StartsWith('#');
        if (!temporary)
        {
            await TableColumns.EnsureMatchAsync(connection, transaction, table, columns, catalogue["warehouse/table_columns"], cancellationToken);
        }

        using var reader = new ObjectRowReader(columns, rows);
        using var bulk = new SqlBulkCopy((SqlConnection)connection, SqlBulkCopyOptions.Default, (SqlTransaction?)transaction)
        {
            DestinationTableName = temporary ? table : $"dbo.{table}",
            BatchSize = 50_000,
            EnableStreaming = true,
            BulkCopyTimeout = 0,
        };
        foreach (var column in columns)
        {
            bulk.ColumnMappings.Add(column, column);
        }

        await bulk.WriteToServerAsync(reader, cancellationToken);
        return reader.RowsRead;
    }
}
