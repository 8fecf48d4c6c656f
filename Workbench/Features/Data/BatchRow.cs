using Workbench.Data.Etl;

namespace Workbench.Features.Data;

/// <summary>One import as the データ page lists and exports it: kind and status in words, times in local time.</summary>
public sealed record BatchRow(
    long BatchId,
    string Kind,
    string KindLabel,
    string FileName,
    string Status,
    string StatusLabel,
    long RowsRead,
    long RowsLoaded,
    long RowsRejected,
    DateTime StartedAt,
    DateTime? FinishedAt,
    string StartedBy,
    string? Message)
{
    public static BatchRow From(EtlBatchRow row, DataWords words, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(row);
        ArgumentNullException.ThrowIfNull(words);
        return new BatchRow(row.BatchId, row.SourceKind, words.Kind(row.SourceKind), row.FileName, row.Status, words.Status(row.Status),
            row.RowsRead, row.RowsLoaded, row.RowsRejected, Local(row.StartedAt, zone), row.FinishedAt is { } f ? Local(f, zone) : null, row.StartedBy, row.Message);
    }

    /// <summary>etl_batch keeps UTC; the page shows the city's local time.</summary>
    private static DateTime Local(DateTime utc, TimeZoneInfo zone) => TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), zone);
}
