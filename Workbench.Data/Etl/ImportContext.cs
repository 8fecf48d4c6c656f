using System.Data.Common;
using System.Globalization;
using Dapper;
using Workbench.Data.Warehouse;

namespace Workbench.Data.Etl;

/// <summary>
/// What an importer works with during one batch: the batch's transaction, pseudonyms, counts and rejects. The
/// transaction begins with the first statement that runs in it (it first empties the staging tables, in case an earlier
/// batch was cut off); an importer that checks its file in SQL does that before, in the connection's temporary tables
/// (<see cref="ExecuteBeforeTransactionAsync"/>): DuckDB scans rows written inside a transaction on one thread only.
/// Disposing ends the transaction, rolled back unless it was committed.
/// </summary>
public sealed class ImportContext(
    DbConnection connection,
    long batchId,
    string sourcePath,
    SqlCatalogue sql,
    IBulkLoader loader,
    Pseudonymiser pseudonyms,
    EtlOptions options,
    TimeProvider time,
    IProgress<long>? progress) : IAsyncDisposable
{
    private readonly Dictionary<string, TableCount> tables = new(StringComparer.Ordinal);
    private readonly List<EtlReject> rejects = [];
    private readonly List<string> notes = [];
    private DbTransaction? transaction;

    public long BatchId => batchId;

    public string SourcePath => sourcePath;

    public string EducationSource => options.EducationSource;

    public Pseudonymiser Pseudonyms => pseudonyms;

    public TimeProvider Time => time;

    public IReadOnlyDictionary<string, TableCount> Tables => tables;

    public IReadOnlyList<EtlReject> Rejects => rejects;

    public long RejectedRows => tables.Values.Sum(t => t.Rejected);

    /// <summary>How many more rejects the batch keeps in detail (<c>Etl:MaxRejectsKept</c> in all; every one is counted).</summary>
    public int RejectsToKeep => Math.Max(0, options.MaxRejectsKept - rejects.Count);

    /// <summary>Things the data steward should know about a batch that are not rejected rows; they end its message.</summary>
    public IReadOnlyList<string> Notes => notes;

    public TableCount Table(string name)
    {
        if (!tables.TryGetValue(name, out var count))
        {
            count = new TableCount();
            tables[name] = count;
        }

        return count;
    }

    /// <summary>Counts a read row, reporting progress now and then.</summary>
    public void RowRead(string table)
    {
        var count = ++Table(table).Read;
        if ((count & 0x3FFF) == 0)
        {
            progress?.Report(tables.Values.Sum(t => t.Read));
        }
    }

    /// <summary>Records a rejected row. <paramref name="maskedValue"/> must already hide anything sensitive.</summary>
    public void Reject(string table, string sourcePart, long lineNumber, string? field, string reason, string? maskedValue = null)
    {
        Table(table).Rejected++;
        KeepReject(sourcePart, lineNumber, field, reason, maskedValue);
    }

    /// <summary>Counts the rows a check in SQL read and rejected, all at once.</summary>
    public void RowsChecked(string table, long read, long rejected)
    {
        var count = Table(table);
        count.Read += read;
        count.Rejected += rejected;
        progress?.Report(tables.Values.Sum(t => t.Read));
    }

    /// <summary>
    /// Keeps the detail of a reject already counted by <see cref="RowsChecked"/>, while there is room
    /// (<see cref="RejectsToKeep"/>). <paramref name="maskedValue"/> must already hide anything sensitive.
    /// </summary>
    public void KeepReject(string sourcePart, long lineNumber, string? field, string reason, string? maskedValue)
    {
        if (rejects.Count < options.MaxRejectsKept)
        {
            rejects.Add(new EtlReject(sourcePart, lineNumber, field, reason, maskedValue is { Length: > 200 } ? maskedValue[..200] + "…" : maskedValue));
        }
    }

    /// <summary>Adds a sentence to the batch's message when it loads (e.g. what a step changed beyond the rows read).</summary>
    public void Note(FormattableString sentence) => notes.Add(sentence.ToString(CultureInfo.GetCultureInfo("ja-JP")));

    public async Task<IEnumerable<T>> QueryAsync<T>(string queryName, object? parameters, CancellationToken cancellationToken) =>
        await connection.QueryAsync<T>(new CommandDefinition(sql[queryName], parameters, await TransactionAsync(cancellationToken), cancellationToken: cancellationToken));

    public async Task<int> ExecuteAsync(string queryName, object? parameters, CancellationToken cancellationToken) =>
        await connection.ExecuteAsync(new CommandDefinition(sql[queryName], parameters, await TransactionAsync(cancellationToken), commandTimeout: 0, cancellationToken: cancellationToken));

    /// <summary>Bulk-loads rows into a staging table (all of its columns, in order).</summary>
    public async Task<long> StageAsync(string stageTable, IReadOnlyList<string> columns, IEnumerable<object?[]> rows, CancellationToken cancellationToken) =>
        await loader.LoadAsync(connection, await TransactionAsync(cancellationToken), stageTable, columns, rows, cancellationToken);

    /// <summary>
    /// Reads outside the batch's transaction, before it begins (lookups for a check in temporary tables). Throws once
    /// the transaction has begun.
    /// </summary>
    public Task<IEnumerable<T>> QueryBeforeTransactionAsync<T>(string queryName, object? parameters, CancellationToken cancellationToken) =>
        connection.QueryAsync<T>(new CommandDefinition(sql[queryName], parameters, NoTransactionYet(), cancellationToken: cancellationToken));

    /// <summary>
    /// Runs a statement outside the batch's transaction, before it begins: only for the connection's temporary tables,
    /// which nothing else sees and the connection's end removes. Throws once the transaction has begun.
    /// </summary>
    public Task<int> ExecuteBeforeTransactionAsync(string queryName, object? parameters, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(sql[queryName], parameters, NoTransactionYet(), commandTimeout: 0, cancellationToken: cancellationToken));

    /// <summary>Stages a CSV file's records before the batch's transaction (see <see cref="CsvStaging"/>).</summary>
    internal Task<long> StageCsvBeforeTransactionAsync(
        CsvSource csv, string stageQuery, string table, IReadOnlyList<string> columns, object? parameters, CancellationToken cancellationToken)
    {
        NoTransactionYet();
        return new CsvStaging(connection, sql, loader).StageAsync(csv, stageQuery, table, columns, parameters, cancellationToken);
    }

    internal async Task CommitAsync(CancellationToken cancellationToken) => await (await TransactionAsync(cancellationToken)).CommitAsync(cancellationToken);

    internal async Task RollbackAsync()
    {
        if (transaction is not null)
        {
            await transaction.RollbackAsync(CancellationToken.None);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (transaction is not null)
        {
            await transaction.DisposeAsync();
        }
    }

    private async Task<DbTransaction> TransactionAsync(CancellationToken cancellationToken)
    {
        if (transaction is null)
        {
            transaction = await connection.BeginTransactionAsync(cancellationToken);
            await connection.ExecuteAsync(new CommandDefinition(sql["etl/stage_clear"], null, transaction, commandTimeout: 0, cancellationToken: cancellationToken));
        }

        return transaction;
    }

    private DbTransaction? NoTransactionYet() => transaction is null
        ? null
        : throw new InvalidOperationException("The batch's transaction has begun: statements outside it must come first.");
}
