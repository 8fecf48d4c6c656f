using System.Globalization;

namespace Workbench.Data.Synthetic;

/// <summary>
/// Writes a OneRoster 1.2 bulk package in the Japan Profile (oneroster.version 1.2_JP): the profile's columns first
/// and in the spec's order, then the metadata.jp.* extensions. Bulk files leave status and dateLastModified empty.
/// Several 年度 go into one package, each with its own academic sessions, courses, classes and enrollments.
/// </summary>
internal static class OneRosterWriter
{
    public const string SystemName = "津山市学習eポータル";

    private static readonly string[] Written = ["academicSessions", "classes", "courses", "demographics", "enrollments", "orgs", "roles", "users"];

    private static readonly string[] AllFiles =
    [
        "academicSessions", "categories", "classes", "classResources", "courses", "courseResources", "demographics",
        "enrollments", "lineItemLearningObjectiveIds", "lineItems", "lineItemScoreScales", "orgs", "resources",
        "resultLearningObjectiveIds", "results", "resultScoreScales", "roles", "scoreScales", "userProfiles",
        "userResources", "users",
    ];

    public static Dictionary<string, long> Write(Roster roster, string folder)
    {
        Directory.CreateDirectory(folder);
        var rows = new Dictionary<string, long>(StringComparer.Ordinal);
        WriteManifest(Path.Combine(folder, "manifest.csv"));
        rows["orgs"] = WriteOrgs(roster, Path.Combine(folder, "orgs.csv"));
        rows["academicSessions"] = WriteSessions(roster, Path.Combine(folder, "academicSessions.csv"));
        rows["courses"] = WriteCourses(roster, Path.Combine(folder, "courses.csv"));
        rows["classes"] = WriteClasses(roster, Path.Combine(folder, "classes.csv"));
        rows["users"] = WriteUsers(roster, Path.Combine(folder, "users.csv"));
        rows["roles"] = WriteRoles(roster, Path.Combine(folder, "roles.csv"));
        rows["enrollments"] = WriteEnrollments(roster, Path.Combine(folder, "enrollments.csv"));
        rows["demographics"] = WriteDemographics(roster, Path.Combine(folder, "demographics.csv"));
        return rows;
    }

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Grades(IEnumerable<int> grades) => string.Join(",", grades.Select(Curriculum.GradeCode));

    private static void WriteManifest(string path)
    {
        using var csv = new CsvFile(path);
        csv.Row("propertyName", "value");
        csv.Row("manifest.version", "1.0");
        csv.Row("oneroster.version", "1.2_JP");
        foreach (var file in AllFiles)
        {
            csv.Row("file." + file, Written.Contains(file) ? "bulk" : "absent");
        }

        csv.Row("source.systemName", SystemName);
        csv.Row("source.systemCode", "tsuyama-eportal");
    }

    private static long WriteOrgs(Roster roster, string path)
    {
        using var csv = new CsvFile(path);
        // metadata.districtCode: the school's 中学校区 (the warehouse's district code), an extension of the city's portal.
        csv.Row("sourcedId", "status", "dateLastModified", "name", "type", "identifier", "parentSourcedId", "metadata.districtCode");
        csv.Row(roster.DistrictId, null, null, "津山市教育委員会", "district", "33203", null, null);
        foreach (var school in roster.Schools)
        {
            csv.Row(school.SourcedId, null, null, school.Fact.Name, "school", school.Fact.Code, roster.DistrictId, school.Fact.DistrictCode);
        }

        return csv.Rows - 1;
    }

    private static long WriteSessions(Roster roster, string path)
    {
        using var csv = new CsvFile(path);
        csv.Row("sourcedId", "status", "dateLastModified", "title", "type", "startDate", "endDate", "parentSourcedId", "schoolYear");
        foreach (var year in roster.Years)
        {
            var y = year.FiscalYear;
            var schoolYear = y.ToString(CultureInfo.InvariantCulture);
            csv.Row(year.SchoolYearId, null, null, schoolYear + "年度", "schoolYear", Date(new DateOnly(y, 4, 1)), Date(new DateOnly(y + 1, 3, 31)), null, schoolYear);
            csv.Row(year.TermIds[0], null, null, "1学期", "term", Date(new DateOnly(y, 4, 1)), Date(new DateOnly(y, 7, 31)), year.SchoolYearId, schoolYear);
            csv.Row(year.TermIds[1], null, null, "2学期", "term", Date(new DateOnly(y, 9, 1)), Date(new DateOnly(y, 12, 31)), year.SchoolYearId, schoolYear);
            csv.Row(year.TermIds[2], null, null, "3学期", "term", Date(new DateOnly(y + 1, 1, 1)), Date(new DateOnly(y + 1, 3, 31)), year.SchoolYearId, schoolYear);
        }

        return csv.Rows - 1;
    }

