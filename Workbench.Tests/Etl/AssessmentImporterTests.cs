using Dapper;
using Workbench.Data.Etl;
using Workbench.Data.Warehouse;
using Workbench.Tests.Support;

namespace Workbench.Tests.Etl;

public class AssessmentImporterTests
{
    private const string Header = "assessmentId,subject,unitId,userSourcedId,score,maxScore,date\n";
    private const string Unit = "https://portal.tsuyama.ed.jp/activities/sansu/P4/u03";

    private static string Result(int pupil, string score, string test = "t1", string subject = "算数", string max = "20", string date = "2025-06-12") =>
        $"{test},{subject},{Unit},{RosterFiles.PupilId(pupil)},{score},{max},{date}\n";

    private static async Task<List<(string Test, string Subject, string? Unit, double Score, double Max, int DateKey)>> RowsAsync(TempWarehouse warehouse)
    {
        await using var connection = await warehouse.Get<IWarehouseConnectionFactory>().OpenAsync(CancellationToken.None);
        return [.. await connection.QueryAsync<(string, string, string?, double, double, int)>(
            "SELECT assessment_id, subject, unit_key, score, max_score, date_key FROM fact_assessment_result ORDER BY assessment_id, score")];
    }

    [Fact]
    public async Task Results_load_with_their_unit_and_date()
    {
        await using var warehouse = await RosterFiles.ImportedAsync(pupils: 20);
        var file = warehouse.WriteFile("a.csv", Header + Result(1, "18") + Result(2, "7.5"));

        var result = await warehouse.Get<EtlPipeline>().ImportAsync("assessment", file, "test", null, CancellationToken.None);

        Assert.Equal(ImportStatus.Succeeded, result.Status);
        Assert.Equal([("t1", "算数", Unit, 7.5, 20.0, 20250612), ("t1", "算数", Unit, 18.0, 20.0, 20250612)], await RowsAsync(warehouse));
    }

    [Fact]
    public async Task Re_importing_changes_nothing_and_a_corrected_file_replaces_the_same_results()
    {
        await using var warehouse = await RosterFiles.ImportedAsync(pupils: 20);
        var pipeline = warehouse.Get<EtlPipeline>();
        var original = warehouse.WriteFile("a.csv", Header + Result(1, "12") + Result(2, "15"));
        await pipeline.ImportAsync("assessment", original, "test", null, CancellationToken.None);

        var again = await pipeline.ImportAsync("assessment", original, "test", null, CancellationToken.None);
        var corrected = await pipeline.ImportAsync("assessment", warehouse.WriteFile("b.csv", Header + Result(1, "14")), "test", null, CancellationToken.None);

        Assert.Equal(ImportStatus.AlreadyImported, again.Status);
        Assert.Equal(ImportStatus.Succeeded, corrected.Status);
        Assert.Equal([14.0, 15.0], (await RowsAsync(warehouse)).Select(r => r.Score));
    }

    [Fact]
    public async Task A_bad_row_is_rejected_with_its_line_field_and_reason_and_its_score_masked()
    {
        await using var warehouse = await RosterFiles.ImportedAsync(pupils: 20);
        var good = string.Concat(Enumerable.Range(1, 20).Select(p => Result(p, "10", test: "t" + p)));
        var file = warehouse.WriteFile("a.csv", Header + good + Result(1, "21"));

        var result = await warehouse.Get<EtlPipeline>().ImportAsync("assessment", file, "test", null, CancellationToken.None);

        Assert.Equal(ImportStatus.Succeeded, result.Status);
        Assert.Equal(20, (await RowsAsync(warehouse)).Count);
        var reject = Assert.Single(result.Rejects);
        Assert.Equal((22L, "score"), (reject.LineNumber, reject.FieldName!));
        Assert.Contains("満点", reject.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain("21", reject.MaskedValue, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_batch_over_the_reject_threshold_loads_nothing()
    {
        await using var warehouse = await RosterFiles.ImportedAsync(pupils: 20);
        var file = warehouse.WriteFile("a.csv", Header + Result(1, "10") + Result(2, "10", subject: "さんすう") + Result(3, "10", max: "0")
            + Result(4, "10", date: "2025-02-30") + Result(999, "10"));

        var result = await warehouse.Get<EtlPipeline>().ImportAsync("assessment", file, "test", null, CancellationToken.None);

        Assert.Equal(ImportStatus.Refused, result.Status);
        Assert.Equal(["subject", "maxScore", "date", "userSourcedId"], result.Rejects.Select(r => r.FieldName!));
        Assert.Empty(await RowsAsync(warehouse));
    }
}
