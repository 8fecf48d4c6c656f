using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Workbench.Data.Etl;
using Workbench.Tests.Etl;
using Workbench.Tests.Support;

namespace Workbench.Tests.Reports;

/// <summary>
/// A small hand-made education data set with known figures, loaded through the real importers: three schools in
/// two 中学校区, their rosters for 2024年度 and 2025年度, attendance and scored xAPI statements. The figures the
/// board tests expect are spelled out beside each pupil below.
/// </summary>
public sealed class BoardDataSet
{
    public const string Higashi = "東小学校";     // 北陵中学校区, P3 in 2025 (P2 in 2024), 12 pupils: 1–12
    public const string Takamatsu = "喬松小学校"; // 久米中学校区, P3, 3 pupils: 101–103
    public const string Kume = "久米中学校";     // 久米中学校区, J1, 11 pupils: 201–211
    public const string Hokuryo = "北陵中学校区";
    public const string KumeDistrict = "久米中学校区";

    private static readonly (string Name, string Code, string District, string Grade, int[] Pupils)[] Schools =
    [
        (Higashi, "B133212030018", "jhs-hokuryo", "P3", [.. Enumerable.Range(1, 12)]),
        (Takamatsu, "B133212030240", "jhs-kume", "P3", [101, 102, 103]),
        (Kume, "C133212030083", "jhs-kume", "J1", [.. Enumerable.Range(201, 11)]),
    ];

    public static string SchoolId(int school) => $"0c3f7c1e-0000-4000-8000-{school:D12}";

    public static string SchoolKey(string name) => "tsuyama:" + SchoolId(Array.FindIndex(Schools, s => s.Name == name) + 1);

    public static string PupilId(int n) => $"0c3f7c1e-0000-4000-a000-{n:D12}";

    private static string PortalId(int n) => $"0c3f7c1e-0000-4000-b000-{n:D12}";

    private static string ClassId(int school, int year) => $"0c3f7c1e-0000-4000-c{year % 1000:D3}-{school:D12}";

    private static string YearId(int year) => $"0c3f7c1e-0000-4000-d000-{year:D12}";

    /// <summary>Writes the files and imports them in order: districts, roster, attendance, statements.</summary>
    public static async Task LoadAsync(TempWarehouse warehouse)
    {
        var folder = Path.Combine(warehouse.Directory, "board-sources");
        Directory.CreateDirectory(folder);
        var chome = DistrictFiles.Write(warehouse, "chome.geojson", DistrictFiles.Collection(
        [
            DistrictFiles.Chome("332030010", "山北", 134.00, 35.06, "jhs-hokuryo", Hokuryo),
            DistrictFiles.Chome("332039010", "久米川南", 133.90, 35.03, "jhs-kume", KumeDistrict),
        ]));
        foreach (var (kind, path) in new[]
        {
            ("districts", chome),
            ("oneroster", WriteRoster(Path.Combine(folder, "roster"))),
            ("attendance", Write(folder, "attendance.csv", Attendance())),
            ("xapi", Write(folder, "statements.ndjson", Statements())),
        })
        {
            var result = await warehouse.Get<EtlPipeline>().ImportAsync(kind, path, "test", null, CancellationToken.None);
            Assert.True(result.Status == ImportStatus.Succeeded && result.RowsRejected == 0, $"{kind}: {result.Message}");
        }
    }

    private static string Write(string folder, string name, string content)
    {
        var path = Path.Combine(folder, name);
        File.WriteAllText(path, content);
        return path;
    }

