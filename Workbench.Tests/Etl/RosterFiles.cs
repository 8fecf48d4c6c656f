using System.Text;
using Workbench.Data.Etl;
using Workbench.Tests.Support;

namespace Workbench.Tests.Etl;

/// <summary>Writes a small OneRoster 1.2 Japan Profile package: one school, one homeroom, pupils and their teacher.</summary>
public sealed class RosterFiles
{
    public const string SchoolId = "0b2f7c1e-0000-4000-8000-000000000001";
    public const string YearId = "0b2f7c1e-0000-4000-8000-000000000002";
    public const string ClassId = "0b2f7c1e-0000-4000-8000-000000000003";
    public const string TeacherId = "0b2f7c1e-0000-4000-8000-0000000000ff";

    /// <summary>A new warehouse with this roster (one class of <paramref name="pupils"/>) imported through the pipeline.</summary>
    public static async Task<TempWarehouse> ImportedAsync(int pupils)
    {
        var warehouse = await TempWarehouse.CreateAsync();
        await warehouse.Get<EtlPipeline>().ImportAsync("oneroster", Write(Path.Combine(warehouse.Directory, "roster"), pupils), "test", null, CancellationToken.None);
        return warehouse;
    }

    public static string PupilId(int n) => $"0b2f7c1e-0000-4000-8000-{n:D12}";

    /// <summary>The e-mail address pupil <paramref name="n"/> has unless a test gives another.</summary>
    public static string PupilEmail(int n) => FormattableString.Invariant($"s{n:D8}@tsuyama.ed.jp");

    /// <param name="emailOf">Each pupil's e-mail address; by default <see cref="PupilEmail"/>.</param>
    public static string Write(string folder, int pupils = 3, Func<int, string>? emailOf = null)
    {
        emailOf ??= PupilEmail;
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "manifest.csv"), """
            propertyName,value
            manifest.version,1.0
            oneroster.version,1.2_JP
            file.academicSessions,bulk
            file.orgs,bulk
            file.classes,bulk
            file.users,bulk
            file.enrollments,bulk
            file.courses,absent
            """ + "\n");
        File.WriteAllText(Path.Combine(folder, "academicSessions.csv"), $"""
            sourcedId,status,dateLastModified,title,type,startDate,endDate,parentSourcedId,schoolYear
            {YearId},,,2025年度,schoolYear,2025-04-01,2026-03-31,,2025
            """ + "\n");
        File.WriteAllText(Path.Combine(folder, "orgs.csv"), $"""
            sourcedId,status,dateLastModified,name,type,identifier,parentSourcedId
            {SchoolId},,,喬松小学校,school,B133212030999,
            """ + "\n");
        File.WriteAllText(Path.Combine(folder, "classes.csv"), $"""
            sourcedId,status,dateLastModified,title,grades,courseSourcedId,classCode,classType,location,schoolSourcedId,termSourcedIds,subjects,subjectCodes,periods,metadata.jp.specialNeeds
            {ClassId},,,3年1組,P3,,3-1,homeroom,,{SchoolId},{YearId},,,,false
            """ + "\n");
        var users = new StringBuilder("sourcedId,status,dateLastModified,enabledUser,username,userIds,givenName,familyName,middleName,identifier,email,sms,phone,agentSourcedIds,grades,password,userMasterIdentifier,metadata.jp.kanaGivenName,metadata.jp.kanaFamilyName\n");
        var enrollments = new StringBuilder("sourcedId,status,dateLastModified,classSourcedId,schoolSourcedId,userSourcedId,role,primary,beginDate,endDate,metadata.jp.ShussekiNo\n");
        users.Append(FormattableString.Invariant($"{TeacherId},,,true,t000001,,花子,山田,,,t000001@tsuyama.ed.jp,,,,,,,ハナコ,ヤマダ\n"));
        enrollments.Append(FormattableString.Invariant($"0b2f7c1e-0000-4000-9000-0000000000ff,,,{ClassId},{SchoolId},{TeacherId},teacher,true,,,\n"));
        for (var n = 1; n <= pupils; n++)
        {
            users.Append(FormattableString.Invariant($"{PupilId(n)},,,true,s{n:D8},,太郎{n},津山,,,{emailOf(n)},,,,P3,,{PupilId(n + 500)},タロウ,ツヤマ\n"));
            enrollments.Append(FormattableString.Invariant($"0b2f7c1e-0000-4000-9000-{n:D12},,,{ClassId},{SchoolId},{PupilId(n)},student,false,,,{n}\n"));
        }

        File.WriteAllText(Path.Combine(folder, "users.csv"), users.ToString());
        File.WriteAllText(Path.Combine(folder, "enrollments.csv"), enrollments.ToString());
        return folder;
    }
}
