using System.Data.Common;

namespace Workbench.Data.Warehouse;

/// <summary>
/// Loads many rows into one table fast: DuckDB's Appender or SQL Server's SqlBulkCopy.
/// Rows carry every column of the table in the table's own order; the loader checks that once per call (not for a
/// SQL Server <c>#table</c>, which the batch itself created a statement earlier).
/// The load joins the given transaction, so a rolled-back batch leaves nothing behind.
/// </summary>
public interface IBulkLoader
{
    Task<long> LoadAsync(
        DbConnection connection,
        DbTransaction? transaction,
        string table,
        IReadOnlyList<string> columns,
        IEnumerable<object?[]> rows,
        CancellationToken cancellationToken);
}
