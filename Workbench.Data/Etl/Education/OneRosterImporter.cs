using System.IO.Compression;
using System.Text.RegularExpressions;

namespace Workbench.Data.Etl.Education;

/// <summary>
/// OneRoster CSV (a folder or a zip): academic sessions, schools, classes, pupils, teachers and enrollments.
/// OneRoster 1.2's base rules always apply; the Japan Profile's stricter rules (UUID ids, MEXT school codes,
/// P1–J3 grades, <c>YYYY年度</c> school years) apply when the manifest says <c>1.2_JP</c> or the files carry
/// <c>metadata.jp.*</c> columns. Bulk rows upsert; delta rows marked <c>tobedeleted</c> are removed.
/// Teachers' enrollments are kept: they decide what each teacher may see.
/// </summary>
public sealed partial class OneRosterImporter : IImporter
{
    /// <summary>The school's 中学校区 as the warehouse codes it (dim_district.district_code): an extension column of orgs.csv.</summary>
    public const string DistrictCodeColumn = "metadata.districtCode";

    private static readonly string[] SessionColumns = ["session_key", "title", "session_type", "start_date", "end_date", "parent_key", "school_year", "batch_id"];
    private static readonly string[] SchoolColumns = ["school_key", "school_code", "school_name", "school_kind", "district_code", "chome_code", "batch_id"];
    private static readonly string[] ClassColumns = ["class_key", "school_key", "fiscal_year", "class_title", "class_code", "class_type", "grades", "subject", "course_title", "is_special_needs", "batch_id"];
    private static readonly string[] PupilColumns = ["pupil_key", "school_key", "grade", "sex", "birth_year", "chome_code", "is_active", "batch_id"];
    private static readonly string[] TeacherColumns = ["teacher_key", "school_key", "is_active", "batch_id"];
    private static readonly string[] IdentityColumns = ["source_id", "username", "email", "family_name", "given_name", "kana_family_name", "kana_given_name", "batch_id"];
    private static readonly string[] EnrollmentColumns = ["class_key", "person_key", "enrollment_role", "is_primary", "shusseki_no", "begin_date", "end_date", "batch_id"];
    private static readonly string[] DeletedColumns = ["table_name", "key_value"];
    private static readonly HashSet<string> SessionTypes = ["schoolYear", "term", "semester", "gradingPeriod"];
    private static readonly HashSet<string> OrgTypes = ["department", "school", "district", "local", "state", "national"];
    private static readonly HashSet<string> EnrollmentRoles = ["student", "teacher", "administrator", "guardian", "aide", "proctor"];
    private static readonly string[] IsoTimestamps = ["yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", "yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd"];
    private static readonly HashSet<string> JapanGrades = ["P1", "P2", "P3", "P4", "P5", "P6", "J1", "J2", "J3"];

    public string Kind => "oneroster";

    public async Task ImportAsync(ImportContext context, CancellationToken cancellationToken)
    {
        var folder = context.SourcePath;
        string? extracted = null;
        if (File.Exists(folder) && folder.EndsWith(".zip", StringComparison.OrdinalIgnoreCase))
        {
            extracted = Path.Combine(Path.GetTempPath(), "workbench-oneroster-" + context.BatchId.ToString(System.Globalization.CultureInfo.InvariantCulture) + "-" + Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture));
            ZipFile.ExtractToDirectory(folder, extracted, overwriteFiles: true);
            folder = FindManifestFolder(extracted);
        }

