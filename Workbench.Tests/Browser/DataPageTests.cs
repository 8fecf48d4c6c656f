using System.Globalization;
using Microsoft.Playwright;
using Workbench.Domain.Access;
using Workbench.Tests.Etl;
using Workbench.Tests.Etl.Transit;
using Workbench.Tests.Support;

namespace Workbench.Tests.Browser;

/// <summary>
/// The データ page against its own running workbench (uploads change the warehouse, so they do not share the one the
/// other browser tests read).
/// </summary>
[Collection(DataPageWorkbenchCollection.Name)]
public sealed class DataPageTests(RunningWorkbench workbench, BrowserSession browser) : IDisposable
{
    private readonly string files = Directory.CreateTempSubdirectory("workbench-upload-").FullName;

    [SkippableFact]
    public async Task The_admin_uploads_a_roster_and_sees_it_load_then_uploads_broken_files_and_sees_why_nothing_loaded()
    {
        var page = await browser.SignedInPageAsync(workbench, WorkbenchRoles.Admin);
        await page.OpenAsync("/data");

        // A real OneRoster 1.2 JP package, kind detected from the zip's manifest.csv.
        var roster = await DataPageSteps.UploadAsync(page, SourceFileBuilders.RosterZip(files, pupils: 5));
        Assert.Equal(("succeeded", "roster.zip", "名簿（OneRoster）"), (roster.Status, roster.FileName, roster.Kind));
        Assert.Equal(15, roster.Read); // 1 session, 1 school, 1 class, 6 people, 6 enrollments
        Assert.Equal((15L, 0L), (roster.Loaded, roster.Rejected));
        await Assertions.Expect(page.GetByTestId("batch-rejects")).ToContainTextAsync("除外された行はありません。");
        await Assertions.Expect(page.GetByTestId("batch-list").Locator($"[data-batch-link='{roster.BatchId}']")).ToBeVisibleAsync();

        // Attendance for pupils the roster does not know: every row rejected, the batch refused, nothing loaded.
        var unknown = Path.Combine(files, "attendance-unknown.csv");
        await File.WriteAllTextAsync(unknown, SourceFileBuilders.Attendance(4, firstPupil: 900));
        var refused = await DataPageSteps.UploadAsync(page, unknown);
        Assert.Equal(("refused", 4L, 0L, 4L), (refused.Status, refused.Read, refused.Loaded, refused.Rejected));
        await Assertions.Expect(page.GetByTestId("batch-message")).ToContainTextAsync("1行も取り込んでいません");
        await Assertions.Expect(page.GetByTestId("nothing-loaded")).ToBeVisibleAsync();
        var rejectRows = page.GetByTestId("batch-rejects").Locator("tbody tr.mud-table-row");
        await Assertions.Expect(rejectRows).ToHaveCountAsync(4);
        await Assertions.Expect(rejectRows.First).ToContainTextAsync("名簿（OneRoster）にない児童生徒です");
        await Assertions.Expect(rejectRows.First).Not.ToContainTextAsync(RosterFiles.PupilId(900));

        // A CSV without the date column: the batch fails with the reason in Japanese.
        var broken = Path.Combine(files, "attendance-broken.csv");
        await File.WriteAllTextAsync(broken, "userSourcedId,date_of_day,status\n" + RosterFiles.PupilId(1) + ",2025-04-07,出席\n");
        var failed = await DataPageSteps.UploadAsync(page, broken, kind: "出欠");
        Assert.Equal(("failed", 0L), (failed.Status, failed.Loaded));
        await Assertions.Expect(page.GetByTestId("batch-message")).ToContainTextAsync("必要な列がありません: date");

        // A file of no known kind never reaches the warehouse.
        var memo = Path.Combine(files, "memo.txt");
        await File.WriteAllTextAsync(memo, "会議メモ\n");
        await DataPageSteps.ChooseKindAsync(page, DataPageSteps.AutoKind);
        await page.GetByTestId("upload-file").Locator("input[type=file]:not(.d-none)").SetInputFilesAsync(memo);
        await Assertions.Expect(page.GetByTestId("upload-error")).ToContainTextAsync("種類を判定できませんでした");

        // The history lists the three batches; the status filter narrows it.
        await page.GetByTestId("filter-status").ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasText = "拒否" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("batch-list").Locator("tbody tr.mud-table-row")).ToHaveCountAsync(1);
        await Assertions.Expect(page.GetByTestId("batch-list").Locator($"[data-batch-link='{refused.BatchId}']")).ToBeVisibleAsync();
    }

    [SkippableFact]
    public async Task The_admin_uploads_a_real_GTFS_JP_feed_and_sees_its_counts_then_a_feed_with_a_bad_stop_time_and_sees_the_reject()
    {
        var feed = DataPageSteps.SharedGtfsFeed;
        var page = await browser.SignedInPageAsync(workbench, WorkbenchRoles.Admin);
        await page.OpenAsync("/data");

        var real = await DataPageSteps.UploadAsync(page, feed);

        Assert.Equal(("succeeded", "okaden_gtfs-jp_20190401.zip", 0L), (real.Status, real.FileName, real.Rejected));
        Assert.Equal(GtfsDataLines(feed), real.Loaded);
        await Assertions.Expect(page.GetByTestId("batch-rejects")).ToContainTextAsync("除外された行はありません。");

        // A feed whose stop_times name a stop it does not have: that row is kept aside with its reason, the rest load.
        var bad = TransitFiles.Zip(files, "gongo-bad.zip", TransitFiles.Feed(stops: 40, extraStopTimes: "T1,9:00:00,9:00:00,999,41\n"));
        var rejected = await DataPageSteps.UploadAsync(page, bad);
        Assert.Equal(("succeeded", 1L), (rejected.Status, rejected.Rejected));
        var rejectRows = page.GetByTestId("batch-rejects").Locator("tbody tr.mud-table-row");
        await Assertions.Expect(rejectRows).ToHaveCountAsync(1);
        await Assertions.Expect(rejectRows.First).ToContainTextAsync("stops.txt にない stop_id");
    }

    [SkippableFact]
    public async Task A_roster_dropped_in_the_running_workbench_inbox_is_imported_and_moved_to_done_with_a_report()
    {
        TestEnvironment.RequireChromium(); // the collection's workbench is the browser tests' one
        var inbox = Path.Combine(workbench.DataDirectory, "inbox");
        Directory.CreateDirectory(inbox);
        var zip = SourceFileBuilders.RosterZip(files, pupils: 7, name: "roster-inbox.zip");
        File.Copy(zip, Path.Combine(inbox, "roster-inbox.zip"));

        var report = Path.Combine(inbox, "done", "roster-inbox.zip.report.txt");
        var deadline = DateTime.UtcNow.AddSeconds(90); // default settle 10 s and poll 5 s
        while (!File.Exists(report) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(500);
        }

        Assert.True(File.Exists(report), $"no report in done/; failed/ holds: {string.Join(", ", Directory.EnumerateFiles(Path.Combine(inbox, "failed")).Select(Path.GetFileName))}");
        var text = await File.ReadAllTextAsync(report);
        Assert.Contains("結果: 成功", text, StringComparison.Ordinal);
        Assert.Contains("種類: oneroster", text, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(inbox, "roster-inbox.zip")));
    }

    public void Dispose() => Directory.Delete(files, recursive: true);

    /// <summary>The data rows of every file of a feed the GTFS importer reads (fare and feed files are not read).</summary>
    private static long GtfsDataLines(string zipPath)
    {
        string[] read = ["agency", "agency_jp", "office_jp", "stops", "routes", "routes_jp", "calendar", "calendar_dates", "shapes", "trips", "stop_times"];
        using var zip = System.IO.Compression.ZipFile.OpenRead(zipPath);
        return zip.Entries.Where(e => read.Contains(Path.GetFileNameWithoutExtension(e.Name)))
            .Sum(e => TransitFiles.DataLines(new StreamReader(e.Open()).ReadToEnd()));
    }
}

