using Workbench.Domain.Calendar;

namespace Workbench.Data.Etl.Education;

/// <summary>
/// Attendance CSV, one row per pupil per school day: <c>userSourcedId,date,status,reason</c>.
/// 出席停止 and 忌引 are kept as they are (they are not absences); 欠席 needs its reason.
/// </summary>
public sealed class AttendanceImporter : IImporter
{
    public const string Table = "fact_attendance";
    private static readonly string[] Required = ["userSourcedId", "date", "status"];
    private static readonly string[] Columns = ["pupil_key", "date_key", "attendance_status", "absence_reason", "batch_id"];
    private static readonly HashSet<string> Statuses = ["出席", "欠席", "遅刻", "早退", "出席停止", "忌引"];
    private static readonly HashSet<string> AbsenceReasons = ["病気", "経済的理由", "不登校", "その他"];

    public string Kind => "attendance";

    public async Task ImportAsync(ImportContext context, CancellationToken cancellationToken)
    {
        var pupils = (await context.QueryAsync<string>("etl/known_pupils", null, cancellationToken)).ToHashSet(StringComparer.Ordinal);
        using var csv = CsvSource.Open(context.SourcePath, Required);
        var staged = await context.StageAsync("stage_" + Table, Columns, Rows(csv, context, pupils), cancellationToken);
        context.Table(Table).Loaded = staged;
        await context.ExecuteAsync("etl/attendance_merge", null, cancellationToken);
    }

    private static IEnumerable<object?[]> Rows(CsvSource csv, ImportContext context, HashSet<string> pupils)
    {
        var today = DateOnly.FromDateTime(context.Time.GetLocalNow().DateTime);
        while (csv.Read())
        {
            context.RowRead(Table);
            var line = csv.LineNumber;
            var sourcedId = csv.Get("userSourcedId");
            var pupil = sourcedId is null ? null : context.Pseudonyms.Of(context.EducationSource, sourcedId);
            if (pupil is null || !pupils.Contains(pupil))
            {
                context.Reject(Table, csv.PartName, line, "userSourcedId", "名簿（OneRoster）にない児童生徒です。先に名簿を取り込んでください。", SourceValues.MaskId(sourcedId));
                continue;
            }

            var date = SourceValues.ParseDate(csv.Get("date"));
            if (date is null)
            {
                context.Reject(Table, csv.PartName, line, "date", "日付の形式が正しくありません（例: 2025-04-07）。", csv.Get("date"));
                continue;
            }

            if (date > today)
            {
                context.Reject(Table, csv.PartName, line, "date", "未来の日付の出欠は取り込めません。", csv.Get("date"));
                continue;
            }

            var status = csv.Get("status");
            if (status is null || !Statuses.Contains(status))
            {
                context.Reject(Table, csv.PartName, line, "status", "出欠の区分が不明です（出席・欠席・遅刻・早退・出席停止・忌引のいずれか）。", status);
                continue;
            }

            var reason = csv.Get("reason");
            if (status == "欠席" && (reason is null || !AbsenceReasons.Contains(reason)))
            {
                context.Reject(Table, csv.PartName, line, "reason", "欠席の理由が不明です（病気・経済的理由・不登校・その他のいずれか）。", reason);
                continue;
            }

            yield return [pupil, FiscalCalendar.DateKeyOf(date.Value), status, status == "欠席" ? reason : null, context.BatchId];
        }
    }
}
