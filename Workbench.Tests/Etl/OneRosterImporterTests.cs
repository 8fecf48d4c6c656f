using Dapper;
using Workbench.Data.Etl;
using Workbench.Data.Warehouse;
using Workbench.Tests.Support;

namespace Workbench.Tests.Etl;

public class OneRosterImporterTests
{
    private static async Task<long> CountAsync(TempWarehouse warehouse, string sql)
    {
        await using var connection = await warehouse.Get<IWarehouseConnectionFactory>().OpenAsync(CancellationToken.None);
        return await connection.ExecuteScalarAsync<long>(sql);
    }

    [Fact]
    public async Task A_Japan_Profile_roster_loads_pupils_with_pseudonyms_and_keeps_names_apart()
    {
        await using var warehouse = await TempWarehouse.CreateAsync();
        var folder = RosterFiles.Write(Path.Combine(warehouse.Directory, "roster"));

        var result = await warehouse.Get<EtlPipeline>().ImportAsync("oneroster", folder, "test", null, CancellationToken.None);

        Assert.Equal(ImportStatus.Succeeded, result.Status);
        Assert.Equal(3, await CountAsync(warehouse, "SELECT COUNT(*) FROM dim_pupil WHERE grade = 'P3'"));
        Assert.Equal(1, await CountAsync(warehouse, "SELECT COUNT(*) FROM dim_teacher"));
        Assert.Equal(1, await CountAsync(warehouse, "SELECT COUNT(*) FROM class_enrollment WHERE enrollment_role = 'teacher' AND is_primary"));
        Assert.Equal(3, await CountAsync(warehouse, "SELECT COUNT(*) FROM class_enrollment WHERE enrollment_role = 'student' AND shusseki_no BETWEEN 1 AND 3"));
        Assert.Equal(0, await CountAsync(warehouse, $"SELECT COUNT(*) FROM dim_pupil WHERE pupil_key LIKE '%{RosterFiles.PupilId(1)[..8]}%'"));
        Assert.Equal(1, await CountAsync(warehouse, "SELECT COUNT(*) FROM pupil_identity WHERE family_name = '津山' AND given_name = '太郎1' AND kana_family_name = 'ツヤマ'"));
        Assert.Equal(2025, await CountAsync(warehouse, "SELECT fiscal_year FROM dim_class"));
    }

    [Fact]
    public async Task A_school_keeps_the_中学校区_code_of_the_metadata_districtCode_extension()
    {
        await using var warehouse = await TempWarehouse.CreateAsync();
        var folder = RosterFiles.Write(Path.Combine(warehouse.Directory, "roster"));
        File.WriteAllText(Path.Combine(folder, "orgs.csv"), $"""
            sourcedId,status,dateLastModified,name,type,identifier,parentSourcedId,metadata.districtCode
            {RosterFiles.SchoolId},,,喬松小学校,school,B133212030999,,jhs-kume
            """ + "\n");

        var result = await warehouse.Get<EtlPipeline>().ImportAsync("oneroster", folder, "test", null, CancellationToken.None);

        Assert.Equal(ImportStatus.Succeeded, result.Status);
        Assert.Equal(1, await CountAsync(warehouse, "SELECT COUNT(*) FROM dim_school WHERE district_code = 'jhs-kume'"));
    }

    [Fact]
    public async Task Importing_the_same_package_again_changes_nothing()
    {
        await using var warehouse = await TempWarehouse.CreateAsync();
        var folder = RosterFiles.Write(Path.Combine(warehouse.Directory, "roster"));
        var first = await warehouse.Get<EtlPipeline>().ImportAsync("oneroster", folder, "test", null, CancellationToken.None);

        var again = await warehouse.Get<EtlPipeline>().ImportAsync("oneroster", folder, "test", null, CancellationToken.None);

        Assert.Equal(ImportStatus.AlreadyImported, again.Status);
        Assert.Equal(first.BatchId, again.BatchId);
        Assert.Equal(1, await CountAsync(warehouse, "SELECT COUNT(*) FROM etl_batch"));
        Assert.Equal(3, await CountAsync(warehouse, "SELECT COUNT(*) FROM dim_pupil"));
    }

