using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Workbench.Data.Access;
using Workbench.Data.Etl;
using Workbench.Domain.Access;
using Workbench.Tests.Etl;
using Workbench.Tests.Support;
using static Workbench.Tests.Etl.XapiStatements;

namespace Workbench.Tests.Learning;

/// <summary>
/// A small known Tsuyama for the learning queries, written as source files and loaded by the real importers.
/// <para>喬松小学校 (<see cref="RosterFiles"/>): 3年1組 (t000001) with pupils 1–7 — 6 moved in on 2025-10-06, 7 moved out
/// on 2025-10-17 —, 3年2組 (t000002) with pupils 8–17, and the subject class 3年 国語 (scheduled, t000001) with pupils
/// 1–3. 中正小学校: 3年1組 (t000003) with pupils 18–27.</para>
/// <para>Scores (score.scaled, 10 minutes each) on 算数 かけ算の筆算 (U1, June), 円と球 (U2, July), 分数 (U3, October) and
/// 国語 漢字の音と訓 (K1, June):
/// pupil 1: U1 0.9 and 0.7, K1 0.8, U2 0.6 and 0.5, U3 0.3 (falling); pupils 2–5: U1 0.8/0.6/0.5/0.2, U2 0.5, U3 0.8;
/// pupil 2 also 10 unscored statements on U3 in the week of 10/20 and 4 in the week of 10/27 (5 minutes each);
/// pupils 8–17 U1 0.7, 8–10 U2 0.9, 8–12 U3 0.6; pupils 18–27 U1 0.4 and U2 0.5.</para>
/// <para>Attendance of 3年1組, school days 9/29–10/31 without the holiday 10/13 (24 days), 出席 unless: pupil 3 欠席 on the
/// Tuesdays 9/30, 10/7, 10/14, 10/21, 10/28; pupil 4 欠席 10/20, 出席停止 10/21, 欠席 10/22 and 10/23, 遅刻 10/24, 早退
/// 10/27; pupil 5 欠席 10/24, 忌引 10/27–10/29, 欠席 10/30; pupil 6 from 10/6, pupil 7 until 10/17.</para>
/// </summary>
public static class LearningDataSet
{
    public const string School2Id = "0b2f7c1e-0000-4000-8000-000000000a01";
    public const string Class2Id = "0b2f7c1e-0000-4000-8000-000000000a02";
    public const string Class3Id = "0b2f7c1e-0000-4000-8000-000000000a03";
    public const string JapaneseClassId = "0b2f7c1e-0000-4000-8000-000000000a04";
    public const string Teacher2Id = "0b2f7c1e-0000-4000-8000-0000000000fe";
    public const string Teacher3Id = "0b2f7c1e-0000-4000-8000-0000000000fd";

    public const string U1 = XapiStatements.Unit;
    public const string U2 = "https://portal.tsuyama.ed.jp/activities/sansu/p3/u05";
    public const string U3 = "https://portal.tsuyama.ed.jp/activities/sansu/p3/u06";
    public const string K1 = "https://portal.tsuyama.ed.jp/activities/kokugo/p3/u01";

    public static readonly string Class1Key = "tsuyama:" + RosterFiles.ClassId;
    public static readonly string Class2Key = "tsuyama:" + Class2Id;
    public static readonly string JapaneseClassKey = "tsuyama:" + JapaneseClassId;

    private static readonly Dictionary<string, string> Titles = new(StringComparer.Ordinal)
    {
        [U1] = XapiStatements.UnitTitle, [U2] = "円と球", [U3] = "分数", [K1] = "漢字の音と訓",
    };

    public static Caller Teacher1 { get; } = As("t000001", WorkbenchRoles.Teacher);

    public static Caller Teacher2 { get; } = As("t000002", WorkbenchRoles.Teacher);

    public static Caller Analyst { get; } = As("analyst", WorkbenchRoles.Analyst);

    public static Caller As(string user, params string[] roles) => new(user, roles.ToHashSet(StringComparer.Ordinal));

    /// <summary>The school days of the attendance file: weekdays 9/29–10/31 without スポーツの日 (10/13).</summary>
    public static IReadOnlyList<DateOnly> SchoolDays { get; } =
    [
        .. Enumerable.Range(0, 33).Select(i => new DateOnly(2025, 9, 29).AddDays(i))
            .Where(d => d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && d != new DateOnly(2025, 10, 13)),
    ];