/// <summary>What the データ page shows for an uploaded file's batch.</summary>
public sealed record UploadedBatch(long BatchId, string Status, string FileName, string Kind, long Read, long Loaded, long Rejected);

public static class DataPageSteps
{
    public const string AutoKind = "自動判定";

    private static readonly CultureInfo Japanese = CultureInfo.GetCultureInfo("ja-JP");

    /// <summary>A real GTFS-JP feed in ../shared/data/gtfs.</summary>
    public static string SharedGtfsFeed
    {
        get
        {
            TestEnvironment.RequireSharedData();
            return Path.Combine(TestEnvironment.SharedData, "gtfs", "okaden_gtfs-jp_20190401.zip");
        }
    }

    /// <summary>
    /// Uploads a file on the open データ page (its kind detected, or chosen by its label) and waits for its batch result.
    /// </summary>
    public static async Task<UploadedBatch> UploadAsync(IPage page, string path, string? kind = null, float timeoutMs = 120_000)
    {
        var result = page.GetByTestId("batch-result");
        var before = await result.CountAsync() > 0 ? await result.GetAttributeAsync("data-batch") : null;
        await ChooseKindAsync(page, kind ?? AutoKind);
        await page.GetByTestId("upload-file").Locator("input[type=file]:not(.d-none)").SetInputFilesAsync(path);
        await page.WaitForFunctionAsync(
            "before => { const r = document.querySelector('[data-testid=batch-result]'); const busy = document.querySelector('[data-testid=upload-busy]'); return !busy && r && r.dataset.batch !== before; }",
            before ?? string.Empty, new() { Timeout = timeoutMs });
        return new UploadedBatch(
            long.Parse((await result.GetAttributeAsync("data-batch"))!, CultureInfo.InvariantCulture),
            (await result.GetAttributeAsync("data-status"))!,
            await page.GetByTestId("batch-file").InnerTextAsync(),
            await page.GetByTestId("batch-kind").InnerTextAsync(),
            await CountAsync(page, "rows-read"),
            await CountAsync(page, "rows-loaded"),
            await CountAsync(page, "rows-rejected"));
    }

    /// <summary>Chooses the upload's kind by its label; <see cref="AutoKind"/> lets the page detect it.</summary>
    public static async Task ChooseKindAsync(IPage page, string label)
    {
        await page.GetByTestId("upload-kind").ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasText = label }).First.ClickAsync();
        await Assertions.Expect(page.Locator(".mud-popover-open")).ToHaveCountAsync(0);
    }

    private static async Task<long> CountAsync(IPage page, string testId) =>
        long.Parse((await page.GetByTestId(testId).InnerTextAsync()).Trim(), NumberStyles.AllowThousands, Japanese);
}

[CollectionDefinition(Name)]
public sealed class DataPageWorkbenchCollection : ICollectionFixture<RunningWorkbench>, ICollectionFixture<BrowserSession>
{
    public const string Name = "Data page workbench";
}