    private static long WriteCourses(Roster roster, string path)
    {
        using var csv = new CsvFile(path);
        csv.Row("sourcedId", "status", "dateLastModified", "schoolYearSourcedId", "title", "courseCode", "grades", "orgSourcedId", "subjects", "subjectCodes");
        foreach (var year in roster.Years)
        {
            foreach (var course in year.Courses)
            {
                // The Japan Profile leaves courseCode empty.
                csv.Row(course.SourcedId, null, null, year.SchoolYearId, course.Title, null, Grades(course.Grades), course.School.SourcedId, course.Subject?.Name, course.Subject?.Code);
            }
        }

        return csv.Rows - 1;
    }

    private static long WriteClasses(Roster roster, string path)
    {
        using var csv = new CsvFile(path);
        csv.Row(
            "sourcedId", "status", "dateLastModified", "title", "grades", "courseSourcedId", "classCode", "classType", "location",
            "schoolSourcedId", "termSourcedIds", "subjects", "subjectCodes", "periods", "metadata.jp.specialNeeds");
        foreach (var year in roster.Years)
        {
            foreach (var homeroom in year.Homerooms)
            {
                var grades = homeroom.SpecialNeeds
                    ? homeroom.Pupils.Select(p => p.Grade).Distinct().Order().DefaultIfEmpty(homeroom.School.Fact.FirstGrade)
                    : [homeroom.Grade];
                csv.Row(
                    homeroom.SourcedId, null, null, homeroom.Title, Grades(grades), homeroom.Course.SourcedId, homeroom.ClassCode, "homeroom", null,
                    homeroom.School.SourcedId, year.SchoolYearId, null, null, null, homeroom.SpecialNeeds ? "true" : "false");
            }

            foreach (var subjectClass in year.Homerooms.SelectMany(h => h.SubjectClasses))
            {
                csv.Row(
                    subjectClass.SourcedId, null, null, subjectClass.Title, Grades([subjectClass.Homeroom.Grade]), subjectClass.Course.SourcedId,
                    subjectClass.ClassCode, "scheduled", null, subjectClass.Homeroom.School.SourcedId, string.Join(",", year.TermIds),
                    subjectClass.Subject.Name, subjectClass.Subject.Code, null, "false");
            }
        }

        return csv.Rows - 1;
    }

    private static long WriteUsers(Roster roster, string path)
    {
        using var csv = new CsvFile(path);
        csv.Row(
            "sourcedId", "status", "dateLastModified", "enabledUser", "username", "userIds", "givenName", "familyName", "middleName",
            "identifier", "email", "sms", "phone", "agentSourcedIds", "grades", "password", "userMasterIdentifier", "resourceSourcedIds",
            "preferredGivenName", "preferredMiddleName", "preferredFamilyName", "primaryOrgSourcedId", "pronouns",
            "metadata.jp.kanaGivenName", "metadata.jp.kanaFamilyName", "metadata.jp.kanaMiddleName", "metadata.jp.homeClass");
        foreach (var pupil in roster.Pupils)
        {
            // The pupil's latest year gives the grade, school and homeroom.
            var latest = pupil.Years[^1];
            csv.Row(
                pupil.SourcedId, null, null, "true", pupil.Username, null, pupil.Given.Kanji, pupil.Family.Kanji, null,
                null, pupil.Username + "@tsuyama.ed.jp", null, null, null, Curriculum.GradeCode(latest.Grade), null, pupil.MasterId, null,
                null, null, null, latest.School.SourcedId, null,
                pupil.Given.Kana, pupil.Family.Kana, null, latest.Homeroom.SourcedId);
        }

        foreach (var teacher in roster.Teachers)
        {
            csv.Row(
                teacher.SourcedId, null, null, "true", teacher.Username, null, teacher.Given.Kanji, teacher.Family.Kanji, null,
                null, teacher.Username + "@tsuyama.ed.jp", null, null, null, null, null, teacher.MasterId, null,
                null, null, null, teacher.School.SourcedId, null,
                teacher.Given.Kana, teacher.Family.Kana, null, null);
        }

        return csv.Rows - 1;
    }

