using System.Data.Common;
using System.Globalization;
using Dapper;
using Workbench.Data.Warehouse;

namespace Workbench.Data.Etl;

/// <summary>What an importer works with during one batch: the open transaction, pseudonyms, counts and rejects.</summary>
public sealed class ImportContext(
    DbConnection connection,
    DbTransaction transaction,
    long batchId,
    string sourcePath,
    SqlCatalogue sql,
    IBulkLoader loader,
    Pseudonymiser pseudonyms,
    EtlOptions options,
    TimeProvider time,
    IProgress<long>? progress)
{
    private readonly Dictionary<string, TableCount> tables = new(StringComparer.Ordinal);
    private readonly List<EtlReject> rejects = [];
    private readonly List<string> notes = [];

    public long BatchId => batchId;

    public string SourcePath => sourcePath;

    public string EducationSource => options.EducationSource;

    public Pseudonymiser Pseudonyms => pseudonyms;

    public TimeProvider Time => time;

    public IReadOnlyDictionary<string, TableCount> Tables => tables;

    public IReadOnlyList<EtlReject> Rejects => rejects;

    public long RejectedRows => tables.Values.Sum(t => t.Rejected);

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
        if (rejects.Count < options.MaxRejectsKept)
        {
            rejects.Add(new EtlReject(sourcePart, lineNumber, field, reason, maskedValue is { Length: > 200 } ? maskedValue[..200] + "…" : maskedValue));
        }
    }

    /// <summary>Adds a sentence to the batch's message when it loads (e.g. what a step changed beyond the rows read).</summary>
    public void Note(FormattableString sentence) => notes.Add(sentence.ToString(CultureInfo.GetCultureInfo("ja-JP")));

    public Task<IEnumerable<T>> QueryAsync<T>(string queryName, object? parameters, CancellationToken cancellationToken) =>
        connection.QueryAsync<T>(new CommandDefinition(sql[queryName], parameters, transaction, cancellationToken: cancellationToken));

    public Task<int> ExecuteAsync(string queryName, object? parameters, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(sql[queryName], parameters, transaction, commandTimeout: 0, cancellationToken: cancellationToken));

    /// <summary>Bulk-loads rows into a staging table (all of its columns, in order).</summary>
    public Task<long> StageAsync(string stageTable, IReadOnlyList<string> columns, IEnumerable<object?[]> rows, CancellationToken cancellationToken) =>
        loader.LoadAsync(connection, transaction, stageTable, columns, rows, cancellationToken);
}
