using Workbench.Data.Learning.Board;
using Workbench.Domain.Learning;
using Workbench.Features.Reports.Pdf;

namespace Workbench.Features.Reports.Learning;

/// <summary>注記と出典: what the marks mean, the definitions, the groups' schools, and where the figures come from.</summary>
internal static class NotesSection
{
    public static void Write(ReportDocument document, LearningReportContext context)
    {
        var o = context.Overview;
        var t = o.Threshold;
        var n = o.NationalFutoko;
        document.Heading("注記と出典", startsPage: true)
            .Heading("小さな人数の秘匿", level: 2)
            .Paragraph($"個人が特定されないよう、1〜{t - 1}人の欄は「<{t}」と表示しています（0人は「0」と表示します）。"
                + $"表の合計や他の欄から秘匿した人数が計算できてしまう場合は、もう一つの欄もあわせて秘匿し「{Domain.Privacy.SuppressedCount.ComplementaryMark}」と表示しています。"
                + $"対象が{t}人未満の平均や割合、秘匿した人数から求める割合は「{ReportFormat.NotPublished}」としています。秘匿の基準は{t}人未満です。"
                + "画面・Excel・このレポートで同じ規則を使っています。")
            .Heading("用語", level: 2)
            .Paragraph($"定着度: 児童生徒ごとに、各単元の最高得点（xAPI の score.scaled、−1〜1）を教科ごとに平均した値です。{MasterySection.Bands(o.Bands)}に分けています。")
            .Paragraph($"長期欠席: 年度内の欠席が{o.AbsenceRules.LongAbsenceDays}日以上の児童生徒。欠席には出席停止・忌引を含みません。"
                + $"不登校: 長期欠席のうち、病気・経済的理由以外による欠席が{o.AbsenceRules.LongAbsenceDays}日以上の児童生徒。"
                + $"不登校リスク: 病気・経済的理由以外の欠席が{o.AbsenceRules.RiskDays}日以上{o.AbsenceRules.LongAbsenceDays}日未満の児童生徒。")
            .Paragraph("学期: 1学期は4月〜7月、2学期は9月〜12月、3学期は1月〜3月です。児童生徒は、その年度に在籍した学級の学校・学年で数えています。")
            .Paragraph(o.Request.Grouping == BoardGrouping.District
                ? "中学校区: 中学校と、その校区の小学校をまとめた単位です。"
                : $"学校規模: 通常の学級の数で、{SchoolSizeBands.StandardFrom - 1}学級以下を小規模校、{SchoolSizeBands.StandardFrom}〜{SchoolSizeBands.StandardTo}学級を標準規模校、"
                  + $"{SchoolSizeBands.StandardTo + 1}学級以上を大規模校としています（学校教育法施行規則第41条の標準による）。")
            .Heading($"{context.GroupHeader}の学校", level: 2)
            .Table([new TableColumn(context.GroupHeader, 1), new TableColumn("学校", 3)], o.Groups.Select(g => new TableRow([g.Name, string.Join("、", g.SchoolNames)])))
            .Heading("出典とデータ", level: 2)
            .Paragraph($"全国の不登校の割合: {n.Source}。小・中学校の不登校児童生徒数 {ReportFormat.Count(n.Pupils)}人、在籍児童生徒に占める割合 {ReportFormat.Percent(n.Rate)}（{Domain.Calendar.FiscalCalendar.ReiwaFiscalYearName(n.FiscalYear)}）。")
            .Paragraph("本市のデータ: 学習eポータルの名簿（OneRoster 1.2 日本プロファイル）、学習記録（xAPI）、出欠の記録。"
                + $"データ基準日（期間内の最新の記録の日）は{ReportFormat.Date(o.AsOf)}、作成日時は{ReportFormat.Stamp(context.GeneratedAt)}です。");
    }
}
