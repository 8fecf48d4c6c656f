using System.Globalization;
using Microsoft.Extensions.Options;
using Workbench.Domain.Calendar;
using Workbench.Domain.Health;

namespace Workbench.Data.Etl.Health;

/// <summary>
/// 基本チェックリスト answers CSV, one row per answer set: <c>resident_id,date,q01…q25,height_cm,weight_kg</c>.
/// An answer is the item's score as printed on the MHLW form (<c>1</c> = the answer that points to risk, <c>0</c> the
/// other) or the answer itself (<c>はい</c>/<c>いいえ</c>), turned into the score by <see cref="ChecklistScoring"/>.
/// Item 12 is computed from height and weight (BMI &lt; 18.5, <c>Health:Checklist</c>); <c>q12</c> is read only when they are missing. Each set
/// is scored on import into the seven domains and the frailty band. A corrected file replaces the same (resident, day).
/// Answers and measurements are 要配慮個人情報: their values never reach etl_reject.
/// </summary>
public sealed class ChecklistImporter(IOptions<ChecklistCriteria> criteria) : IImporter
{
    public const string Table = "fact_checklist_answer";

    private static readonly string[] ItemColumns = [.. Enumerable.Range(1, ChecklistScoring.ItemCount).Select(i => string.Create(CultureInfo.InvariantCulture, $"q{i:D2}"))];
    private static readonly string[] Required = ["resident_id", "date", .. ItemColumns.Where(c => c != "q12")];

    private static readonly string[] Columns =
    [
        "resident_key", "date_key", "fiscal_year", "item_scores", "height_cm", "weight_kg", "bmi", "total_score",
        "life_function_risk", "motor_risk", "nutrition_risk", "oral_risk", "housebound_risk", "cognitive_risk", "depression_risk",
        "frailty_band", "batch_id",
    ];

    public string Kind => "checklist";

    public async Task ImportAsync(ImportContext context, CancellationToken cancellationToken)
    {
        var residents = (await context.QueryAsync<string>("etl/known_residents", null, cancellationToken)).ToHashSet(StringComparer.Ordinal);
        using var csv = CsvSource.Open(context.SourcePath, Required);
        context.Table(Table).Loaded = await context.StageAsync("stage_" + Table, Columns, Rows(csv, context, residents, criteria.Value), cancellationToken);
        await context.ExecuteAsync("etl/checklist_merge", null, cancellationToken);
    }

    private static IEnumerable<object?[]> Rows(CsvSource csv, ImportContext context, HashSet<string> residents, ChecklistCriteria criteria)
    {
        var today = DateOnly.FromDateTime(context.Time.GetLocalNow().DateTime);
        var seen = new HashSet<(string, int)>();
        var scores = new int[ChecklistScoring.ItemCount];
        while (csv.Read())
        {
            context.RowRead(Table);
            var line = csv.LineNumber;
            var reject = (string field, string reason, string? value) => context.Reject(Table, csv.PartName, line, field, reason, value);

            var residentId = csv.Get("resident_id");
            if (HealthValues.KnownResident(context, residentId, residents) is not { } resident)
            {
                reject("resident_id", HealthValues.UnknownResident, SourceValues.MaskId(residentId));
                continue;
            }

            var date = SourceValues.ParseDate(csv.Get("date"));
            if (date is null || date > today)
            {
                reject("date", "回答日の形式が正しくないか、未来の日付です（例: 2025-07-01）。", csv.Get("date"));
                continue;
            }

            var dateKey = FiscalCalendar.DateKeyOf(date.Value);
            if (!seen.Add((resident, dateKey)))
            {
                reject("date", "同じ住民・回答日の回答がこのファイルに2回あります。", csv.Get("date"));
                continue;
            }

            var badItem = ReadAnswers(csv, scores);
            if (badItem is not null)
            {
                reject(badItem, "回答が読めません（0・1、または はい・いいえ）。", SourceValues.MaskSensitive(csv.Get(badItem)));
                continue;
            }

            var height = HealthValues.Number(csv.Get("height_cm"));
            var weight = HealthValues.Number(csv.Get("weight_kg"));
            if (csv.Get("height_cm") is not null && height is not (>= 100 and <= 220))
            {
                reject("height_cm", "身長が 100〜220 cm の数ではありません。", SourceValues.MaskSensitive(csv.Get("height_cm")));
                continue;
            }

            if (csv.Get("weight_kg") is not null && weight is not (>= 20 and <= 200))
            {
                reject("weight_kg", "体重が 20〜200 kg の数ではありません。", SourceValues.MaskSensitive(csv.Get("weight_kg")));
                continue;
            }

            double? bmi = height is { } h && weight is { } w ? Math.Round(ChecklistScoring.Bmi(h, w), 1) : null;
            if (bmi is { } value)
            {
                scores[11] = ChecklistScoring.ScoreOfBmi(ChecklistScoring.Bmi(height!.Value, weight!.Value), criteria);
            }
            else if (csv.Get("q12") is { } given && given is "0" or "1")
            {
                scores[11] = given == "1" ? 1 : 0;
            }
            else
            {
                reject("height_cm", "項目12（BMI 18.5未満）を判定できません。身長と体重、または q12 が必要です。", null);
                continue;
            }

            var result = ChecklistScoring.Score(scores, criteria);
            yield return
            [
                resident, dateKey, (short)FiscalCalendar.FiscalYearOf(date.Value), string.Concat(scores), height, weight, bmi,
                (short)result.Total,
                result.Has(ChecklistDomains.LifeFunction), result.Has(ChecklistDomains.Motor), result.Has(ChecklistDomains.Nutrition),
                result.Has(ChecklistDomains.Oral), result.Has(ChecklistDomains.Housebound), result.Has(ChecklistDomains.Cognitive),
                result.Has(ChecklistDomains.Depression), ChecklistScoring.Label(result.Frailty), context.BatchId,
            ];
        }
    }

    /// <summary>Fills the item scores (item 12 aside); returns the column of the first unreadable answer, or null.</summary>
    private static string? ReadAnswers(CsvSource csv, int[] scores)
    {
        for (var item = 1; item <= ChecklistScoring.ItemCount; item++)
        {
            if (item == 12)
            {
                continue;
            }

            var column = ItemColumns[item - 1];
            int? score = csv.Get(column) switch
            {
                "0" => 0,
                "1" => 1,
                "はい" => ChecklistScoring.ScoreOfAnswer(item, yes: true),
                "いいえ" => ChecklistScoring.ScoreOfAnswer(item, yes: false),
                _ => null,
            };
            if (score is null)
            {
                return column;
            }

            scores[item - 1] = score.Value;
        }

        return null;
    }
}
