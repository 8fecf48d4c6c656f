using Microsoft.Extensions.Options;
using Workbench.Domain.Calendar;
using Workbench.Domain.Health;

namespace Workbench.Data.Etl.Health;

/// <summary>
/// 特定健診 results CSV, one row per examination: <c>resident_id,date,sex,age,waist_cm,bmi,systolic,diastolic,fasting,
/// fasting_glucose,casual_glucose,hba1c,triglycerides,hdl,smoking,bp_medication,glucose_medication,lipid_medication</c>.
/// <c>age</c> is the age in the 年度 as the programme counts it; <c>fasting</c> says whether the blood was drawn fasting
/// (empty: fasting when a fasting glucose was measured), which sets the triglyceride cut-off. Each result is stratified
/// on import by <see cref="GuidanceStratification"/> with the <c>Health:Guidance</c> cut-offs. A corrected file replaces the same (resident, day).
/// Health values never reach etl_reject.
/// </summary>
public sealed class CheckupImporter(IOptions<GuidanceCriteria> criteria) : IImporter
{
    public const string Table = "fact_checkup_result";

    private static readonly string[] Required =
        ["resident_id", "date", "sex", "age", "waist_cm", "bmi", "systolic", "diastolic", "smoking", "bp_medication", "glucose_medication", "lipid_medication"];

    private static readonly string[] Columns =
    [
        "resident_key", "date_key", "fiscal_year", "sex", "age", "waist_cm", "bmi", "systolic", "diastolic", "fasting_sample",
        "fasting_glucose", "casual_glucose", "hba1c", "triglycerides", "hdl", "smoker", "bp_medication", "glucose_medication",
        "lipid_medication", "obesity_group", "glucose_risk", "lipid_risk", "pressure_risk", "smoking_counted", "risk_count",
        "guidance_level", "batch_id",
    ];

    /// <summary>Plausible ranges: a value outside is a typing or unit error, not a finding.</summary>
    private static readonly (string Column, double Min, double Max, string Label)[] Measures =
    [
        ("waist_cm", 40, 200, "腹囲（cm）"), ("bmi", 10, 60, "BMI"), ("systolic", 60, 260, "収縮期血圧（mmHg）"),
        ("diastolic", 30, 160, "拡張期血圧（mmHg）"), ("fasting_glucose", 30, 600, "空腹時血糖（mg/dL）"),
        ("casual_glucose", 30, 800, "随時血糖（mg/dL）"), ("hba1c", 3, 20, "HbA1c（%）"),
        ("triglycerides", 10, 5000, "中性脂肪（mg/dL）"), ("hdl", 5, 200, "HDL コレステロール（mg/dL）"),
    ];

    public string Kind => "checkup";

    public async Task ImportAsync(ImportContext context, CancellationToken cancellationToken)
    {
        var residents = (await context.QueryAsync<string>("etl/known_residents", null, cancellationToken)).ToHashSet(StringComparer.Ordinal);
        using var csv = CsvSource.Open(context.SourcePath, Required);
        context.Table(Table).Loaded = await context.StageAsync("stage_" + Table, Columns, Rows(csv, context, residents, criteria.Value), cancellationToken);
        await context.ExecuteAsync("etl/checkup_merge", null, cancellationToken);
    }

    private static IEnumerable<object?[]> Rows(CsvSource csv, ImportContext context, HashSet<string> residents, GuidanceCriteria criteria)
    {
        var today = DateOnly.FromDateTime(context.Time.GetLocalNow().DateTime);
        var seen = new HashSet<(string, int)>();
        var values = new double?[Measures.Length];
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
                reject("date", "健診日の形式が正しくないか、未来の日付です（例: 2025-06-15）。", csv.Get("date"));
                continue;
            }

            var dateKey = FiscalCalendar.DateKeyOf(date.Value);
            if (!seen.Add((resident, dateKey)))
            {
                reject("date", "同じ住民・健診日の結果がこのファイルに2回あります。", csv.Get("date"));
                continue;
            }

            var sex = HealthValues.Sex(csv.Get("sex"));
            if (sex is null)
            {
                reject("sex", "性別が不明です（male・female・男・女・1・2 のいずれか）。", csv.Get("sex"));
                continue;
            }

            if (!int.TryParse(csv.Get("age"), out var age) || age is < 0 or > 120)
            {
                reject("age", "年齢が 0〜120 の整数ではありません。", SourceValues.MaskSensitive(csv.Get("age")));
                continue;
            }

            var badMeasure = ReadMeasures(csv, values);
            if (badMeasure is { } bad)
            {
                reject(bad.Column, $"{bad.Label}が {bad.Min}〜{bad.Max} の数ではありません。", SourceValues.MaskSensitive(csv.Get(bad.Column)));
                continue;
            }

            var flags = new bool[4];
            var badFlag = ReadFlags(csv, flags);
            if (badFlag is not null)
            {
                reject(badFlag, "はい・いいえ（1・0）で答える欄が読めません。", csv.Get(badFlag));
                continue;
            }

            var fastingText = csv.Get("fasting");
            var fasting = fastingText is null ? values[4] is not null : HealthValues.YesNo(fastingText);
            if (fasting is null)
            {
                reject("fasting", "空腹時採血かどうか（はい・いいえ）が読めません。", fastingText);
                continue;
            }

            var findings = new CheckupFindings
            {
                Male = sex == "male", Age = age, WaistCm = values[0], Bmi = values[1], Systolic = values[2], Diastolic = values[3],
                FastingGlucose = values[4], CasualGlucose = values[5], HbA1c = values[6], Triglycerides = values[7], Hdl = values[8],
                FastingSample = fasting.Value, Smoker = flags[0],
                OnBloodPressureMedication = flags[1], OnGlucoseMedication = flags[2], OnLipidMedication = flags[3],
            };
            var s = GuidanceStratification.Stratify(findings, criteria);
            yield return
            [
                resident, dateKey, (short)FiscalCalendar.FiscalYearOf(date.Value), sex, (short)age,
                values[0], values[1], values[2], values[3], fasting.Value, values[4], values[5], values[6], values[7], values[8],
                flags[0], flags[1], flags[2], flags[3],
                s.Group switch { ObesityGroup.A => "A", ObesityGroup.B => "B", _ => "none" },
                s.GlucoseRisk, s.LipidRisk, s.PressureRisk, s.SmokingCounted, (short)s.RiskCount,
                GuidanceStratification.Label(s.Level), context.BatchId,
            ];
        }
    }

    /// <returns>The first measure present but unreadable or out of range, or null.</returns>
    private static (string Column, double Min, double Max, string Label)? ReadMeasures(CsvSource csv, double?[] values)
    {
        for (var i = 0; i < Measures.Length; i++)
        {
            var measure = Measures[i];
            var text = csv.Get(measure.Column);
            values[i] = HealthValues.Number(text);
            if (text is not null && (values[i] is null || values[i] < measure.Min || values[i] > measure.Max))
            {
                return measure;
            }
        }

        return null;
    }

    private static string? ReadFlags(CsvSource csv, bool[] flags)
    {
        string[] columns = ["smoking", "bp_medication", "glucose_medication", "lipid_medication"];
        for (var i = 0; i < columns.Length; i++)
        {
            if (HealthValues.YesNo(csv.Get(columns[i])) is not { } flag)
            {
                return columns[i];
            }

            flags[i] = flag;
        }

        return null;
    }
}