    public static async Task<TempWarehouse> CreateAsync()
    {
        var warehouse = await TempWarehouse.CreateAsync();
        var pipeline = warehouse.Get<EtlPipeline>();
        foreach (var (kind, path) in new[]
        {
            ("oneroster", WriteRoster(Path.Combine(warehouse.Directory, "roster"))),
            ("attendance", Write(warehouse, "attendance.csv", Attendance())),
            ("assessment", Write(warehouse, "assessment.csv", Assessment())),
            ("xapi", Write(warehouse, "statements.ndjson", Ndjson([.. Statements()]))),
        })
        {
            var result = await pipeline.ImportAsync(kind, path, "test", null, CancellationToken.None);
            Assert.True(result.Status == ImportStatus.Succeeded && result.RowsRejected == 0, $"{kind}: {result.Message} {string.Join(" / ", result.Rejects.Select(r => r.Reason))}");
        }

        var users = warehouse.Get<AppUserStore>();
        await users.CreateAsync("t000001", "山田 花子", null, null, [WorkbenchRoles.Teacher], CancellationToken.None);
        await users.CreateAsync("t000002", "佐藤 次郎", null, null, [WorkbenchRoles.Teacher], CancellationToken.None);
        await users.CreateAsync("analyst", "分析 担当", null, null, [WorkbenchRoles.Analyst], CancellationToken.None);
        await users.AddScopeAsync(new UserScopeRow("analyst", "class", Class1Key), CancellationToken.None);
        return warehouse;
    }

    private static string Write(TempWarehouse warehouse, string name, string content)
    {
        var path = Path.Combine(warehouse.Directory, name);
        File.WriteAllText(path, content);
        return path;
    }

    /// <summary><see cref="RosterFiles"/> with 7 pupils, plus a second class, a second school and the two moves.</summary>
    private static string WriteRoster(string folder)
    {
        RosterFiles.Write(folder, pupils: 7);
        Append(folder, "orgs.csv", $"{School2Id},,,中正小学校,school,B133212030998,\n");
        Append(folder, "classes.csv",
            $"{Class2Id},,,3年2組,P3,,3-2,homeroom,,{RosterFiles.SchoolId},{RosterFiles.YearId},,,,false\n"
            + $"{Class3Id},,,3年1組,P3,,3-1,homeroom,,{School2Id},{RosterFiles.YearId},,,,false\n"
            + $"{JapaneseClassId},,,3年 国語,P3,,3-kokugo,scheduled,,{RosterFiles.SchoolId},{RosterFiles.YearId},国語,kokugo,,false\n");

        var users = new StringBuilder();
        var enrollments = new StringBuilder();
        foreach (var (teacher, user, school, theClass, n) in new[] { (Teacher2Id, "t000002", RosterFiles.SchoolId, Class2Id, "fe"), (Teacher3Id, "t000003", School2Id, Class3Id, "fd") })
        {
            users.Append(CultureInfo.InvariantCulture, $"{teacher},,,true,{user},,先生,教員,,,{user}@tsuyama.ed.jp,,,,,,,センセイ,キョウイン\n");
            enrollments.Append(CultureInfo.InvariantCulture, $"0b2f7c1e-0000-4000-9000-0000000000{n},,,{theClass},{school},{teacher},teacher,true,,,\n");
        }

        for (var n = 8; n <= 27; n++)
        {
            var (school, theClass, number) = n <= 17 ? (RosterFiles.SchoolId, Class2Id, n - 7) : (School2Id, Class3Id, n - 17);
            users.Append(CultureInfo.InvariantCulture, $"{RosterFiles.PupilId(n)},,,true,s{n:D8},,太郎{n},津山,,,{RosterFiles.PupilEmail(n)},,,,P3,,{RosterFiles.PupilId(n + 500)},タロウ,ツヤマ\n");
            enrollments.Append(CultureInfo.InvariantCulture, $"0b2f7c1e-0000-4000-9000-{n:D12},,,{theClass},{school},{RosterFiles.PupilId(n)},student,false,,,{number}\n");
        }

        enrollments.Append(CultureInfo.InvariantCulture, $"0b2f7c1e-0000-4000-9000-000000000afe,,,{JapaneseClassId},{RosterFiles.SchoolId},{RosterFiles.TeacherId},teacher,true,,,\n");
        for (var n = 1; n <= 3; n++)
        {
            enrollments.Append(CultureInfo.InvariantCulture, $"0b2f7c1e-0000-4000-9000-000000000a{n:D2},,,{JapaneseClassId},{RosterFiles.SchoolId},{RosterFiles.PupilId(n)},student,false,,,{n}\n");
        }

        Append(folder, "users.csv", users.ToString());
        var path = Path.Combine(folder, "enrollments.csv");
        File.WriteAllText(path, File.ReadAllText(path)
            .Replace($"{RosterFiles.PupilId(6)},student,false,,,6", $"{RosterFiles.PupilId(6)},student,false,2025-10-06,,6", StringComparison.Ordinal)
            .Replace($"{RosterFiles.PupilId(7)},student,false,,,7", $"{RosterFiles.PupilId(7)},student,false,,2025-10-17,7", StringComparison.Ordinal)
            + enrollments);
        return folder;
    }

    private static void Append(string folder, string file, string lines) => File.AppendAllText(Path.Combine(folder, file), lines);

