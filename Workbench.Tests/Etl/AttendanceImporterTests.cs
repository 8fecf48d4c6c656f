using Dapper;
using Workbench.Data.Etl;
using Workbench.Data.Warehouse;
using Workbench.Tests.Support;

namespace Workbench.Tests.Etl;

public class AttendanceImporterTests
{
    private const string Header = "userSourcedId,date,status,reason\n";

    private static async Task<List<(string Status, string? Reason)>> RowsAsync(TempWarehouse warehouse)
    {
        await using var connection = await warehouse.Get<IWarehouseConnectionFactory>().OpenAsync(CancellationToken.None);
        return [.. await connection.QueryAsync<(string, string?)>("SELECT attendance_status, absence_reason FROM fact_attendance ORDER BY date_key, attendance_status")];
    }

    private static string Day(int pupil, string date, string status, string reason = "") => $"{RosterFiles.PupilId(pupil)},{date},{status},{reason}\n";

    [Fact]
    public async Task Every_status_loads_and_only_absences_keep_a_reason()
    {
        await using var warehouse = await RosterFiles.ImportedAsync(pupils: 20);
        var file = warehouse.WriteFile("a.csv", Header + Day(1, "2025-04-07", "出席") + Day(1, "2025-04-08", "欠席", "病気")
            + Day(1, "2025-04-09", "出席停止") + Day(1, "2025-04-10", "忌引") + Day(1, "2025-04-11", "遅刻") + Day(1, "2025-04-14", "早退", "病気"));

        var result = await warehouse.Get<EtlPipeline>().ImportAsync("attendance", file, "test", null, CancellationToken.None);

        Assert.Equal(ImportStatus.Succeeded, result.Status);
        Assert.Equal([("出席", null), ("欠席", "病気"), ("出席停止", null), ("忌引", null), ("遅刻", null), ("早退", null)], await RowsAsync(warehouse));
    }

    [Fact]
    public async Task A_bad_row_is_rejected_with_its_line_field_and_reason_and_the_rest_load()
    {
        await using var warehouse = await RosterFiles.ImportedAsync(pupils: 20);
        var rows = string.Concat(Enumerable.Range(1, 20).Select(p => Day(p, "2025-04-07", "出席")));
        var file = warehouse.WriteFile("a.csv", Header + rows + Day(1, "2025-04-08", "欠席") + Day(2, "2025-13-01", "出席"));

        var result = await warehouse.Get<EtlPipeline>().ImportAsync("attendance", file, "test", null, CancellationToken.None);

        Assert.Equal(ImportStatus.Refused, result.Status); // 2 of 22 exceed the default 5 %
        Assert.Equal(
            [("a.csv", 22L, "reason"), ("a.csv", 23L, "date")],
            result.Rejects.Select(r => (r.SourcePart, r.LineNumber, r.FieldName!)).ToList());
        Assert.Contains("欠席の理由", result.Rejects[0].Reason, StringComparison.Ordinal);
        Assert.Empty(await RowsAsync(warehouse));
    }

    [Fact]
    public async Task A_few_bad_rows_under_the_threshold_are_rejected_and_the_rest_load()
    {
        await using var warehouse = await RosterFiles.ImportedAsync(pupils: 20);
        var rows = string.Concat(Enumerable.Range(1, 20).SelectMany(p => new[] { Day(p, "2025-04-07", "出席"), Day(p, "2025-04-08", "出席") }));
        var file = warehouse.WriteFile("a.csv", Header + rows + $"{RosterFiles.PupilId(999)},2025-04-07,出席,\n");

        var result = await warehouse.Get<EtlPipeline>().ImportAsync("attendance", file, "test", null, CancellationToken.None);

        Assert.Equal(ImportStatus.Succeeded, result.Status);
        Assert.Equal(40, (await RowsAsync(warehouse)).Count);
        var reject = Assert.Single(result.Rejects);
        Assert.Equal((42L, "userSourcedId"), (reject.LineNumber, reject.FieldName!));
        Assert.Contains("名簿", reject.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain(RosterFiles.PupilId(999), reject.MaskedValue, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Re_importing_changes_nothing_and_a_corrected_file_updates_the_same_days()
    {
        await using var warehouse = await RosterFiles.ImportedAsync(pupils: 20);
        var pipeline = warehouse.Get<EtlPipeline>();
        var original = warehouse.WriteFile("a.csv", Header + Day(1, "2025-04-07", "欠席", "その他") + Day(1, "2025-04-08", "出席"));
        await pipeline.ImportAsync("attendance", original, "test", null, CancellationToken.None);

        var again = await pipeline.ImportAsync("attendance", original, "test", null, CancellationToken.None);
        var corrected = await pipeline.ImportAsync("attendance", warehouse.WriteFile("b.csv", Header + Day(1, "2025-04-07", "出席停止")), "test", null, CancellationToken.None);

        Assert.Equal(ImportStatus.AlreadyImported, again.Status);
        Assert.Equal(ImportStatus.Succeeded, corrected.Status);
        Assert.Equal([("出席停止", null), ("出席", null)], await RowsAsync(warehouse));
    }

    [Fact]
    public async Task A_file_without_the_required_columns_fails_whole_with_a_clear_message()
    {
        await using var warehouse = await RosterFiles.ImportedAsync(pupils: 20);

        var result = await warehouse.Get<EtlPipeline>().ImportAsync("attendance", warehouse.WriteFile("a.csv", "pupil,day\nx,y\n"), "test", null, CancellationToken.None);

        Assert.Equal(ImportStatus.Failed, result.Status);
        Assert.Contains("必要な列がありません: userSourcedId, date, status", result.Message, StringComparison.Ordinal);
    }
}
