using System.Data.Common;
using Dapper;

namespace Workbench.Data.Warehouse;

internal static class TableColumns
{
    /// <summary>Throws unless <paramref name="columns"/> are exactly the table's columns, in order.</summary>
    public static async Task EnsureMatchAsync(
        DbConnection connection, DbTransaction? transaction, string table, IReadOnlyList<string> columns, string columnQuery, CancellationToken cancellationToken)
    {
        var actual = (await connection.QueryAsync<string>(new CommandDefinition(
            columnQuery, new { table_name = table }, transaction, cancellationToken: cancellationToken))).ToList();
        if (!actual.SequenceEqual(columns, StringComparer.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException(
                $"Bulk load into {table}: columns [{string.Join(", ", columns)}] do not match the table's [{string.Join(", ", actual)}].");
        }
    }
}
