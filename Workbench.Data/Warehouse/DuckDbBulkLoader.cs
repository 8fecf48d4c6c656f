using System.Data.Common;
using DuckDB.NET.Data;

namespace Workbench.Data.Warehouse;

public sealed class DuckDbBulkLoader(SqlCatalogue catalogue) : IBulkLoader
{
    public async Task<long> LoadAsync(
        DbConnection connection,
        DbTransaction? transaction,
        string table,
        IReadOnlyList<string> columns,
        IEnumerable<object?[]> rows,
        CancellationToken cancellationToken)
    {
        await TableColumns.EnsureMatchAsync(connection, transaction, table, columns, catalogue["warehouse/table_columns"], cancellationToken);
        var duck = (DuckDBConnection)connection;
        long count = 0;
        using (var appender = duck.CreateAppender(table))
        {
            foreach (var row in rows)
            {
                if ((count & 0xFFF) == 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                }

                var appended = appender.CreateRow();
                foreach (var value in row)
                {
                    appended = Append(appended, value);
                }

                appended.EndRow();
                count++;
            }
        }

        return count;
    }

    private static IDuckDBAppenderRow Append(IDuckDBAppenderRow row, object? value) => value switch
    {
        null or DBNull => row.AppendNullValue(),
        string s => row.AppendValue(s),
        int i => row.AppendValue(i),
        long l => row.AppendValue(l),
        short s => row.AppendValue(s),
        double d => row.AppendValue(d),
        float f => row.AppendValue(f),
        decimal m => row.AppendValue(m),
        bool b => row.AppendValue(b),
        DateOnly d => row.AppendValue(d),
        DateTime t => row.AppendValue(t),
        DateTimeOffset t => row.AppendValue(t),
        TimeSpan t => row.AppendValue(t),
        Guid g => row.AppendValue(g),
        byte[] bytes => row.AppendValue(bytes),
        _ => throw new NotSupportedException($"The bulk loader cannot append a {value.GetType().Name}."),
    };
}
