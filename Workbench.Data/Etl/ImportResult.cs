namespace Workbench.Data.Etl;

public enum ImportStatus
{
    Succeeded,
    AlreadyImported,
    Refused,
    Failed,
}

public sealed class TableCount
{
    public long Read { get; set; }

    public long Loaded { get; set; }

    public long Rejected { get; set; }
}

public sealed record EtlReject(string SourcePart, long LineNumber, string? FieldName, string Reason, string? MaskedValue);

public sealed record ImportResult(
    long BatchId, ImportStatus Status, string Message, IReadOnlyDictionary<string, TableCount> Tables, IReadOnlyList<EtlReject> Rejects)
{
    public long RowsRead => Tables.Values.Sum(t => t.Read);

    public long RowsLoaded => Tables.Values.Sum(t => t.Loaded);

    public long RowsRejected => Tables.Values.Sum(t => t.Rejected);
}

public sealed record EtlBatchRow(
    long BatchId, string SourceKind, string FileName, string Status, long RowsRead, long RowsLoaded, long RowsRejected,
    DateTime StartedAt, DateTime? FinishedAt, string StartedBy, string? Message);

/// <summary>A problem with the whole file (not one row): a missing column, an unreadable archive. Nothing is loaded.</summary>
public sealed class EtlFileException(string message) : Exception(message);