    private static string WriteRoster(string folder)
    {
        Directory.CreateDirectory(folder);
        Write(folder, "manifest.csv", "propertyName,value\nmanifest.version,1.0\noneroster.version,1.2_JP\nfile.academicSessions,bulk\nfile.orgs,bulk\nfile.classes,bulk\nfile.users,bulk\nfile.enrollments,bulk\nfile.courses,absent\n");
        Write(folder, "academicSessions.csv", "sourcedId,status,dateLastModified,title,type,startDate,endDate,parentSourcedId,schoolYear\n"
            + $"{YearId(2024)},,,2024年度,schoolYear,2024-04-01,2025-03-31,,2024\n{YearId(2025)},,,2025年度,schoolYear,2025-04-01,2026-03-31,,2025\n");
        var orgs = new StringBuilder("sourcedId,status,dateLastModified,name,type,identifier,parentSourcedId,metadata.districtCode\n");
        var classes = new StringBuilder("sourcedId,status,dateLastModified,title,grades,courseSourcedId,classCode,classType,location,schoolSourcedId,termSourcedIds,subjects,subjectCodes,periods,metadata.jp.specialNeeds\n");
        var users = new StringBuilder("sourcedId,status,dateLastModified,enabledUser,username,userIds,givenName,familyName,middleName,identifier,email,sms,phone,agentSourcedIds,grades,password,userMasterIdentifier,primaryOrgSourcedId,metadata.jp.kanaGivenName,metadata.jp.kanaFamilyName\n");
        var enrollments = new StringBuilder("sourcedId,status,dateLastModified,classSourcedId,schoolSourcedId,userSourcedId,role,primary,beginDate,endDate,metadata.jp.ShussekiNo\n");
        for (var s = 0; s < Schools.Length; s++)
        {
            var (name, code, district, grade, pupils) = Schools[s];
            var school = SchoolId(s + 1);
            orgs.Append(Invariant($"{school},,,{name},school,{code},,{district}\n"));
            classes.Append(Invariant($"{ClassId(s + 1, 2025)},,,{grade[1..]}年1組,{grade},,{grade}-1,homeroom,,{school},{YearId(2025)},,,,false\n"));
            foreach (var n in pupils)
            {
                users.Append(Invariant($"{PupilId(n)},,,true,s{n:D8},,太郎{n},津山,,,,,,,{grade},,{PortalId(n)},{school},タロウ,ツヤマ\n"));
                enrollments.Append(Invariant($"0c3f7c1e-0000-4000-e025-{n:D12},,,{ClassId(s + 1, 2025)},{school},{PupilId(n)},student,false,,,{n % 100}\n"));
            }
        }

        // 2024年度: 東小学校's pupils were in P2.
        classes.Append(Invariant($"{ClassId(1, 2024)},,,2年1組,P2,,2-1,homeroom,,{SchoolId(1)},{YearId(2024)},,,,false\n"));
        foreach (var n in Schools[0].Pupils)
        {
            enrollments.Append(Invariant($"0c3f7c1e-0000-4000-e024-{n:D12},,,{ClassId(1, 2024)},{SchoolId(1)},{PupilId(n)},student,false,,,{n}\n"));
        }

        Write(folder, "orgs.csv", orgs.ToString());
        Write(folder, "classes.csv", classes.ToString());
        Write(folder, "users.csv", users.ToString());
        Write(folder, "enrollments.csv", enrollments.ToString());
        return folder;
    }

