using Workbench.Data.Etl;
using Workbench.Data.Migrations;
using Workbench.Data.Warehouse;
using Workbench.Tests.Etl;
using Workbench.Tests.Support;
using static Workbench.Tests.Etl.XapiStatements;

namespace Workbench.Tests.Learning;

/// <summary>
/// The tables the learning pages read (migrations 0008 and 0009) against what they stand for, recomputed from the facts after
/// batches that add to a day already loaded, void a statement and re-import a roster.
/// </summary>
public class LearningReadModelTests
{
    /// <summary>agg_learning_day as its definition gives it, straight from the facts.</summary>
    internal const string LearningDaysFromFacts = """
        SELECT n.pupil_key, f.date_key, f.unit_key, CAST(count(*) AS INTEGER), coalesce(sum(f.duration_seconds), 0),
               CAST(count(f.score_scaled) AS INTEGER), round(sum(f.score_scaled), 9), max(f.score_scaled)
        FROM fact_learning_activity f JOIN pupil_number n ON n.pupil_key = f.pupil_key GROUP BY ALL ORDER BY ALL
        """;

    internal const string LearningDays = """
        SELECT n.pupil_key, a.date_key, a.unit_key, a.statements, a.seconds, a.scored, round(a.score_sum, 9), a.score_best
        FROM agg_learning_day a JOIN pupil_number n ON n.pupil_no = a.pupil_no ORDER BY ALL
        """;

    /// <summary>The read models kept beside the roster and the facts (class_student, user_class_scope,
    /// agg_pupil_unit_best) and attendance's pupil numbers, each as its rule gives it: no rows when they agree.</summary>
    internal static readonly string[] ReadModelDifferences =
    [
        Difference("agg_pupil_unit_best", "pupil_unit_best_rule"),
        Difference("class_student", "class_student_rule"),
        Difference("user_class_scope", "user_class_scope_rule"),
        "SELECT f.pupil_key FROM fact_attendance f LEFT JOIN pupil_number n ON n.pupil_key = f.pupil_key WHERE f.pupil_no IS DISTINCT FROM n.pupil_no OR n.pupil_no IS NULL",
    ];

    private static string Difference(string table, string rule) =>
        $"SELECT CAST(d AS VARCHAR) FROM ((SELECT * FROM {table} EXCEPT ALL SELECT * FROM {rule}) UNION ALL (SELECT * FROM {rule} EXCEPT ALL SELECT * FROM {table})) d";

    internal static async Task AssertReadModelsAgreeAsync(TempWarehouse warehouse)
    {
        foreach (var query in ReadModelDifferences)
        {
            Assert.Empty(await warehouse.QueryAsync<string>(query));
        }
    }

    internal const string UnitBestFromDefinition =
        "SELECT fiscal_year, school_term, unit_key, school_key, pupils, round(best_sum, 9) FROM unit_best_by_school ORDER BY ALL";

    internal const string UnitBest =
        "SELECT fiscal_year, school_term, unit_key, school_key, pupils, round(best_sum, 9) FROM agg_unit_best ORDER BY ALL";

    private const string PupilNumbers = "SELECT pupil_key, pupil_no FROM pupil_number ORDER BY ALL";

    private static Task<ImportResult> ImportAsync(TempWarehouse warehouse, string kind, string path) =>
        warehouse.Get<EtlPipeline>().ImportAsync(kind, path, "test", null, CancellationToken.None);

    private static Task<ImportResult> XapiAsync(TempWarehouse warehouse, string name, params System.Text.Json.Nodes.JsonObject[] statements) =>
        ImportAsync(warehouse, "xapi", warehouse.WriteFile(name, Ndjson(statements)));

    private static (int Pupils, double BestSum) CityFigures(List<(short, short, string, string, int, double)> rows, int term) =>
        rows.Where(r => r.Item2 == term && r.Item4 == string.Empty).Select(r => (r.Item5, Math.Round(r.Item6, 9))).Single();

