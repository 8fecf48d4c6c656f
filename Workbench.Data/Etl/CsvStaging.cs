using System.Data.Common;
using System.Text.RegularExpressions;
using Dapper;
using DuckDB.NET.Data;
using DuckDB.NET.Native;
using Workbench.Data.Warehouse;

namespace Workbench.Data.Etl;

/// <summary>
/// Puts the records of a CSV file into a staging table, so that an importer checks them in SQL rather than row by row.
/// The stage query (e.g. <c>etl/board_alight_stage</c>) holds each dialect's part. DuckDB reads the file with its own
/// reader (<c>read_csv</c>, on every core) into a temporary table whose rowid + 1 is the record number, and returns the
/// number of records; every field arrives as the file has it, and the query, given the importer's parameters too, may
/// parse and check it as it is read, trimming it as <see cref="CsvSource"/> does. SQL Server has no reader of the
/// workbench's files: the stage query creates <c>#table</c> and CsvSource's records stream into it through the bulk
/// loader, with their record numbers and <see cref="CsvSource.Get"/>'s trimmed values. Either way the records are
/// those CsvSource reads, numbered alike, so a record number leads back to the file's line.
/// </summary>
internal sealed partial class CsvStaging(DbConnection connection, SqlCatalogue sql, IBulkLoader loader)
{
    private const string RecordNumber = "record_number";

    /// <param name="columns">The importer's fixed column names (never the file's): a column the header lacks stages as NULL.</param>
    /// <param name="parameters">The importer's parameters of a DuckDB stage query, beside <c>$path</c> and <c>$parallel</c>.</param>
    public async Task<long> StageAsync(
        CsvSource csv, string stageQuery, string table, IReadOnlyList<string> columns, object? parameters, CancellationToken cancellationToken)
    {
        if (columns.Prepend(table).FirstOrDefault(c => !Identifier().IsMatch(c)) is { } odd)
        {
            throw new ArgumentException($"'{odd}' is not a plain table or column name.", nameof(columns));
        }

        return sql.Provider == WarehouseProvider.DuckDb
            ? await ReadCsvAsync(csv, stageQuery, columns, parameters, cancellationToken)
            : await BulkCopyAsync(csv, stageQuery, table, columns, cancellationToken);
    }

    private async Task<long> ReadCsvAsync(
        CsvSource csv, string stageQuery, IReadOnlyList<string> columns, object? importerParameters, CancellationToken cancellationToken)
    {
        var selected = string.Join(", ", columns.Select(c => csv.Has(c) ? $"\"{c}\"" : $"CAST(NULL AS VARCHAR) AS \"{c}\""));
        var parameters = new DynamicParameters(importerParameters);
        parameters.AddDynamicParams(new { path = csv.FilePath, parallel = !HasLineBreakInQuotes(csv.FilePath) });
        try
        {
            return await connection.ExecuteScalarAsync<long>(new CommandDefinition(
                sql[stageQuery].Replace("{columns}", selected, StringComparison.Ordinal), parameters, cancellationToken: cancellationToken));
        }
        catch (DuckDBException ex) when (IsUnreadableFile(ex))
        {
            // The reader stops at the first record it cannot split, or cannot settle the format at all (line endings that
            // change within the file). Its first lines say what and where; the rest are hints about its own options.
            var cause = string.Join(" / ", ex.Message.Replace(csv.FilePath, csv.PartName, StringComparison.Ordinal)
                .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Take(3)
                .Select(line => line.Length > 200 ? line[..200] + "…" : line));
            throw new EtlFileException(
                $"{csv.PartName} を CSV として読み取れません（{cause}）。引用符（\"）の閉じ忘れ、見出しより多い列、ファイルの途中で変わる改行コードがないか確かめてください。");
        }
    }

    // DuckDB.NET reports a sniffing failure as Invalid, like a catalog error: the message tells them apart.
    private static bool IsUnreadableFile(DuckDBException ex) =>
        ex.ErrorType == DuckDBErrorType.ParameterNotAllowed
        || ((ex.ErrorType is DuckDBErrorType.Invalid or DuckDBErrorType.InvalidInput) && ex.Message.StartsWith("Invalid Input Error", StringComparison.Ordinal));

    private async Task<long> BulkCopyAsync(CsvSource csv, string stageQuery, string table, IReadOnlyList<string> columns, CancellationToken cancellationToken)
    {
        // Without parameters, so that SqlClient sends a plain batch: a #table made inside sp_executesql would end with it.
        await connection.ExecuteAsync(new CommandDefinition(sql[stageQuery], cancellationToken: cancellationToken));
        return await loader.LoadAsync(connection, null, "#" + table, [RecordNumber, .. columns], Records(csv, columns), cancellationToken);
    }

    private static IEnumerable<object?[]> Records(CsvSource csv, IReadOnlyList<string> columns)
    {
        long record = 0;
        while (csv.Read())
        {
            var row = new object?[columns.Count + 1];
            row[0] = ++record;
            for (var i = 0; i < columns.Count; i++)
            {
                row[i + 1] = csv.Get(columns[i]);
            }

            yield return row;
        }
    }

    /// <summary>
    /// Whether a quoted field holds a line break. DuckDB's parallel reader refuses to NULL-pad short records in such a
    /// file; the serial reader does both. One pass over the bytes, far cheaper than reading every file serially.
    /// </summary>
    internal static bool HasLineBreakInQuotes(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        var buffer = new byte[1 << 20];
        var inQuotes = false;
        int read;
        while ((read = stream.Read(buffer)) > 0)
        {
            var rest = buffer.AsSpan(0, read);
            while (!rest.IsEmpty)
            {
                // A doubled quote inside quotes toggles twice, so counting quotes is enough to know where we are.
                var next = inQuotes ? rest.IndexOfAny((byte)'"', (byte)'\n', (byte)'\r') : rest.IndexOf((byte)'"');
                if (next < 0)
                {
                    break;
                }

                if (rest[next] != (byte)'"')
                {
                    return true;
                }

                inQuotes = !inQuotes;
                rest = rest[(next + 1)..];
            }
        }

        return false;
    }

    [GeneratedRegex("^[a-z_][a-z0-9_]*$")]
    private static partial Regex Identifier();
}