    /// <summary>
    /// 2025年度: pupil 1 is absent 30 days for 不登校 (長期欠席, 不登校); pupil 2 29 days for 不登校 plus 5 days 出席停止 and
    /// 3 days 忌引 (neither counts: 不登校リスク only); pupil 3 20 days ill and 10 days その他 (長期欠席 for other reasons,
    /// and 不登校リスク); pupil 4 31 days ill (長期欠席, other); pupil 5 is late 12 times and leaves early 12 times
    /// (nothing); 101 is absent 35 days for 不登校; 201 30 days for 経済的理由; 202 40 days for 不登校.
    /// 2024年度: pupil 1 was absent 30 days for 不登校. Everyone else attends the first school day of each year.
    /// </summary>
    private static string Attendance()
    {
        var csv = new StringBuilder("userSourcedId,date,status,reason\n");
        void Days(int pupil, int year, int count, string status, string reason = "", int skip = 0)
        {
            foreach (var day in SchoolDays(year).Skip(skip).Take(count))
            {
                csv.Append(Invariant($"{PupilId(pupil)},{day:yyyy-MM-dd},{status},{reason}\n"));
            }
        }

        Days(1, 2025, 30, "欠席", "不登校");
        Days(2, 2025, 29, "欠席", "不登校");
        Days(2, 2025, 5, "出席停止", skip: 29);
        Days(2, 2025, 3, "忌引", skip: 34);
        Days(3, 2025, 20, "欠席", "病気");
        Days(3, 2025, 10, "欠席", "その他", skip: 20);
        Days(4, 2025, 31, "欠席", "病気");
        Days(5, 2025, 12, "遅刻");
        Days(5, 2025, 12, "早退", skip: 12);
        Days(101, 2025, 35, "欠席", "不登校");
        Days(201, 2025, 30, "欠席", "経済的理由");
        Days(202, 2025, 40, "欠席", "不登校");
        foreach (var n in Schools.SelectMany(s => s.Pupils).Where(n => n is > 5 and not (101 or 201 or 202)))
        {
            Days(n, 2025, 1, "出席");
        }

        Days(1, 2024, 30, "欠席", "不登校");
        return csv.ToString();
    }

    /// <summary>
    /// Scores (score.scaled) in 1学期 2025: 東小学校 算数, pupils 1–3 0.3 (要支援), 4 exactly 0.4, 5–7 0.5 (もう少し),
    /// 8 exactly 0.7, 9–11 0.8, and 12 0.6 then 0.9 on unit 1 and 0.7 on unit 2 (best 0.9, mean 0.8): 定着. 喬松小学校
    /// 算数 0.9 each (定着). 久米中学校 数学 0.6 each (もう少し). In 2学期 2025 東小学校 pupils score 0.8 on unit 3.
    /// 2024年度 1学期: 東小学校 pupils 0.5 each on a P2 unit.
    /// </summary>
    private static string Statements()
    {
        var lines = new StringBuilder();
        var id = 0;
        void Score(int pupil, string unit, double scaled, string day)
        {
            var statement = XapiStatements.Answered(++id + 7000, XapiStatements.Account(PortalId(pupil)), scaled, $"{day}T10:15:00+09:00");
            statement["object"]!["id"] = unit + "/q1";
            statement["context"]!["contextActivities"]!["parent"]![0]!["id"] = unit;
            lines.Append(XapiStatements.Line(statement)).Append('\n');
        }

        const string Sansu = "https://portal.tsuyama.ed.jp/activities/sansu/p3/u0";
        double[] higashi = [0.3, 0.3, 0.3, 0.4, 0.5, 0.5, 0.5, 0.7, 0.8, 0.8, 0.8];
        for (var n = 1; n <= 11; n++)
        {
            Score(n, Sansu + "1", higashi[n - 1], "2025-06-02");
        }

        Score(12, Sansu + "1", 0.6, "2025-06-02");
        Score(12, Sansu + "1", 0.9, "2025-06-03");
        Score(12, Sansu + "2", 0.7, "2025-06-04");
        foreach (var n in new[] { 101, 102, 103 })
        {
            Score(n, Sansu + "1", 0.9, "2025-06-02");
        }

        for (var n = 201; n <= 211; n++)
        {
            Score(n, "https://portal.tsuyama.ed.jp/activities/sugaku/j1/u01", 0.6, "2025-06-02");
        }

        for (var n = 1; n <= 12; n++)
        {
            Score(n, Sansu + "3", 0.8, "2025-10-06");
            Score(n, "https://portal.tsuyama.ed.jp/activities/sansu/p2/u01", 0.5, "2024-06-03");
        }

        return lines.ToString();
    }

    private static IEnumerable<DateOnly> SchoolDays(int year)
    {
        for (var day = new DateOnly(year, 4, 7); ; day = day.AddDays(1))
        {
            if (day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
            {
                yield return day;
            }
        }
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