    [Fact]
    public async Task The_pages_tables_follow_added_days_voided_statements_and_the_roster()
    {
        await using var warehouse = await TempWarehouse.CreateAsync();
        var rosterFolder = RosterFiles.Write(Path.Combine(warehouse.Directory, "roster"), pupils: 12);
        Assert.Equal(ImportStatus.Succeeded, (await ImportAsync(warehouse, "oneroster", rosterFolder)).Status);
        var first = Enumerable.Range(1, 12).Select(p => Answered(p, PortalAccount(p), scaled: 0.5 + (p / 100.0))).ToArray();
        Assert.Equal(ImportStatus.Succeeded, (await XapiAsync(warehouse, "a.ndjson", first)).Status);

        // Pupil 1 does better later the same day and in 2学期; pupil 4 does best in the August holiday (no 学期);
        // pupil 2's only statement is voided.
        var second = await XapiAsync(warehouse, "b.ndjson",
            Answered(101, PortalAccount(1), scaled: 0.95, timestamp: "2025-06-02T14:00:00+09:00", question: 2),
            Answered(102, PortalAccount(1), scaled: 0.3, timestamp: "2025-10-06T09:00:00+09:00"),
            Answered(103, PortalAccount(4), scaled: 0.99, timestamp: "2025-08-05T10:00:00+09:00"),
            Voiding(190, voided: 2));
        Assert.Equal(ImportStatus.Succeeded, second.Status);

        var days = await warehouse.QueryAsync<(string, int, string, int, double, int, double?, double?)>(LearningDays);
        Assert.Equal(await warehouse.QueryAsync<(string, int, string, int, double, int, double?, double?)>(LearningDaysFromFacts), days);
        Assert.Equal(13, days.Count); // 11 pupils on 2 June (pupil 2 voided away), pupil 4 in August, pupil 1 in October
        var unitBest = await warehouse.QueryAsync<(short, short, string, string, int, double)>(UnitBest);
        Assert.Equal(await warehouse.QueryAsync<(short, short, string, string, int, double)>(UnitBestFromDefinition), unitBest);
        var firstTerm = 0.95 + Enumerable.Range(3, 10).Sum(p => 0.5 + (p / 100.0));
        Assert.Equal((11, Math.Round(firstTerm, 9)), CityFigures(unitBest, term: 1));
        Assert.Equal((11, Math.Round(firstTerm - 0.54 + 0.99, 9)), CityFigures(unitBest, term: 0));
        Assert.Equal((1, 0.3), CityFigures(unitBest, term: 2));

        await AssertReadModelsAgreeAsync(warehouse);
        var numbers = await warehouse.QueryAsync<(string, int)>(PupilNumbers);
        Assert.Equal(12, numbers.Count);
        var enrolled = (await warehouse.QueryAsync<long>("SELECT count(*) FROM class_student")).Single();

        // The roster again, with pupil 3's enrollment deleted: the school no longer counts them, the city still does.
        var enrollments = Path.Combine(rosterFolder, "enrollments.csv");
        File.WriteAllText(enrollments, File.ReadAllText(enrollments).Replace(
            "0b2f7c1e-0000-4000-9000-000000000003,,,", "0b2f7c1e-0000-4000-9000-000000000003,tobedeleted,2025-06-10T00:00:00Z,", StringComparison.Ordinal));
        Assert.Equal(ImportStatus.Succeeded, (await ImportAsync(warehouse, "oneroster", rosterFolder)).Status);
        Assert.Equal(numbers, await warehouse.QueryAsync<(string, int)>(PupilNumbers));
        await AssertReadModelsAgreeAsync(warehouse);
        Assert.Equal(enrolled - 1, (await warehouse.QueryAsync<long>("SELECT count(*) FROM class_student")).Single());
        var afterRoster = await warehouse.QueryAsync<(short, short, string, string, int, double)>(UnitBest);
        Assert.Equal(await warehouse.QueryAsync<(short, short, string, string, int, double)>(UnitBestFromDefinition), afterRoster);
        Assert.Equal((10, 11), (
            afterRoster.Single(r => r.Item2 == 0 && r.Item4 != string.Empty).Item5,
            afterRoster.Single(r => r.Item2 == 0 && r.Item4 == string.Empty).Item5));
    }