    [Fact]
    public async Task A_delta_removes_rows_marked_tobedeleted_and_updates_changed_ones()
    {
        await using var warehouse = await TempWarehouse.CreateAsync();
        var pipeline = warehouse.Get<EtlPipeline>();
        await pipeline.ImportAsync("oneroster", RosterFiles.Write(Path.Combine(warehouse.Directory, "bulk")), "test", null, CancellationToken.None);
        var delta = Path.Combine(warehouse.Directory, "delta");
        Directory.CreateDirectory(delta);
        File.WriteAllText(Path.Combine(delta, "manifest.csv"), "propertyName,value\noneroster.version,1.2_JP\nfile.users,delta\nfile.orgs,absent\nfile.classes,absent\nfile.enrollments,delta\nfile.academicSessions,absent\n");
        File.WriteAllText(Path.Combine(delta, "users.csv"),
            "sourcedId,status,dateLastModified,enabledUser,username,givenName,familyName,grades,metadata.jp.kanaGivenName,metadata.jp.kanaFamilyName\n" +
            $"{RosterFiles.PupilId(1)},tobedeleted,2025-05-01T00:00:00.000Z,true,s00000001,太郎1,津山,P3,タロウ,ツヤマ\n" +
            $"{RosterFiles.PupilId(2)},active,2025-05-01T00:00:00.000Z,true,s00000002,次郎,津山,P3,ジロウ,ツヤマ\n");
        File.WriteAllText(Path.Combine(delta, "enrollments.csv"),
            "sourcedId,status,dateLastModified,classSourcedId,schoolSourcedId,userSourcedId,role,primary\n" +
            $"x,tobedeleted,2025-05-01T00:00:00.000Z,{RosterFiles.ClassId},{RosterFiles.SchoolId},{RosterFiles.PupilId(1)},student,false\n" +
            $"y,active,2025-05-01T00:00:00.000Z,{RosterFiles.ClassId},{RosterFiles.SchoolId},{RosterFiles.PupilId(2)},student,false\n");

        var result = await pipeline.ImportAsync("oneroster", delta, "test", null, CancellationToken.None);

        Assert.True(result.Status == ImportStatus.Succeeded, result.Message + string.Join("\n", result.Rejects));
        Assert.Equal(2, await CountAsync(warehouse, "SELECT COUNT(*) FROM dim_pupil"));
        Assert.Equal(2, await CountAsync(warehouse, "SELECT COUNT(*) FROM class_enrollment WHERE enrollment_role = 'student'"));
        Assert.Equal(1, await CountAsync(warehouse, "SELECT COUNT(*) FROM pupil_identity WHERE given_name = '次郎'"));
    }

    [SkippableFact]
    public async Task The_public_OneRoster_1_2_sample_package_loads()
    {
        TestEnvironment.RequireSharedData();
        await using var warehouse = await TempWarehouse.CreateAsync();

        var result = await warehouse.Get<EtlPipeline>().ImportAsync(
            "oneroster", Path.Combine(TestEnvironment.SharedData, "oneroster", "v1p2_minimal_moodle"), "test", null, CancellationToken.None);

        Assert.True(result.Status == ImportStatus.Succeeded, result.Message);
        Assert.Equal(0, result.RowsRejected);
        Assert.Equal(1, await CountAsync(warehouse, "SELECT COUNT(*) FROM dim_school WHERE school_name = 'Gotham High School'"));
        Assert.Equal(1, await CountAsync(warehouse, "SELECT COUNT(*) FROM class_enrollment"));
    }

    [SkippableFact]
    public async Task The_defective_public_package_is_rejected_row_by_row_and_loads_nothing()
    {
        TestEnvironment.RequireSharedData();
        await using var warehouse = await TempWarehouse.CreateAsync();

        var result = await warehouse.Get<EtlPipeline>().ImportAsync(
            "oneroster", Path.Combine(TestEnvironment.SharedData, "oneroster", "v1p2_full_moodle"), "test", null, CancellationToken.None);

        Assert.Equal(ImportStatus.Refused, result.Status);
        var reasons = result.Rejects.Select(r => $"{r.SourcePart}:{r.LineNumber}:{r.FieldName}").ToList();
        Assert.Contains("classes.csv:2:classType", reasons); // "Scheduled" is not a OneRoster class type
        Assert.Contains("users.csv:2:dateLastModified", reasons); // day-first date 1/05/2023
        Assert.Contains(result.Rejects, r => r.SourcePart == "enrollments.csv" && r.FieldName == "classSourcedId");
        Assert.All(result.Rejects, r => Assert.False(string.IsNullOrWhiteSpace(r.Reason)));
        Assert.Equal(0, await CountAsync(warehouse, "SELECT COUNT(*) FROM dim_class"));
        Assert.Equal(0, await CountAsync(warehouse, "SELECT COUNT(*) FROM dim_pupil"));
        Assert.Equal(result.Rejects.Count, await CountAsync(warehouse, $"SELECT COUNT(*) FROM etl_reject WHERE batch_id = {result.BatchId}"));
        Assert.Equal(0, await CountAsync(warehouse, "SELECT COUNT(*) FROM etl_reject WHERE masked_value LIKE '%Password%'"));
    }
}
