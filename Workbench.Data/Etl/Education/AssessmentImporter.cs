using System.Globalization;
using Workbench.Domain.Calendar;

namespace Workbench.Data.Etl.Education;

/// <summary>
/// Unit-test results CSV, one row per pupil per test: <c>assessmentId,subject,unitId,userSourcedId,score,maxScore,date</c>.
/// A corrected file replaces the same (test, pupil) rows.
/// </summary>
public sealed class AssessmentImporter : IImporter
{
    public const string Table = "fact_assessment_result";
    private static readonly string[] Required = ["assessmentId", "subject", "userSourcedId", "score", "maxScore", "date"];
    private static readonly string[] Columns = ["assessment_id", "pupil_key", "date_key", "subject", "unit_key", "score", "max_score", "batch_id"];

    /// <summary>The subjects of the Courses of Study (学習指導要領) for elementary and junior-high schools.</summary>
    private static readonly HashSet<string> Subjects =
    [
        "国語", "社会", "算数", "数学", "理科", "生活", "音楽", "図画工作", "美術", "家庭", "技術・家庭", "体育", "保健体育",
        "外国語", "外国語活動", "英語", "道徳", "特別の教科 道徳", "総合的な学習の時間", "特別活動",
    ];

    public string Kind => "assessment";

    public async Task ImportAsync(ImportContext context, CancellationToken cancellationToken)
    {
        var pupils = (await context.QueryAsync<string>("etl/known_pupils", null, cancellationToken)).ToHashSet(StringComparer.Ordinal);
        using var csv = CsvSource.Open(context.SourcePath, Required);
        context.Table(Table).Loaded = await context.StageAsync("stage_" + Table, Columns, Rows(csv, context, pupils), cancellationToken);
        await context.ExecuteAsync("etl/assessment_merge", null, cancellationToken);
    }

    private static IEnumerable<object?[]> Rows(CsvSource csv, ImportContext context, HashSet<string> pupils)
    {
        var today = DateOnly.FromDateTime(context.Time.GetLocalNow().DateTime);
        while (csv.Read())
        {
            context.RowRead(Table);
            var line = csv.LineNumber;
            var reject = (string field, string reason, string? value) => context.Reject(Table, csv.PartName, line, field, reason, value);

            var assessmentId = csv.Get("assessmentId");
            if (assessmentId is null)
            {
                reject("assessmentId", "テストの ID がありません。", null);
                continue;
            }

            var sourcedId = csv.Get("userSourcedId");
            var pupil = sourcedId is null ? null : context.Pseudonyms.Of(context.EducationSource, sourcedId);
            if (pupil is null || !pupils.Contains(pupil))
            {
                reject("userSourcedId", "名簿（OneRoster）にない児童生徒です。先に名簿を取り込んでください。", SourceValues.MaskId(sourcedId));
                continue;
            }

            var subject = csv.Get("subject");
            if (subject is null || !Subjects.Contains(subject))
            {
                reject("subject", "教科名が学習指導要領の教科にありません（例: 国語、算数、数学、理科、社会、英語）。", subject);
                continue;
            }

            if (!TryParseScore(csv.Get("maxScore"), out var maxScore) || maxScore <= 0)
            {
                reject("maxScore", "満点が正の数ではありません。", csv.Get("maxScore"));
                continue;
            }

            // Scores are health-free but still personal: the value is masked in the reject.
            if (!TryParseScore(csv.Get("score"), out var score) || score < 0 || score > maxScore)
            {
                reject("score", "得点が 0 から満点までの数ではありません。", SourceValues.MaskSensitive(csv.Get("score")));
                continue;
            }

            var date = SourceValues.ParseDate(csv.Get("date"));
            if (date is null)
            {
                reject("date", "日付の形式が正しくありません（例: 2025-06-12）。", csv.Get("date"));
                continue;
            }

            if (date > today)
            {
                reject("date", "未来の日付のテスト結果は取り込めません。", csv.Get("date"));
                continue;
            }

            yield return [assessmentId, pupil, FiscalCalendar.DateKeyOf(date.Value), subject, csv.Get("unitId"), score, maxScore, context.BatchId];
        }
    }

    private static bool TryParseScore(string? value, out double score) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out score) && double.IsFinite(score);
}
