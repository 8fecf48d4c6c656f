namespace Workbench.Data.Etl.Transit;

/// <summary>
/// A GTFS or GTFS-JP (標準的なバス情報フォーマット) feed, zipped or as a folder: agency, stops, routes, trips, stop_times,
/// calendar, calendar_dates and shapes, with the optional <c>agency_jp</c>, <c>routes_jp</c> and <c>office_jp</c>
/// files merged in. Every id is namespaced by the feed (the agency_id of its first agency), and a feed is a snapshot:
/// importing the same agency's feed again replaces all its rows. References are checked in file order (routes name
/// known agencies, trips known routes and services, stop times known trips and stops); a row that fails is rejected
/// with its reason. Fares, translations and feed_info are not used by the workbench and are not read.
/// </summary>
public sealed class GtfsImporter : IImporter
{
    public string Kind => "gtfs";

    public async Task ImportAsync(ImportContext context, CancellationToken cancellationToken)
    {
        await context.ExecuteAsync("etl/transit_waste_stage_clear", null, cancellationToken);
        using var archive = GtfsArchive.Open(context.SourcePath, context.BatchId);
        foreach (var required in GtfsFeedRun.RequiredFiles)
        {
            if (archive.FileOf(required) is null)
            {
                throw new EtlFileException($"GTFS フィードに {required}.txt がありません（必須: {string.Join(", ", GtfsFeedRun.RequiredFiles.Select(f => f + ".txt"))}）。");
            }
        }

        if (archive.FileOf("calendar") is null && archive.FileOf("calendar_dates") is null)
        {
            throw new EtlFileException("GTFS フィードに calendar.txt も calendar_dates.txt もありません。運行日が分かりません。");
        }

        var run = new GtfsFeedRun(context, archive, cancellationToken);
        await run.ImportAsync();
        await context.ExecuteAsync("etl/gtfs_merge", null, cancellationToken);
        context.Note($" フィード {run.FeedKey} を置き換えました。");
    }
}
