using Workbench.Data.Warehouse;

namespace Workbench.Data.Status;

public sealed record FactRowCount(string TableName, long RowTotal);

public sealed record EtlBatchSummary(
    long BatchId, string SourceKind, string FileName, string Status, long RowsLoaded, long RowsRejected, DateTime StartedAt, DateTime? FinishedAt);

public sealed record WarehouseStatus(
    WarehouseProvider Provider,
    string Location,
    int SchemaVersion,
    int PendingMigrations,
    IReadOnlyList<FactRowCount> FactRowCounts,
    EtlBatchSummary? LastBatch);
