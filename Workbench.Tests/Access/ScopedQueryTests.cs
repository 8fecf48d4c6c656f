using System.Text.RegularExpressions;
using Dapper;
using Workbench.Data.Access;
using Workbench.Data.Health;
using Workbench.Data.Learning;
using Workbench.Data.Warehouse;
using Workbench.Domain.Access;
using Workbench.Tests.Etl;
using Workbench.Tests.Support;

namespace Workbench.Tests.Access;

/// <summary>Person-level queries narrowed in SQL by the caller: another user's scope gets nothing, whatever id is asked for.</summary>
public partial class ScopedQueryTests
{
    private static readonly string ClassKey = "tsuyama:" + RosterFiles.ClassId;

    private static Caller As(string user, params string[] roles) => new(user, roles.ToHashSet(StringComparer.Ordinal));

    private static async Task<TempWarehouse> RosterWithUsersAsync()
    {
        var warehouse = await TempWarehouse.CreateAsync();
        await warehouse.Get<Workbench.Data.Etl.EtlPipeline>().ImportAsync(
            "oneroster", RosterFiles.Write(Path.Combine(warehouse.Directory, "roster"), pupils: 4), "test", null, CancellationToken.None);
        var users = warehouse.Get<AppUserStore>();
        await users.CreateAsync("t000001", "山田 花子", null, null, [WorkbenchRoles.Teacher], CancellationToken.None);
        await users.CreateAsync("yamada.h", "山田 花子", "T000001@tsuyama.ed.jp", null, [WorkbenchRoles.Teacher], CancellationToken.None);
        await users.CreateAsync("t000002", "別の 教員", null, null, [WorkbenchRoles.Teacher], CancellationToken.None);
        await users.CreateAsync("analyst", "分析 担当", null, null, [WorkbenchRoles.Analyst], CancellationToken.None);
        await users.AddScopeAsync(new UserScopeRow("analyst", "class", ClassKey), CancellationToken.None);
        return warehouse;
    }

    [Fact]
    public async Task A_teacher_sees_their_roster_class_by_username_or_email_and_another_teacher_gets_nothing_by_id()
    {
        await using var warehouse = await RosterWithUsersAsync();
        var classes = warehouse.Get<ClassQueries>();
        var year = (await classes.RosterFiscalYearAsync(CancellationToken.None))!.Value;

        var own = await classes.PupilsAsync(As("t000001", WorkbenchRoles.Teacher), year, ClassKey, CancellationToken.None);
        var byEmail = await classes.MyClassesAsync(As("yamada.h", WorkbenchRoles.Teacher), year, CancellationToken.None);
        var other = await classes.PupilsAsync(As("t000002", WorkbenchRoles.Teacher), year, ClassKey, CancellationToken.None);
        var otherClasses = await classes.MyClassesAsync(As("t000002", WorkbenchRoles.Teacher), year, CancellationToken.None);

        Assert.Equal(2025, year);
        Assert.Equal([1, 2, 3, 4], own.Select(p => (int)p.ShussekiNo!.Value));
        Assert.Equal("津山 太郎1", own[0].Name);
        Assert.Equal(ClassKey, Assert.Single(byEmail).ClassKey);
        Assert.Empty(other);
        Assert.Empty(otherClasses);
    }

    [Fact]
    public async Task A_removed_role_or_scope_takes_the_class_away_at_once()
    {
        await using var warehouse = await RosterWithUsersAsync();
        var classes = warehouse.Get<ClassQueries>();
        var users = warehouse.Get<AppUserStore>();
        await users.CreateAsync("t000002", "別の 教員", null, null, [WorkbenchRoles.Analyst], CancellationToken.None);
        await users.AddScopeAsync(new UserScopeRow("t000002", "class", ClassKey), CancellationToken.None);
        Assert.Equal(4, (await classes.PupilsAsync(As("t000002", WorkbenchRoles.Teacher), 2025, ClassKey, CancellationToken.None)).Count);

        await users.RemoveRoleAsync("t000001", WorkbenchRoles.Teacher, CancellationToken.None);
        await users.RemoveScopeAsync(new UserScopeRow("t000002", "class", ClassKey), CancellationToken.None);

        Assert.Empty(await classes.PupilsAsync(As("t000001", WorkbenchRoles.Teacher), 2025, ClassKey, CancellationToken.None));
        Assert.Empty(await classes.PupilsAsync(As("t000002", WorkbenchRoles.Teacher), 2025, ClassKey, CancellationToken.None));
        Assert.Equal(4, (await classes.PupilsAsync(As("yamada.h", WorkbenchRoles.Teacher), 2025, ClassKey, CancellationToken.None)).Count);
    }

    [Fact]
    public async Task An_analyst_with_a_class_in_scope_gets_pseudonymised_rows_without_names()
    {
        await using var warehouse = await RosterWithUsersAsync();
        var classes = warehouse.Get<ClassQueries>();

        var rows = await classes.PupilsAsync(As("analyst", WorkbenchRoles.Analyst), 2025, ClassKey, CancellationToken.None);

        Assert.Equal(4, rows.Count);
        Assert.All(rows, r => Assert.True(r.Name is null && r.Kana is null && r.PupilKey.Length == 32));
    }

