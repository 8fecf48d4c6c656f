using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Workbench.Data.Etl.Districts;
using Workbench.Data.Synthetic;

namespace Workbench.Tests.Synthetic;

public sealed class TinySeedFixture : IDisposable
{
    public GeneratedFolder Folder { get; } = new(SeedScale.Tiny);

    public void Dispose() => Folder.Dispose();
}

public partial class TinySeedTests(TinySeedFixture fixture) : IClassFixture<TinySeedFixture>
{
    private GeneratedFolder Folder => fixture.Folder;

    [Fact]
    public void The_same_seed_writes_byte_identical_files()
    {
        using var first = new GeneratedFolder(SeedScale.Tiny, seed: 7);
        using var second = new GeneratedFolder(SeedScale.Tiny, seed: 7);

        var files = RelativeFiles(first.Root);
        Assert.Equal(files, RelativeFiles(second.Root));
        Assert.Equal(16 + 6 + 5, files.Count); // health: consent, two 年度 of checklists and checkups, a year of vitals; transit and waste: 5
        foreach (var file in files)
        {
            Assert.True(
                File.ReadAllBytes(Path.Combine(first.Root, file)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(second.Root, file))),
                $"{file} differs between two runs with the same seed.");
        }
    }

    [Fact]
    public void Another_seed_writes_other_pupils()
    {
        using var other = new GeneratedFolder(SeedScale.Tiny, seed: 8);

        Assert.NotEqual(File.ReadAllBytes(Folder.OneRoster("users.csv")), File.ReadAllBytes(other.OneRoster("users.csv")));
    }

    [Fact]
    public void Files_are_utf8_without_bom_with_lf_line_endings()
    {
        foreach (var file in RelativeFiles(Folder.Root).Where(f => !f.EndsWith(".zip", StringComparison.Ordinal))) // the GTFS zip's entries: TransitWasteGeneratorTests
        {
            var bytes = File.ReadAllBytes(Path.Combine(Folder.Root, file));
            Assert.False(bytes.AsSpan().StartsWith("\uFEFF"u8), $"{file} starts with a BOM.");
            Assert.DoesNotContain((byte)'\r', bytes);
            Assert.Equal((byte)'\n', bytes[^1]);
        }
    }

    [Fact]
    public void Tiny_holds_喬松小学校_and_two_more_久米_schools_with_their_real_pupils_per_grade()
    {
        var schools = Csv.Rows(Folder.OneRoster("orgs.csv")).Where(o => o["type"] == "school").ToDictionary(o => o["sourcedId"], o => o["name"]);
        Assert.Equal(["中正小学校", "久米中学校", "喬松小学校"], schools.Values.Order(StringComparer.Ordinal));

        // Users per school and grade: the May figures, plus any pupil who moved in during the year.
        var pupils = Csv.Rows(Folder.OneRoster("users.csv")).Where(u => u["username"].StartsWith('s'))
            .GroupBy(u => (schools[u["primaryOrgSourcedId"]], u["grades"]))
            .ToDictionary(g => g.Key, g => g.Count());
        var real = new Dictionary<string, int[]>
        {
            ["喬松小学校"] = [4, 9, 9, 14, 10, 6],
            ["中正小学校"] = [13, 13, 10, 9, 13, 18],
            ["久米中学校"] = [53, 69, 54],
        };
        foreach (var (school, counts) in real)
        {
            for (var i = 0; i < counts.Length; i++)
            {
                var grade = (counts.Length == 3 ? "J" : "P") + (i + 1).ToString(CultureInfo.InvariantCulture);
                Assert.InRange(pupils.GetValueOrDefault((school, grade)), counts[i], counts[i] + 2);
            }
        }
    }

    [Fact]
    public void OneRoster_files_start_with_the_Japan_Profile_columns_in_order()
    {
        var expected = new Dictionary<string, string>
        {
            ["orgs.csv"] = "sourcedId,status,dateLastModified,name,type,identifier,parentSourcedId,metadata.districtCode",
            ["academicSessions.csv"] = "sourcedId,status,dateLastModified,title,type,startDate,endDate,parentSourcedId,schoolYear",
            ["courses.csv"] = "sourcedId,status,dateLastModified,schoolYearSourcedId,title,courseCode,grades,orgSourcedId,subjects,subjectCodes",
            ["classes.csv"] = "sourcedId,status,dateLastModified,title,grades,courseSourcedId,classCode,classType,location,schoolSourcedId,termSourcedIds,subjects,subjectCodes,periods,metadata.jp.specialNeeds",
            ["users.csv"] = "sourcedId,status,dateLastModified,enabledUser,username,userIds,givenName,familyName,middleName,identifier,email,sms,phone,agentSourcedIds,grades,password,userMasterIdentifier,resourceSourcedIds,preferredGivenName,preferredMiddleName,preferredFamilyName,primaryOrgSourcedId,pronouns,metadata.jp.kanaGivenName,metadata.jp.kanaFamilyName,metadata.jp.kanaMiddleName,metadata.jp.homeClass",
            ["roles.csv"] = "sourcedId,status,dateLastModified,userSourcedId,roleType,role,beginDate,endDate,orgSourcedId,userProfileSourcedId",
            ["enrollments.csv"] = "sourcedId,status,dateLastModified,classSourcedId,schoolSourcedId,userSourcedId,role,primary,beginDate,endDate,metadata.jp.ShussekiNo,metadata.jp.PublicFlg",
            ["demographics.csv"] = "sourcedId,status,dateLastModified,birthDate,sex,americanIndianOrAlaskaNative,asian,blackOrAfricanAmerican,nativeHawaiianOrOtherPacificIslander,white,demographicRaceTwoOrMoreRaces,hispanicOrLatinoEthnicity,countryOfBirthCode,stateOfBirthAbbreviation,cityOfBirth,publicSchoolResidenceStatus",
        };

        foreach (var (file, header) in expected)
        {
            Assert.Equal(header, string.Join(",", Csv.Header(Folder.OneRoster(file))));
            foreach (var row in Csv.Rows(Folder.OneRoster(file)))
            {
                Assert.Matches(UuidPattern(), row["sourcedId"]);
                Assert.Equal(string.Empty, row["status"] + row["dateLastModified"]);
            }
        }
    }

    [Fact]
    public void The_manifest_declares_the_Japan_Profile_and_which_files_are_there()
    {
        var manifest = Csv.Rows(Folder.OneRoster("manifest.csv")).ToDictionary(r => r["propertyName"], r => r["value"]);

        Assert.Equal("1.0", manifest["manifest.version"]);
        Assert.Equal("1.2_JP", manifest["oneroster.version"]);
        Assert.Equal("津山市学習eポータル", manifest["source.systemName"]);
        foreach (var file in new[] { "orgs", "academicSessions", "courses", "classes", "users", "roles", "enrollments", "demographics" })
        {
            Assert.Equal("bulk", manifest["file." + file]);
            Assert.True(File.Exists(Folder.OneRoster(file + ".csv")));
        }

        Assert.Equal("absent", manifest["file.userProfiles"]);
    }

    [Fact]
    public void Pupils_have_kana_names_a_homeroom_and_a_birth_date_that_fits_their_grade()
    {
        var homerooms = Csv.Rows(Folder.OneRoster("classes.csv")).Where(c => c["classType"] == "homeroom").Select(c => c["sourcedId"]).ToHashSet();
        var births = Csv.Rows(Folder.OneRoster("demographics.csv")).ToDictionary(d => d["sourcedId"], d => DateOnly.Parse(d["birthDate"], CultureInfo.InvariantCulture));
        foreach (var pupil in Csv.Rows(Folder.OneRoster("users.csv")).Where(u => u["username"].StartsWith('s')))
        {
            Assert.Matches("^s[0-9]{8}$", pupil["username"]);
            Assert.Equal(pupil["username"] + "@tsuyama.ed.jp", pupil["email"]);
            Assert.Matches("^[ァ-ヶー]+$", pupil["metadata.jp.kanaFamilyName"]);
            Assert.Matches("^[ァ-ヶー]+$", pupil["metadata.jp.kanaGivenName"]);
            Assert.Contains(pupil["metadata.jp.homeClass"], homerooms);

            // P1 of 2025年度 was born 2 April 2018 – 1 April 2019; each grade up, a year earlier.
            var grade = pupil["grades"][0] == 'P' ? pupil["grades"][1] - '0' : pupil["grades"][1] - '0' + 6;
            var earliest = new DateOnly(2018 - grade + 1, 4, 2);
            Assert.InRange(births[pupil["sourcedId"]], earliest, earliest.AddYears(1).AddDays(-1));
        }
    }

    [Fact]
    public void Each_homeroom_numbers_its_pupils_from_one()
    {
        var classes = Csv.Rows(Folder.OneRoster("classes.csv")).ToDictionary(c => c["sourcedId"]);
        var numbers = Csv.Rows(Folder.OneRoster("enrollments.csv"))
            .Where(e => e["role"] == "student" && classes[e["classSourcedId"]]["classType"] == "homeroom")
            .GroupBy(e => e["classSourcedId"]);
        foreach (var homeroom in numbers)
        {
            var list = homeroom.Select(e => int.Parse(e["metadata.jp.ShussekiNo"], CultureInfo.InvariantCulture)).Order().ToList();
            Assert.Equal(Enumerable.Range(1, list.Count), list);
            Assert.All(homeroom, e => Assert.Equal("false", e["primary"]));
        }
    }

    [Fact]
    public void A_few_pupils_move_in_or_out_during_the_year()
    {
        var dated = Csv.Rows(Folder.OneRoster("enrollments.csv"))
            .Where(e => e["role"] == "student" && (e["beginDate"].Length > 0 || e["endDate"].Length > 0))
            .ToList();

        Assert.NotEmpty(dated);
        Assert.All(dated, e => Assert.InRange(
            DateOnly.Parse(e["beginDate"].Length > 0 ? e["beginDate"] : e["endDate"], CultureInfo.InvariantCulture),
            new DateOnly(2025, 4, 2),
            new DateOnly(2026, 3, 30)));
    }

    [Fact]
    public void Attendance_has_one_row_per_pupil_and_school_day_with_the_known_codes()
    {
        var schoolDays = SchoolCalendar.For(2025).DateText.ToHashSet();
        var seen = new HashSet<(string, string)>();
        foreach (var row in Csv.Rows(Folder.Sources.AttendanceFiles[0]))
        {
            Assert.True(seen.Add((row["userSourcedId"], row["date"])), "A pupil has two rows for one day.");
            Assert.Contains(row["date"], schoolDays);
            Assert.Contains(row["status"], new[] { "出席", "欠席", "遅刻", "早退", "出席停止", "忌引" });
            if (row["status"] == "欠席")
            {
                Assert.Contains(row["reason"], new[] { "病気", "経済的理由", "不登校", "その他" });
            }
            else
            {
                Assert.Equal(string.Empty, row["reason"]);
            }
        }
    }

    [Fact]
    public void Statements_carry_the_Japanese_profile_school_hours_duplicates_and_voids()
    {
        var schoolDays = SchoolCalendar.For(2025).DateText.ToHashSet();
        var ids = new HashSet<string>();
        var duplicates = 0;
        var voided = new List<string>();
        foreach (var line in File.ReadLines(Folder.Sources.XapiFiles[0]))
        {
            using var statement = JsonDocument.Parse(line);
            var root = statement.RootElement;
            var id = root.GetProperty("id").GetString()!;
            Assert.Matches(UuidPattern(), id);
            if (!ids.Add(id))
            {
                duplicates++;
                continue;
            }

            Assert.Equal("https://portal.tsuyama.ed.jp", root.GetProperty("actor").GetProperty("account").GetProperty("homePage").GetString());
            var timestamp = root.GetProperty("timestamp").GetString()!;
            Assert.EndsWith("+09:00", timestamp, StringComparison.Ordinal);
            Assert.Contains(timestamp[..10], schoolDays);
            Assert.InRange(int.Parse(timestamp[11..13], CultureInfo.InvariantCulture), 8, 16);

            var verb = root.GetProperty("verb").GetProperty("id").GetString()!;
            if (verb.EndsWith("/voided", StringComparison.Ordinal))
            {
                voided.Add(root.GetProperty("object").GetProperty("id").GetString()!);
                continue;
            }

            var category = root.GetProperty("context").GetProperty("contextActivities").GetProperty("category")[0].GetProperty("id").GetString();
            Assert.Equal("https://w3id.org/xapi/jpedudataspec/v/1", category);
            if (root.TryGetProperty("result", out var result) && result.TryGetProperty("score", out var score))
            {
                Assert.InRange(score.GetProperty("scaled").GetDouble(), 0, 1);
                Assert.Matches("^PT([0-9]+H)?([0-9]+M)?([0-9]+S)?$", result.TryGetProperty("duration", out var d) ? d.GetString()! : "PT0S");
            }
        }

        Assert.InRange(ids.Count, 5_000, 50_000);
        Assert.InRange(duplicates, 1, ids.Count / 200);
        Assert.NotEmpty(voided);
        Assert.All(voided, v => Assert.Contains(v, ids));
    }

    [Fact]
    public void Unit_tests_score_0_to_100_on_the_units_the_statements_name()
    {
        var units = new HashSet<string>();
        foreach (var line in File.ReadLines(Folder.Sources.XapiFiles[0]))
        {
            using var statement = JsonDocument.Parse(line);
            if (statement.RootElement.TryGetProperty("context", out var context) && context.GetProperty("contextActivities").TryGetProperty("parent", out var parent))
            {
                units.Add(parent[0].GetProperty("id").GetString()!);
            }
        }

        var rows = Csv.Rows(Folder.Sources.AssessmentFiles[0]).ToList();
        Assert.NotEmpty(rows);
        Assert.All(rows, r =>
        {
            Assert.InRange(int.Parse(r["score"], CultureInfo.InvariantCulture), 0, 100);
            Assert.Equal("100", r["maxScore"]);
            Assert.Matches("^https://portal\\.tsuyama\\.ed\\.jp/activities/[a-z]+/[pj][1-6]/u[0-9]{2}$", r["unitId"]);
        });
        var tested = rows.Select(r => r["unitId"]).ToHashSet();
        Assert.True(tested.Count(units.Contains) >= tested.Count * 9 / 10, "Most tested units should also appear in the learning records.");
    }

    [Fact]
    public void Tiny_residents_live_in_the_町丁_of_its_schools()
    {
        var residents = Csv.Rows(Folder.Sources.ResidentsFile).ToList();

        Assert.Equal(500, residents.Count);
        Assert.Equal(["332033040", "332033080", "332033090"], residents.Select(r => r["chome_code"]).Distinct().Order(StringComparer.Ordinal));
        Assert.Equal(500, Csv.Rows(Folder.Sources.PopulationFile).Sum(r => int.Parse(r["population"], CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void The_population_file_counts_residents_by_町丁_sex_and_age_band_on_1_April()
    {
        var rows = Csv.Rows(Folder.Sources.PopulationFile).ToList();

        Assert.Equal(["as_of", "chome_code", "sex", "age_band", "population"], Csv.Header(Folder.Sources.PopulationFile));
        Assert.Equal(3 * 2 * 18, rows.Count);
        Assert.All(rows, r => Assert.Equal("2025-04-01", r["as_of"]));
        Assert.Equal(["female", "male"], rows.Select(r => r["sex"]).Distinct().Order(StringComparer.Ordinal));
        Assert.Equal(PopulationImporter.AgeBands, rows.Select(r => r["age_band"]).Distinct());
    }

    private static List<string> RelativeFiles(string root) =>
        [.. Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(root, f)).Order(StringComparer.Ordinal)];

    [GeneratedRegex("^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$")]
    private static partial Regex UuidPattern();
}