        try
        {
            var run = new RosterRun(context, folder, cancellationToken);
            await run.ImportAsync(await context.QueryAsync<string>("etl/known_schools", null, cancellationToken),
                await context.QueryAsync<string>("etl/known_classes", null, cancellationToken),
                await context.QueryAsync<string>("etl/known_people", null, cancellationToken));
            await context.ExecuteAsync("etl/oneroster_merge", null, cancellationToken);
            await context.ExecuteAsync("access/user_class_scope_refresh", new { user_name = (string?)null }, cancellationToken);
        }
        finally
        {
            if (extracted is not null)
            {
                Directory.Delete(extracted, recursive: true);
            }
        }
    }

    private static string FindManifestFolder(string root) =>
        Directory.EnumerateFiles(root, "manifest.csv", SearchOption.AllDirectories).Select(Path.GetDirectoryName).FirstOrDefault()
        ?? throw new EtlFileException("zip の中に manifest.csv がありません。OneRoster CSV のパッケージを指定してください。");

    [GeneratedRegex("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$")]
    internal static partial Regex Uuid();

    [GeneratedRegex("^[A-H][12][0-4][0-9][123][0-9]{7}[0-9]$")]
    internal static partial Regex MextSchoolCode();

    [GeneratedRegex("^[0-9]{4}年度$")]
    internal static partial Regex JapaneseSchoolYear();

    /// <summary>One import of one package: the keys seen so far and the rules in force.</summary>
    private sealed class RosterRun(ImportContext context, string folder, CancellationToken cancellationToken)
    {
        private readonly Dictionary<string, string> manifest = new(StringComparer.Ordinal);
        private readonly Dictionary<string, short> schoolYears = new(StringComparer.Ordinal);
        private readonly Dictionary<string, (string? Title, string? Subjects)> courses = new(StringComparer.Ordinal);
        private readonly Dictionary<string, string> roles = new(StringComparer.Ordinal);
        private readonly Dictionary<string, (string? Sex, short? BirthYear)> demographics = new(StringComparer.Ordinal);
        private readonly List<object?[]> deleted = [];
        private HashSet<string> schools = [];
        private HashSet<string> classes = [];
        private HashSet<string> people = [];
        private bool japanProfile;

        private string Ns => context.EducationSource;

        public async Task ImportAsync(IEnumerable<string> knownSchools, IEnumerable<string> knownClasses, IEnumerable<string> knownPeople)
        {
            schools = [.. knownSchools];
            classes = [.. knownClasses];
            people = [.. knownPeople];
            ReadManifest();
            await StageAsync("academicSessions", "stage_academic_session", SessionColumns, Sessions);
            await StageAsync("orgs", "stage_dim_school", SchoolColumns, Orgs);
            ReadSide("courses", csv => courses[csv.Get("sourcedId") ?? string.Empty] = (csv.Get("title"), csv.Get("subjects")));
            await StageAsync("classes", "stage_dim_class", ClassColumns, Classes);
            ReadSide("roles", csv => { if (csv.Get("userSourcedId") is { } user && csv.Get("role") is { } role && csv.Get("roleType") != "secondary") { roles[user] = role; } });
            ReadSide("enrollments", csv => { if (csv.Get("userSourcedId") is { } user && csv.Get("role") is { } role) { roles.TryAdd(user, role); } });
            ReadSide("demographics", csv => demographics[csv.Get("sourcedId") ?? string.Empty] =
                (csv.Get("sex"), SourceValues.ParseDate(csv.Get("birthDate")) is { } born ? (short)born.Year : null));
            await StageUsersAsync();
            await StageAsync("enrollments", "stage_class_enrollment", EnrollmentColumns, Enrollments);
            await context.StageAsync("stage_deleted_key", DeletedColumns, deleted, cancellationToken);
        }

        private void ReadManifest()
        {
            var path = Path.Combine(folder, "manifest.csv");
            if (!File.Exists(path))
            {
                throw new EtlFileException("manifest.csv がありません。OneRoster CSV のパッケージ（manifest.csv を含むフォルダか zip）を指定してください。");
            }

            using var csv = CsvSource.Open(path, ["propertyName", "value"]);
            while (csv.Read())
            {
                if (csv.Get("propertyName") is { } name)
                {
                    manifest[name] = csv.Get("value") ?? string.Empty;
                }
            }

            var version = manifest.GetValueOrDefault("oneroster.version", string.Empty);
            if (version is not ("1.2" or "1.2.1" or "1.2_JP" or "1.1" or "1.0"))
            {
                throw new EtlFileException($"manifest.csv の oneroster.version「{version}」には対応していません（1.1、1.2、1.2.1、1.2_JP）。");
            }

            japanProfile = version == "1.2_JP" || Directory.EnumerateFiles(folder, "*.csv").Any(file =>
                File.ReadLines(file).FirstOrDefault()?.Contains("metadata.jp.", StringComparison.Ordinal) == true);
        }

        private string? FileOf(string name)
        {
            var mode = manifest.GetValueOrDefault($"file.{name}", "bulk");
            if (mode == "absent")
            {
                return null;
            }

            // Packages in the wild vary the case of file names (userProfiles.csv / userprofiles.csv).
            return Directory.EnumerateFiles(folder, "*.csv").FirstOrDefault(f => string.Equals(Path.GetFileNameWithoutExtension(f), name, StringComparison.OrdinalIgnoreCase));
        }

        private void ReadSide(string name, Action<CsvSource> read)
        {
            if (FileOf(name) is not { } path)
            {
                return;
            }

            using var csv = CsvSource.Open(path, []);
            while (csv.Read())
            {
                read(csv);
            }
        }

        private async Task StageAsync(string name, string stageTable, IReadOnlyList<string> columns, Func<CsvSource, IEnumerable<object?[]>> rows)
        {
            if (FileOf(name) is not { } path)
            {
                return;
            }

            using var csv = CsvSource.Open(path, ["sourcedId"]);
            var loaded = await context.StageAsync(stageTable, columns, rows(csv), cancellationToken);
            context.Table(name).Loaded += loaded;
        }

        /// <summary>Reads one row's sourcedId and status; false when the row was rejected or recorded as deleted.</summary>
        private bool Accept(CsvSource csv, string part, string deletedTable, Func<string, string> key, out string sourcedId)
        {
            context.RowRead(part);
            sourcedId = csv.Get("sourcedId") ?? string.Empty;
            if (sourcedId.Length == 0)
            {
                context.Reject(part, csv.PartName, csv.LineNumber, "sourcedId", "sourcedId が空です。");
                return false;
            }

            if (japanProfile && !Uuid().IsMatch(sourcedId))
            {
                context.Reject(part, csv.PartName, csv.LineNumber, "sourcedId", "日本プロファイルでは sourcedId は UUID でなければなりません。", SourceValues.MaskId(sourcedId));
                return false;
            }

            var modified = csv.Get("dateLastModified");
            if (modified is not null && !DateTimeOffset.TryParseExact(modified, IsoTimestamps, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out _))
            {
                context.Reject(part, csv.PartName, csv.LineNumber, "dateLastModified", "dateLastModified は ISO 8601 の日時です（例: 2023-10-02T00:00:00.000Z）。", modified);
                return false;
            }

            var status = csv.Get("status");
            if (status is not (null or "active" or "tobedeleted"))
            {
                context.Reject(part, csv.PartName, csv.LineNumber, "status", "status は active か tobedeleted（一括ファイルでは空）でなければなりません。", status);
                return false;
            }

            if (status == "tobedeleted")
            {
                deleted.Add([deletedTable, key(sourcedId)]);
                context.Table(part).Loaded++;
                return false;
            }

            return true;
        }

        private bool Reject(CsvSource csv, string part, string field, string reason, string? value = null)
        {
            context.Reject(part, csv.PartName, csv.LineNumber, field, reason, value);
            return false;
        }

        private string Key(string sourcedId) => $"{Ns}:{sourcedId}";

        private IEnumerable<object?[]> Sessions(CsvSource csv)
        {
            while (csv.Read())
            {
                if (!Accept(csv, "academicSessions", "academic_session", Key, out var id))
                {
                    continue;
                }

                var type = csv.Get("type");
                var start = SourceValues.ParseDate(csv.Get("startDate"));
                var end = SourceValues.ParseDate(csv.Get("endDate"));
                var yearText = csv.Get("schoolYear");
                var title = csv.Get("title");
                if (type is null || !SessionTypes.Contains(type))
                {
                    Reject(csv, "academicSessions", "type", "type は schoolYear・term・semester・gradingPeriod のいずれかです。", type);
                }
                else if (start is null || end is null || start > end)
                {
                    Reject(csv, "academicSessions", start is null ? "startDate" : "endDate", "開始日・終了日が正しくありません（YYYY-MM-DD、開始日 ≦ 終了日）。", $"{csv.Get("startDate")}〜{csv.Get("endDate")}");
                }
                else if (!short.TryParse(yearText, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var year) || year < 1990 || year > 2100)
                {
                    Reject(csv, "academicSessions", "schoolYear", "schoolYear は西暦4桁の年です。", yearText);
                }
                else if (title is null)
                {
                    Reject(csv, "academicSessions", "title", "title が空です。");
                }
                else if (japanProfile && type == "schoolYear" && (!JapaneseSchoolYear().IsMatch(title) || start != new DateOnly(year, 4, 1) || end != new DateOnly(year + 1, 3, 31)))
                {
                    Reject(csv, "academicSessions", "title", "日本プロファイルの schoolYear は「YYYY年度」で、4月1日から翌年3月31日までです。", title);
                }
                else
                {
                    schoolYears[id] = year;
                    yield return [Key(id), title, type, start, end, csv.Get("parentSourcedId") is { } parent ? Key(parent) : null, year, context.BatchId];
                }
            }
        }

        private IEnumerable<object?[]> Orgs(CsvSource csv)
        {
            while (csv.Read())
            {
                if (!Accept(csv, "orgs", "dim_school", Key, out var id))
                {
                    continue;
                }

                var type = csv.Get("type");
                var name = csv.Get("name");
                var identifier = csv.Get("identifier");
                if (type is null || !OrgTypes.Contains(type))
                {
                    Reject(csv, "orgs", "type", "type が OneRoster の組織種別ではありません。", type);
                }
                else if (name is null)
                {
                    Reject(csv, "orgs", "name", "name が空です。");
                }
                else if (japanProfile && type is not ("school" or "district"))
                {
                    Reject(csv, "orgs", "type", "日本プロファイルの組織は district（教育委員会）か school です。", type);
                }
                else if (japanProfile && type == "school" && (identifier is null || !MextSchoolCode().IsMatch(identifier)))
                {
                    Reject(csv, "orgs", "identifier", "学校の identifier は13桁の学校コード（文部科学省）でなければなりません。", identifier);
                }
                else if (type != "school")
                {
                    schools.Add(Key(id)); // districts and departments may own classes but are not schools
                }
                else
                {
                    schools.Add(Key(id));
                    var kind = name.Contains("中学校", StringComparison.Ordinal) ? "junior_high" : name.Contains("小学校", StringComparison.Ordinal) ? "elementary" : "other";
                    yield return [Key(id), identifier, name, kind, csv.Get(DistrictCodeColumn), null, context.BatchId];
                }
            }
        }

        private IEnumerable<object?[]> Classes(CsvSource csv)
        {
            while (csv.Read())
            {
                if (!Accept(csv, "classes", "dim_class", Key, out var id))
                {
                    continue;
                }

                var title = csv.Get("title");
                var classType = csv.Get("classType");
                var school = csv.Get("schoolSourcedId");
                var grades = csv.Get("grades");
                if (title is null)
                {
                    Reject(csv, "classes", "title", "title が空です。");
                }
                else if (classType is not ("homeroom" or "scheduled"))
                {
                    Reject(csv, "classes", "classType", "classType は homeroom か scheduled です。", classType);
                }
                else if (school is null || !schools.Contains(Key(school)))
                {
                    Reject(csv, "classes", "schoolSourcedId", "学校（orgs）が見つかりません。", SourceValues.MaskId(school));
                }
                else if (japanProfile && grades is not null && grades.Split(',').Any(g => !JapanGrades.Contains(g.Trim())))
                {
                    Reject(csv, "classes", "grades", "日本プロファイルの学年は P1〜P6、J1〜J3 です。", grades);
                }
                else
                {
                    var term = csv.Get("termSourcedIds")?.Split(',')[0].Trim();
                    var course = csv.Get("courseSourcedId") is { } c && courses.TryGetValue(c, out var found) ? found : default;
                    short? fiscalYear = term is not null && schoolYears.TryGetValue(term, out var y) ? y : null;
                    classes.Add(Key(id));
                    yield return
                    [
                        Key(id), Key(school), fiscalYear, title, csv.Get("classCode"), classType, grades,
                        csv.Get("subjects") ?? course.Subjects, course.Title,
                        string.Equals(csv.Get("metadata.jp.specialNeeds"), "true", StringComparison.OrdinalIgnoreCase), context.BatchId,
                    ];
                }
            }
        }

        private async Task StageUsersAsync()
        {
            if (FileOf("users") is not { } path)
            {
                return;
            }

            var pupils = new List<object?[]>();
            var pupilIds = new List<object?[]>();
            var teachers = new List<object?[]>();
            var teacherIds = new List<object?[]>();
            using (var csv = CsvSource.Open(path, ["sourcedId", "username"]))
            {
                while (csv.Read())
                {
                    if (!Accept(csv, "users", "person", id => context.Pseudonyms.Of(Ns, id), out var id))
                    {
                        continue;
                    }

                    var person = context.Pseudonyms.Of(Ns, id);
                    var role = roles.GetValueOrDefault(id);
                    var enabled = csv.Get("enabledUser");
                    var grades = csv.Get("grades");
                    var school = csv.Get("primaryOrgSourcedId");
                    if (enabled is not null && !bool.TryParse(enabled, out _))
                    {
                        Reject(csv, "users", "enabledUser", "enabledUser は true か false です。", enabled);
                        continue;
                    }

                    if (role is null)
                    {
                        Reject(csv, "users", "sourcedId", "この利用者の役割（roles.csv / enrollments.csv）がありません。", SourceValues.MaskId(id));
                        continue;
                    }

                    if (japanProfile && role == "student" && (grades is null || !JapanGrades.Contains(grades)))
                    {
                        Reject(csv, "users", "grades", "日本プロファイルの児童生徒の学年は P1〜P6、J1〜J3 のいずれか1つです。", grades);
                        continue;
                    }

                    var email = csv.Get("email");
                    if (email is not null && !email.Contains('@', StringComparison.Ordinal))
                    {
                        Reject(csv, "users", "email", "email の形式が正しくありません。", SourceValues.MaskSensitive(email));
                        continue;
                    }

                    var active = enabled is null || bool.Parse(enabled);
                    var schoolKey = school is null ? null : Key(school);
                    object?[] identity =
                    [
                        person, id, csv.Get("username"), email, csv.Get("familyName"), csv.Get("givenName"),
                        csv.Get("metadata.jp.kanaFamilyName"), csv.Get("metadata.jp.kanaGivenName"), context.BatchId,
                    ];
                    if (role == "student")
                    {
                        var demo = demographics.GetValueOrDefault(id);
                        pupils.Add([person, schoolKey, grades, demo.Sex, demo.BirthYear, null, active, context.BatchId]);
                        pupilIds.Add([.. identity[..2], csv.Get("userMasterIdentifier"), .. identity[2..]]);
                    }
                    else if (role is "teacher" or "administrator" or "aide" or "proctor")
                    {
                        teachers.Add([person, schoolKey, active, context.BatchId]);
                        teacherIds.Add(identity);
                    }
                    else
                    {
                        continue; // guardians and others have no place in the warehouse
                    }

                    people.Add(person);
                    context.Table("users").Loaded++;
                }
            }

            await context.StageAsync("stage_dim_pupil", PupilColumns, pupils, cancellationToken);
            await context.StageAsync("stage_pupil_identity", ["pupil_key", "source_id", "user_master_identifier", .. IdentityColumns[1..]], pupilIds, cancellationToken);
            await context.StageAsync("stage_dim_teacher", TeacherColumns, teachers, cancellationToken);
            await context.StageAsync("stage_teacher_identity", ["teacher_key", .. IdentityColumns], teacherIds, cancellationToken);
        }

        private IEnumerable<object?[]> Enrollments(CsvSource csv)
        {
            while (csv.Read())
            {
                context.RowRead("enrollments");
                var classId = csv.Get("classSourcedId");
                var userId = csv.Get("userSourcedId");
                var role = csv.Get("role");
                var person = userId is null ? null : context.Pseudonyms.Of(Ns, userId);
                var status = csv.Get("status");
                if (status == "tobedeleted" && classId is not null && person is not null && role is not null)
                {
                    deleted.Add(["class_enrollment", $"{Key(classId)}|{person}|{role}"]);
                    context.Table("enrollments").Loaded++;
                    continue;
                }

                var primary = csv.Get("primary");
                var number = csv.Get("metadata.jp.ShussekiNo") ?? csv.Get("metadata.jp.shussekiNo");
                short shusseki = 0;
                if (classId is null || !classes.Contains(Key(classId)))
                {
                    Reject(csv, "enrollments", "classSourcedId", "クラス（classes）が見つかりません。", SourceValues.MaskId(classId));
                }
                else if (person is null || !people.Contains(person))
                {
                    Reject(csv, "enrollments", "userSourcedId", "利用者（users）が見つかりません。", SourceValues.MaskId(userId));
                }
                else if (role is null || !EnrollmentRoles.Contains(role))
                {
                    Reject(csv, "enrollments", "role", "role は student・teacher・administrator・guardian などです。", role);
                }
                else if (primary is not null && !bool.TryParse(primary, out _))
                {
                    Reject(csv, "enrollments", "primary", "primary は true か false です。", primary);
                }
                else if (number is not null && (!short.TryParse(number, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out shusseki) || shusseki < 1))
                {
                    Reject(csv, "enrollments", "metadata.jp.ShussekiNo", "出席番号は1以上の整数です。", number);
                }
                else if (csv.Get("beginDate") is { } b && SourceValues.ParseDate(b) is null)
                {
                    Reject(csv, "enrollments", "beginDate", "beginDate の形式が正しくありません（YYYY-MM-DD）。", b);
                }
                else if (csv.Get("endDate") is { } e && SourceValues.ParseDate(e) is null)
                {
                    Reject(csv, "enrollments", "endDate", "endDate の形式が正しくありません（YYYY-MM-DD）。", e);
                }
                else
                {
                    yield return
                    [
                        Key(classId), person, role, primary is not null && bool.Parse(primary), number is null ? null : shusseki,
                        SourceValues.ParseDate(csv.Get("beginDate")), SourceValues.ParseDate(csv.Get("endDate")), context.BatchId,
                    ];
                }
            }
        }
    }
}
