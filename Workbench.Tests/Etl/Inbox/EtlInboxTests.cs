using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Workbench.Data.Etl;
using Workbench.Data.Etl.Inbox;
using Workbench.Data.Warehouse;
using Workbench.Tests.Support;

namespace Workbench.Tests.Etl.Inbox;

public class EtlInboxTests
{
    private static EtlInbox InboxOf(TempWarehouse warehouse, double settleSeconds = 0) =>
        ActivatorUtilities.CreateInstance<EtlInbox>(warehouse.Services, Options.Create(new EtlInboxOptions { SettleSeconds = settleSeconds }));

    private static string Drop(EtlInbox inbox, string name, string content, string? kindFolder = null)
    {
        var folder = kindFolder is null ? inbox.Folder : Path.Combine(inbox.Folder, kindFolder);
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, name);
        File.WriteAllText(path, content);
        return path;
    }

    private static async Task<long> AttendanceRowsAsync(TempWarehouse warehouse)
    {
        await using var connection = await warehouse.Get<IWarehouseConnectionFactory>().OpenAsync(CancellationToken.None);
        return await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM fact_attendance");
    }

    private static async Task<(string Status, string StartedBy, long Loaded)> BatchAsync(TempWarehouse warehouse, long batchId)
    {
        await using var connection = await warehouse.Get<IWarehouseConnectionFactory>().OpenAsync(CancellationToken.None);
        return await connection.QuerySingleAsync<(string, string, long)>(
            "SELECT batch_status, started_by, rows_loaded FROM etl_batch WHERE batch_id = $id", new { id = batchId });
    }

    [Fact]
    public async Task A_good_file_is_imported_and_moved_to_done_with_a_report()
    {
        await using var warehouse = await RosterFiles.ImportedAsync(pupils: 20);
        var inbox = InboxOf(warehouse);
        var dropped = Drop(inbox, "attendance-0407.csv", SourceFileBuilders.Attendance(20));

        var outcome = Assert.Single(await inbox.ScanAsync(CancellationToken.None));

        Assert.False(File.Exists(dropped));
        Assert.Equal(Path.Combine(inbox.Folder, "done", "attendance-0407.csv"), outcome.MovedTo);
        Assert.True(File.Exists(outcome.MovedTo));
        Assert.Equal("attendance", outcome.Kind);
        Assert.Equal(("succeeded", EtlInbox.StartedBy, 20L), await BatchAsync(warehouse, outcome.Result!.BatchId));
        Assert.Equal(20, await AttendanceRowsAsync(warehouse));
        var report = await File.ReadAllTextAsync(outcome.MovedTo + EtlInbox.ReportSuffix);
        Assert.Contains($"バッチ: #{outcome.Result.BatchId}", report, StringComparison.Ordinal);
        Assert.Contains("結果: 成功", report, StringComparison.Ordinal);
        Assert.Contains("読込: 20 行　取込: 20 行　除外: 0 行", report, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_broken_file_goes_to_failed_with_its_reason_and_loads_nothing()
    {
        await using var warehouse = await RosterFiles.ImportedAsync(pupils: 20);
        var inbox = InboxOf(warehouse);
        Drop(inbox, "attendance.csv", "userSourcedId,status\n" + RosterFiles.PupilId(1) + ",出席\n", kindFolder: "attendance");

        var outcome = Assert.Single(await inbox.ScanAsync(CancellationToken.None));

        Assert.Equal(Path.Combine(inbox.Folder, "failed", "attendance.csv"), outcome.MovedTo);
        Assert.Equal(ImportStatus.Failed, outcome.Result!.Status);
        Assert.Equal(("failed", EtlInbox.StartedBy, 0L), await BatchAsync(warehouse, outcome.Result.BatchId));
        Assert.Equal(0, await AttendanceRowsAsync(warehouse));
        var report = await File.ReadAllTextAsync(outcome.ReportPath);
        Assert.Contains("必要な列がありません: date", report, StringComparison.Ordinal);
        Assert.Contains("結果: 失敗", report, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_with_too_many_bad_rows_is_refused_whole_and_its_report_lists_the_rejects()
    {
        await using var warehouse = await RosterFiles.ImportedAsync(pupils: 20);
        var inbox = InboxOf(warehouse);
        Drop(inbox, "a.csv", SourceFileBuilders.Attendance(10) + SourceFileBuilders.Attendance(5, firstPupil: 900)[SourceFileBuilders.AttendanceHeader.Length..]);

        var outcome = Assert.Single(await inbox.ScanAsync(CancellationToken.None));

        Assert.StartsWith(Path.Combine(inbox.Folder, "failed"), outcome.MovedTo, StringComparison.Ordinal);
        Assert.Equal(ImportStatus.Refused, outcome.Result!.Status);
        Assert.Equal(0, await AttendanceRowsAsync(warehouse));
        var report = await File.ReadAllTextAsync(outcome.ReportPath);
        Assert.Contains("結果: 拒否", report, StringComparison.Ordinal);
        Assert.Contains("a.csv:12\tuserSourcedId\t名簿", report, StringComparison.Ordinal);
        Assert.DoesNotContain(RosterFiles.PupilId(900), report, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_damaged_zip_goes_to_failed_and_the_batch_says_why()
    {
        await using var warehouse = await RosterFiles.ImportedAsync(pupils: 3);
        var inbox = InboxOf(warehouse);
        var zip = SourceFileBuilders.RosterZip(warehouse.Directory, pupils: 5, name: "roster2.zip");
        var bytes = await File.ReadAllBytesAsync(zip);
        Drop(inbox, "roster2.zip", "", kindFolder: "oneroster");
        await File.WriteAllBytesAsync(Path.Combine(inbox.Folder, "oneroster", "roster2.zip"), bytes[..(bytes.Length / 2)]);

        var outcome = Assert.Single(await inbox.ScanAsync(CancellationToken.None));

        Assert.StartsWith(Path.Combine(inbox.Folder, "failed"), outcome.MovedTo, StringComparison.Ordinal);
        Assert.Equal(ImportStatus.Failed, outcome.Result!.Status);
        Assert.Contains("ファイルを読み取れなかった", await File.ReadAllTextAsync(outcome.ReportPath), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_of_no_known_kind_goes_to_failed_with_a_report_naming_the_kind_folders()
    {
        await using var warehouse = await TempWarehouse.CreateAsync();
        var inbox = InboxOf(warehouse);
        Drop(inbox, "memo.csv", "name,age\n太郎,9\n");

        var outcome = Assert.Single(await inbox.ScanAsync(CancellationToken.None));

        Assert.Equal(Path.Combine(inbox.Folder, "failed", "memo.csv"), outcome.MovedTo);
        Assert.Null(outcome.Result);
        Assert.Contains("種類を判定できませんでした", await File.ReadAllTextAsync(outcome.ReportPath), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_same_file_dropped_again_goes_to_done_saying_it_was_imported_already()
    {
        await using var warehouse = await RosterFiles.ImportedAsync(pupils: 20);
        var inbox = InboxOf(warehouse);
        Drop(inbox, "a.csv", SourceFileBuilders.Attendance(20));
        var first = Assert.Single(await inbox.ScanAsync(CancellationToken.None));
        Drop(inbox, "a.csv", SourceFileBuilders.Attendance(20));

        var second = Assert.Single(await inbox.ScanAsync(CancellationToken.None));

        Assert.Equal(ImportStatus.AlreadyImported, second.Result!.Status);
        Assert.Equal(first.Result!.BatchId, second.Result.BatchId);
        Assert.StartsWith(Path.Combine(inbox.Folder, "done"), second.MovedTo, StringComparison.Ordinal);
        Assert.NotEqual(first.MovedTo, second.MovedTo);
        Assert.True(File.Exists(first.MovedTo));
        Assert.Contains("取り込み済み", await File.ReadAllTextAsync(second.ReportPath), StringComparison.Ordinal);
        Assert.Equal(20, await AttendanceRowsAsync(warehouse));
    }

    [Fact]
    public async Task A_file_still_being_written_is_left_alone_until_it_has_settled()
    {
        await using var warehouse = await RosterFiles.ImportedAsync(pupils: 20);
        var inbox = InboxOf(warehouse, settleSeconds: 0.3);
        var path = Drop(inbox, "a.csv", SourceFileBuilders.Attendance(10));

        Assert.Empty(await inbox.ScanAsync(CancellationToken.None)); // first seen
        await File.AppendAllTextAsync(path, SourceFileBuilders.Attendance(10, firstPupil: 11)[SourceFileBuilders.AttendanceHeader.Length..]);
        await Task.Delay(400);
        Assert.Empty(await inbox.ScanAsync(CancellationToken.None)); // grown since: wait again
        Assert.True(File.Exists(path));
        await Task.Delay(400);

        var outcome = Assert.Single(await inbox.ScanAsync(CancellationToken.None));
        Assert.Equal(ImportStatus.Succeeded, outcome.Result!.Status);
        Assert.Equal(20, await AttendanceRowsAsync(warehouse));
    }

    [Fact]
    public async Task Partial_downloads_and_reports_are_never_taken()
    {
        await using var warehouse = await TempWarehouse.CreateAsync();
        var inbox = InboxOf(warehouse);
        Drop(inbox, "a.csv.part", SourceFileBuilders.Attendance(3));
        Drop(inbox, ".hidden.csv", SourceFileBuilders.Attendance(3));

        Assert.Empty(await inbox.ScanAsync(CancellationToken.None));
    }
}