    private static long WriteRoles(Roster roster, string path)
    {
        var first = roster.Years[0];
        var last = roster.Years[^1];
        using var csv = new CsvFile(path);
        csv.Row("sourcedId", "status", "dateLastModified", "userSourcedId", "roleType", "role", "beginDate", "endDate", "orgSourcedId", "userProfileSourcedId");
        foreach (var pupil in roster.Pupils)
        {
            // One role per school the pupil was at; the latest is primary. Dates only where the generated years show them.
            var stints = pupil.Years.GroupBy(y => y.School).ToList();
            for (var i = 0; i < stints.Count; i++)
            {
                var begin = stints[i].First();
                var end = stints[i].Last();
                var beginDate = begin.MovedIn ? Date(begin.Year.Calendar.Days[begin.BeginDay])
                    : begin.Year != first ? Date(new DateOnly(begin.Year.FiscalYear, 4, 1))
                    : null;
                var endDate = end.MovedOut ? Date(end.Year.Calendar.Days[end.EndDay - 1])
                    : end.Year != last ? Date(new DateOnly(end.Year.FiscalYear + 1, 3, 31))
                    : null;
                csv.Row(
                    Uuid(pupil.SourcedId, begin.School.SourcedId), null, null, pupil.SourcedId, i == stints.Count - 1 ? "primary" : "secondary", "student",
                    beginDate, endDate, begin.School.SourcedId, null);
            }
        }

        foreach (var teacher in roster.Teachers)
        {
            csv.Row(Uuid(teacher.SourcedId, teacher.School.SourcedId), null, null, teacher.SourcedId, "primary", "teacher", null, null, teacher.School.SourcedId, null);
        }

        return csv.Rows - 1;
    }

    private static long WriteEnrollments(Roster roster, string path)
    {
        using var csv = new CsvFile(path);
        csv.Row(
            "sourcedId", "status", "dateLastModified", "classSourcedId", "schoolSourcedId", "userSourcedId", "role", "primary",
            "beginDate", "endDate", "metadata.jp.ShussekiNo", "metadata.jp.PublicFlg");
        foreach (var year in roster.Years)
        {
            foreach (var homeroom in year.Homerooms)
            {
                var school = homeroom.School.SourcedId;
                if (homeroom.Teacher is { } teacher)
                {
                    csv.Row(Uuid(homeroom.SourcedId, teacher.SourcedId), null, null, homeroom.SourcedId, school, teacher.SourcedId, "teacher", "true", null, null, null, "true");
                }

                foreach (var pupil in homeroom.Pupils)
                {
                    var (begin, end) = Dates(pupil);
                    csv.Row(
                        Uuid(homeroom.SourcedId, pupil.Pupil.SourcedId), null, null, homeroom.SourcedId, school, pupil.Pupil.SourcedId, "student", "false",
                        begin, end, pupil.ShussekiNo.ToString(CultureInfo.InvariantCulture), null);
                }

                foreach (var subjectClass in homeroom.SubjectClasses)
                {
                    if (subjectClass.Teacher is { } subjectTeacher)
                    {
                        csv.Row(Uuid(subjectClass.SourcedId, subjectTeacher.SourcedId), null, null, subjectClass.SourcedId, school, subjectTeacher.SourcedId, "teacher", "true", null, null, null, "true");
                    }

                    foreach (var pupil in subjectClass.Pupils)
                    {
                        var (begin, end) = Dates(pupil);
                        csv.Row(
                            Uuid(subjectClass.SourcedId, pupil.Pupil.SourcedId), null, null, subjectClass.SourcedId, school, pupil.Pupil.SourcedId, "student", "false",
                            begin, end, null, null);
                    }
                }
            }
        }

        return csv.Rows - 1;
    }

    private static long WriteDemographics(Roster roster, string path)
    {
        using var csv = new CsvFile(path);
        csv.Row(
            "sourcedId", "status", "dateLastModified", "birthDate", "sex", "americanIndianOrAlaskaNative", "asian", "blackOrAfricanAmerican",
            "nativeHawaiianOrOtherPacificIslander", "white", "demographicRaceTwoOrMoreRaces", "hispanicOrLatinoEthnicity", "countryOfBirthCode",
            "stateOfBirthAbbreviation", "cityOfBirth", "publicSchoolResidenceStatus");
        foreach (var pupil in roster.Pupils)
        {
            csv.Row(pupil.SourcedId, null, null, Date(pupil.BirthDate), pupil.Male ? "male" : "female", null, null, null, null, null, null, null, null, null, null, null);
        }

        return csv.Rows - 1;
    }

    /// <summary>Enrollment dates only for pupils who moved in or out during the year.</summary>
    private static (string? Begin, string? End) Dates(PupilYear pupil)
    {
        var days = pupil.Year.Calendar.Days;
        return (pupil.MovedIn ? Date(days[pupil.BeginDay]) : null, pupil.MovedOut ? Date(days[pupil.EndDay - 1]) : null);
    }

    /// <summary>Ids of link rows (roles, enrollments): a UUID-shaped hash of the two ids they link.</summary>
    private static string Uuid(string a, string b)
    {
        Span<byte> hash = stackalloc byte[32];
        System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(a + "|" + b), hash);
        hash[6] = (byte)((hash[6] & 0x0F) | 0x40);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash[..16], bigEndian: true).ToString("D");
    }
}
