using Workbench.Data.Etl;

namespace Workbench.Tests.Etl.Health;

public class ChecklistImporterTests
{
    private static readonly string Header =
        "resident_id,date," + string.Join(',', Enumerable.Range(1, 25).Where(i => i != 12).Select(i => FormattableString.Invariant($"q{i:D2}"))) + ",height_cm,weight_kg\n";

    /// <summary>A row with answers as scores (0/1, item 12 left out): the listed items score 1.</summary>
    private static string Scores(int resident, string date, double height, double weight, params int[] risky) =>
        $"{HealthFiles.ResidentId(resident)},{date},"
        + string.Join(',', Enumerable.Range(1, 25).Where(i => i != 12).Select(i => risky.Contains(i) ? "1" : "0"))
        + FormattableString.Invariant($",{height},{weight}\n");

    private sealed record Row(string ItemScores, short TotalScore, double? Bmi, bool MotorRisk, bool NutritionRisk, bool HouseboundRisk, bool CognitiveRisk, string FrailtyBand);

    private static Task<List<Row>> RowsAsync(Support.TempWarehouse warehouse) => HealthFiles.QueryAsync<Row>(warehouse,
        "SELECT item_scores AS ItemScores, total_score AS TotalScore, bmi AS Bmi, motor_risk AS MotorRisk, nutrition_risk AS NutritionRisk, housebound_risk AS HouseboundRisk, cognitive_risk AS CognitiveRisk, frailty_band AS FrailtyBand FROM fact_checklist_answer ORDER BY resident_key, date_key");

    [Fact]
    public async Task Answer_sets_are_scored_on_import_with_item_12_from_height_and_weight()
    {
        await using var warehouse = await HealthFiles.WithResidentsAsync(2);
        // Resident 2 answers in words: いいえ to items 1–8 (risk), はい to 9–11 (risk), the rest the healthy way.
        var words = string.Join(',', Enumerable.Range(1, 25).Where(i => i != 12).Select(i => i switch
        {
            <= 8 or 16 or 19 => i <= 8 ? "いいえ" : "はい",
            9 or 10 or 11 => "はい",
            _ => "いいえ",
        }));
        var file = warehouse.WriteFile("c.csv", Header
            + Scores(1, "2025-07-01", 160, 47, 11, 16)
            + $"{HealthFiles.ResidentId(2)},2025-07-02,{words},150,60\n");

        var result = await HealthFiles.Import(warehouse, "checklist", file);

        Assert.Equal(ImportStatus.Succeeded, result.Status);
        Assert.Equal(2, result.RowsLoaded);
        var rows = await RowsAsync(warehouse);
        var low = Assert.Single(rows, r => r.TotalScore == 3);
        Assert.Equal("0000000000110001000000000", low.ItemScores);
        Assert.Equal((18.4, true, true, false, "ロバスト"), (low.Bmi, low.NutritionRisk, low.HouseboundRisk, low.MotorRisk, low.FrailtyBand));
        var frail = Assert.Single(rows, r => r.TotalScore == 11);
        Assert.Equal("1111111111100000000000000", frail.ItemScores);
        Assert.Equal((true, false, false, "フレイル"), (frail.MotorRisk, frail.NutritionRisk, frail.CognitiveRisk, frail.FrailtyBand));
    }

    [Fact]
    public async Task A_bad_row_is_rejected_with_its_reason_and_a_masked_value_and_the_rest_load()
    {
        await using var warehouse = await HealthFiles.WithResidentsAsync(30);
        var rows = string.Concat(Enumerable.Range(1, 25).Select(n => Scores(n, "2025-07-01", 155, 55)));
        var bad = Scores(26, "2025-07-01", 155, 55).Replace(",0,0,0,", ",0,2,0,", StringComparison.Ordinal);
        var file = warehouse.WriteFile("c.csv", Header + rows + bad);

        var result = await HealthFiles.Import(warehouse, "checklist", file);

        Assert.Equal(ImportStatus.Succeeded, result.Status);
        Assert.Equal(25, (await RowsAsync(warehouse)).Count);
        var reject = Assert.Single(result.Rejects);
        Assert.Equal(27L, reject.LineNumber);
        Assert.StartsWith("q", reject.FieldName, StringComparison.Ordinal);
        Assert.Contains("回答が読めません", reject.Reason, StringComparison.Ordinal);
        Assert.Equal("（非表示）", reject.MaskedValue);
    }

    [Fact]
    public async Task Too_many_bad_rows_refuse_the_whole_batch_and_nothing_loads()
    {
        await using var warehouse = await HealthFiles.WithResidentsAsync(10);
        var rows = string.Concat(Enumerable.Range(1, 8).Select(n => Scores(n, "2025-07-01", 155, 55)));
        var file = warehouse.WriteFile("c.csv", Header + rows + Scores(9, "2025-07-01", 155, 500) + Scores(99, "2025-07-01", 155, 55));

        var result = await HealthFiles.Import(warehouse, "checklist", file);

        Assert.Equal(ImportStatus.Refused, result.Status);
        Assert.Equal(["weight_kg", "resident_id"], result.Rejects.Select(r => r.FieldName!).ToArray());
        Assert.Empty(await RowsAsync(warehouse));
    }

    [Fact]
    public async Task Re_importing_changes_nothing_and_a_corrected_file_replaces_the_same_answer_set()
    {
        await using var warehouse = await HealthFiles.WithResidentsAsync(2);
        var original = warehouse.WriteFile("a.csv", Header + Scores(1, "2025-07-01", 160, 60, 6, 7, 8) + Scores(2, "2025-07-01", 160, 60));

        var first = await HealthFiles.Import(warehouse, "checklist", original);
        var again = await HealthFiles.Import(warehouse, "checklist", original);
        var corrected = await HealthFiles.Import(warehouse, "checklist", warehouse.WriteFile("b.csv", Header + Scores(1, "2025-07-01", 160, 60, 6)));

        Assert.Equal((ImportStatus.Succeeded, ImportStatus.AlreadyImported, ImportStatus.Succeeded), (first.Status, again.Status, corrected.Status));
        var rows = await RowsAsync(warehouse);
        Assert.Equal(2, rows.Count);
        Assert.DoesNotContain(rows, r => r.MotorRisk);
    }

    [Fact]
    public async Task A_file_without_the_answer_columns_fails_whole_with_a_clear_message()
    {
        await using var warehouse = await HealthFiles.WithResidentsAsync(1);

        var result = await HealthFiles.Import(warehouse, "checklist", warehouse.WriteFile("c.csv", "resident_id,date\nR0000001,2025-07-01\n"));

        Assert.Equal(ImportStatus.Failed, result.Status);
        Assert.Contains("必要な列がありません: q01", result.Message, StringComparison.Ordinal);
    }
}