    [Fact]
    public async Task A_warehouse_loaded_before_the_pupil_numbers_reads_the_same_after_the_migrations()
    {
        await using var warehouse = await TempWarehouse.CreateAsync(prepare: false);
        var runner = warehouse.Get<MigrationRunner>();
        var migrations = warehouse.Get<SqlCatalogue>().Migrations;
        await runner.MigrateAsync([.. migrations.Where(m => m.Version < 8)], CancellationToken.None);
        await warehouse.Get<DateDimension>().EnsureFiscalYearsAsync(2025, 2025, CancellationToken.None);
        await warehouse.ExecuteAsync("""
            INSERT INTO dim_class VALUES ('c1', 's1', 2025, '1年1組', NULL, 'homeroom', 'P1', NULL, NULL, false, 1);
            INSERT INTO dim_pupil VALUES ('p2', 's1', 'P1', 'M', 2018, NULL, true, 1), ('p1', 's1', 'P1', 'F', 2018, NULL, true, 1);
            INSERT INTO class_enrollment VALUES ('c1', 'p1', 'student', true, 1, NULL, NULL, 1), ('c1', 'p2', 'student', true, 2, NULL, NULL, 1),
                ('c1', 't1', 'teacher', true, NULL, NULL, NULL, 1);
            INSERT INTO user_scope VALUES ('analyst', 'class', 'c1');
            INSERT INTO fact_attendance VALUES ('p1', 20250407, '出席', NULL, 1), ('p2', 20250407, '欠席', '病気', 1);
            INSERT INTO fact_learning_activity VALUES
                ('s1', 'p1', 20250407, TIMESTAMP '2025-04-07 10:00', 'answered', 'q1', 'u1', 0.5, NULL, NULL, NULL, NULL, NULL, 60, 1),
                ('s2', 'p1', 20250901, TIMESTAMP '2025-09-01 10:00', 'answered', 'q1', 'u1', 0.8, NULL, NULL, NULL, NULL, NULL, NULL, 1),
                ('s3', 'p2', 20250407, TIMESTAMP '2025-04-07 11:00', 'answered', 'q1', 'u1', 0.4, NULL, NULL, NULL, NULL, NULL, 30, 1);
            """);

        await runner.MigrateAsync(migrations, CancellationToken.None);

        Assert.Equal([("p1", 1), ("p2", 2)], await warehouse.QueryAsync<(string, int)>(PupilNumbers));
        await AssertReadModelsAgreeAsync(warehouse);
        Assert.Equal(2, (await warehouse.QueryAsync<long>("SELECT count(*) FROM class_student")).Single());
        Assert.Equal(["c1"], await warehouse.QueryAsync<string>("SELECT class_key FROM user_class_scope WHERE user_name = 'analyst'"));
        var days = await warehouse.QueryAsync<(string, int, string, int, double, int, double?, double?)>(LearningDays);
        Assert.Equal(await warehouse.QueryAsync<(string, int, string, int, double, int, double?, double?)>(LearningDaysFromFacts), days);
        Assert.Equal(3, days.Count);
        var unitBest = await warehouse.QueryAsync<(short, short, string, string, int, double)>(UnitBest);
        Assert.Equal(await warehouse.QueryAsync<(short, short, string, string, int, double)>(UnitBestFromDefinition), unitBest);
        Assert.Equal((2, Math.Round(0.8 + 0.4, 9)), CityFigures(unitBest, term: 0));
    }
}