    private static string Attendance()
    {
        var exceptions = new Dictionary<(int Pupil, string Date), (string Status, string Reason)>
        {
            [(3, "2025-09-30")] = ("欠席", "病気"),
            [(3, "2025-10-07")] = ("欠席", "病気"),
            [(3, "2025-10-14")] = ("欠席", "病気"),
            [(3, "2025-10-21")] = ("欠席", "病気"),
            [(3, "2025-10-28")] = ("欠席", "病気"),
            [(4, "2025-10-20")] = ("欠席", "病気"),
            [(4, "2025-10-21")] = ("出席停止", ""),
            [(4, "2025-10-22")] = ("欠席", "病気"),
            [(4, "2025-10-23")] = ("欠席", "病気"),
            [(4, "2025-10-24")] = ("遅刻", ""),
            [(4, "2025-10-27")] = ("早退", ""),
            [(5, "2025-10-24")] = ("欠席", "その他"),
            [(5, "2025-10-27")] = ("忌引", ""),
            [(5, "2025-10-28")] = ("忌引", ""),
            [(5, "2025-10-29")] = ("忌引", ""),
            [(5, "2025-10-30")] = ("欠席", "病気"),
        };
        var csv = new StringBuilder("userSourcedId,date,status,reason\n");
        for (var pupil = 1; pupil <= 7; pupil++)
        {
            foreach (var day in SchoolDays.Where(d => (pupil != 6 || d >= new DateOnly(2025, 10, 6)) && (pupil != 7 || d <= new DateOnly(2025, 10, 17))))
            {
                var date = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                var (status, reason) = exceptions.GetValueOrDefault((pupil, date), ("出席", ""));
                csv.Append(CultureInfo.InvariantCulture, $"{RosterFiles.PupilId(pupil)},{date},{status},{reason}\n");
            }
        }

        return csv.ToString();
    }

    /// <summary>A unit test of かけ算の筆算: the importer's own table, which the xAPI mastery figures do not read.</summary>
    private static string Assessment() =>
        "assessmentId,subject,unitId,userSourcedId,score,maxScore,date\n"
        + string.Concat(Enumerable.Range(1, 5).Select(p => FormattableString.Invariant($"sansu-p3-u04-test,算数,{U1},{RosterFiles.PupilId(p)},{80 - (p * 5)},100,2025-06-20\n")));

    private static IEnumerable<JsonObject> Statements()
    {
        var id = 0;
        JsonObject S(int pupil, string unit, string time, double? scaled, string duration = "PT10M") => Statement(++id, pupil, unit, time, scaled, duration);

        yield return S(1, U1, "2025-06-02T10:15:00+09:00", 0.9);
        yield return S(1, U1, "2025-06-03T10:15:00+09:00", 0.7);
        yield return S(1, K1, "2025-06-04T10:15:00+09:00", 0.8);
        yield return S(1, U2, "2025-07-07T10:15:00+09:00", 0.6);
        yield return S(1, U2, "2025-07-08T10:15:00+09:00", 0.5);
        yield return S(1, U3, "2025-10-08T10:15:00+09:00", 0.3);
        var u1 = new[] { 0.8, 0.6, 0.5, 0.2 };
        for (var pupil = 2; pupil <= 5; pupil++)
        {
            yield return S(pupil, U1, "2025-06-02T11:00:00+09:00", u1[pupil - 2]);
            yield return S(pupil, U2, "2025-07-07T11:00:00+09:00", 0.5);
            yield return S(pupil, U3, "2025-10-08T11:00:00+09:00", 0.8);
        }

        foreach (var day in SchoolDays.Where(d => d >= new DateOnly(2025, 10, 20)))
        {
            var perDay = day < new DateOnly(2025, 10, 27) ? 2 : day < new DateOnly(2025, 10, 31) ? 1 : 0;
            for (var i = 0; i < perDay; i++)
            {
                yield return S(2, U3, FormattableString.Invariant($"{day:yyyy-MM-dd}T1{i}:30:00+09:00"), null, "PT5M");
            }
        }

        for (var pupil = 8; pupil <= 17; pupil++)
        {
            yield return S(pupil, U1, "2025-06-02T10:00:00+09:00", 0.7);
            if (pupil <= 10)
            {
                yield return S(pupil, U2, "2025-07-07T10:00:00+09:00", 0.9);
            }

            if (pupil <= 12)
            {
                yield return S(pupil, U3, "2025-10-08T10:00:00+09:00", 0.6);
            }
        }

        for (var pupil = 18; pupil <= 27; pupil++)
        {
            yield return S(pupil, U1, "2025-06-03T10:00:00+09:00", 0.4);
            yield return S(pupil, U2, "2025-07-08T10:00:00+09:00", 0.5);
        }
    }

    /// <summary>An answered exercise of <paramref name="unit"/>; without a score when <paramref name="scaled"/> is null.</summary>
    private static JsonObject Statement(int id, int pupil, string unit, string timestamp, double? scaled, string duration)
    {
        var statement = Answered(id, PortalAccount(pupil), scaled ?? 0, timestamp);
        statement["object"]!["id"] = unit + "/q1";
        statement["object"]!["definition"]!["name"]!["ja"] = Titles[unit] + " 練習問題1";
        var parent = statement["context"]!["contextActivities"]!["parent"]![0]!;
        parent["id"] = unit;
        parent["definition"]!["name"]!["ja"] = Titles[unit];
        var result = statement["result"]!.AsObject();
        result["duration"] = duration;
        if (scaled is null)
        {
            result.Remove("score");
            result.Remove("success");
        }

        return statement;
    }
}