    [Fact]
    public async Task Every_person_level_view_is_audited_with_its_filter_and_row_count()
    {
        await using var warehouse = await RosterWithUsersAsync();
        var classes = warehouse.Get<ClassQueries>();

        await classes.PupilsAsync(As("t000001", WorkbenchRoles.Teacher), 2025, ClassKey, CancellationToken.None);
        await classes.PupilsAsync(As("t000002", WorkbenchRoles.Teacher), 2025, ClassKey, CancellationToken.None);

        var audit = await warehouse.Get<AuditLog>().ListAsync(new AuditFilter(Action: AuditActions.PersonView), CancellationToken.None);
        Assert.Equal([("t000002", 0L), ("t000001", 4L)], audit.Select(a => (a.UserName, a.RowCount!.Value)));
        Assert.All(audit, a => Assert.Contains(ClassKey, a.FilterText, StringComparison.Ordinal));
    }

    [Fact]
    public async Task PHR_readings_show_only_residents_with_current_consent_in_the_callers_areas_and_a_withdrawal_hides_them_at_once()
    {
        await using var warehouse = await TempWarehouse.CreateAsync();
        await using (var connection = await warehouse.Get<IWarehouseConnectionFactory>().OpenAsync(CancellationToken.None))
        {
            await connection.ExecuteAsync("""
                INSERT INTO dim_district VALUES ('332030010', '山北', 'jhs-kakuzan', '鶴山中学校区', 'tsuyama', '旧津山市', true, 100, 50, 134.0, 35.0, NULL),
                                                ('332031010', '南方中', 'jhs-kume', '久米中学校区', 'kume', '久米', false, 100, 50, 133.9, 35.0, NULL);
                INSERT INTO dim_resident VALUES ('r-given', '332031010', 'F', 1950, NULL), ('r-withdrawn', '332031010', 'M', 1948, NULL),
                                                ('r-never', '332031010', 'F', 1955, NULL), ('r-elsewhere', '332030010', 'F', 1952, NULL);
                INSERT INTO fact_phr_reading VALUES ('r-given', 20251001, TIMESTAMP '2025-10-01 08:00', '8480-6', 128, 'mm[Hg]', 1),
                                                    ('r-withdrawn', 20251001, TIMESTAMP '2025-10-01 08:00', '8480-6', 141, 'mm[Hg]', 1),
                                                    ('r-never', 20251001, TIMESTAMP '2025-10-01 08:00', '8480-6', 119, 'mm[Hg]', 1),
                                                    ('r-elsewhere', 20251001, TIMESTAMP '2025-10-01 08:00', '8480-6', 133, 'mm[Hg]', 1);
                INSERT INTO consent VALUES ('r-given', 'phr', 'given', DATE '2025-04-01', NULL), ('r-withdrawn', 'phr', 'given', DATE '2025-04-01', NULL),
                                           ('r-elsewhere', 'phr', 'given', DATE '2025-04-01', NULL);
                """);
        }

        var users = warehouse.Get<AppUserStore>();
        await users.CreateAsync("nurse", "保健 師", null, null, [WorkbenchRoles.HealthStaff], CancellationToken.None);
        await users.AddScopeAsync(new UserScopeRow("nurse", "area", "kume"), CancellationToken.None);
        var phr = warehouse.Get<PhrReadingQueries>();
        var nurse = As("nurse", WorkbenchRoles.HealthStaff);

        var before = await phr.ReadingsAsync(nurse, 20250401, 20260331, CancellationToken.None);
        await using (var connection = await warehouse.Get<IWarehouseConnectionFactory>().OpenAsync(CancellationToken.None))
        {
            await connection.ExecuteAsync("INSERT INTO consent VALUES ('r-withdrawn', 'phr', 'withdrawn', DATE '2025-11-20', NULL)");
        }

        var after = await phr.ReadingsAsync(nurse, 20250401, 20260331, CancellationToken.None);
        var stranger = await phr.ReadingsAsync(As("t000002", WorkbenchRoles.HealthStaff), 20250401, 20260331, CancellationToken.None);

        Assert.Equal(["r-given", "r-withdrawn"], before.Select(r => r.ResidentKey));
        Assert.Equal(["r-given"], after.Select(r => r.ResidentKey));
        Assert.Empty(stranger);
    }

    [Fact]
    public void Every_person_level_query_file_takes_the_callers_user_name_and_joins_a_scope()
    {
        var personTables = PersonTable();
        var checkedFiles = 0;
        foreach (var (name, text) in SqlCatalogue.FilesOf(WarehouseProvider.DuckDb).Concat(SqlCatalogue.FilesOf(WarehouseProvider.SqlServer)))
        {
            var feature = name.Split('/')[^2];
            if (feature is "migrations" or "etl" or "access" or "schema_version" or "warehouse" || !personTables.IsMatch(text))
            {
                continue;
            }

            checkedFiles++;
            Assert.True(text.Contains("person-level", StringComparison.Ordinal) || text.Contains("-- scope:", StringComparison.Ordinal), $"{name} reads person rows without saying how it is scoped");
            Assert.Matches(@"[\$@]user_name\b", text);
            Assert.True(text.Contains("user_class_scope", StringComparison.Ordinal) || text.Contains("user_scope", StringComparison.Ordinal), $"{name} joins no scope");
        }

        Assert.True(checkedFiles >= 4, "the rule checked the learning and health queries");
    }

    [GeneratedRegex(@"\b(pupil_identity|class_enrollment|dim_pupil|dim_resident|fact_learning_activity|fact_attendance|fact_assessment_result|fact_phr_reading|fact_checklist_answer|fact_checkup_result)\b")]
    private static partial Regex PersonTable();
}
