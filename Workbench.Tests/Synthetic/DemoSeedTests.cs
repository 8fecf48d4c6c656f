using System.Globalization;
using System.Text.Json;
using Workbench.Data.Synthetic;

namespace Workbench.Tests.Synthetic;

/// <summary>One demo-scale run for the whole class (it takes a few seconds), deleted afterwards.</summary>
public sealed class DemoSeedFixture : IDisposable
{
    public DemoSeedFixture()
    {
        Folder = new GeneratedFolder(SeedScale.Demo);
        Users = [.. Csv.Rows(Folder.OneRoster("users.csv"))];
        Orgs = [.. Csv.Rows(Folder.OneRoster("orgs.csv"))];
        Students = Users.Where(u => u["username"].StartsWith('s')).ToList();
    }

    public GeneratedFolder Folder { get; }

    public List<Dictionary<string, string>> Users { get; }

    public List<Dictionary<string, string>> Students { get; }

    public List<Dictionary<string, string>> Orgs { get; }

    public void Dispose() => Folder.Dispose();
}

public class DemoSeedTests(DemoSeedFixture demo) : IClassFixture<DemoSeedFixture>
{
    /// <summary>schools.csv as the facts give it: name → pupils (岡山県 学校基本調査, 2019).</summary>
    private static readonly Dictionary<string, int> RealPupils = File.ReadLines(Path.Combine(Support.TestEnvironment.RepoRoot, "Workbench.Data", "Synthetic", "Facts", "schools.csv"))
        .Skip(1)
        .Select(line => line.Split(','))
        .ToDictionary(cells => cells[1], cells => cells[3..9].Where(c => c.Length > 0).Sum(c => int.Parse(c, CultureInfo.InvariantCulture)));

    [Fact]
    public void The_35_real_schools_are_orgs_under_the_board_of_education()
    {
        var district = Assert.Single(demo.Orgs, o => o["type"] == "district");
        Assert.Equal("津山市教育委員会", district["name"]);
        Assert.Equal(string.Empty, district["parentSourcedId"]);

        var schools = demo.Orgs.Where(o => o["type"] == "school").ToList();
        Assert.Equal(RealPupils.Keys.Order(StringComparer.Ordinal), schools.Select(s => s["name"]).Order(StringComparer.Ordinal));
        Assert.All(schools, s =>
        {
            Assert.Matches("^[A-H][12][0-4][0-9][123][0-9]{7}[0-9]$", s["identifier"]);
            Assert.Equal(district["sourcedId"], s["parentSourcedId"]);
        });
    }

    [Fact]
    public void Pupils_per_school_are_within_5_percent_of_the_real_figures()
    {
        var names = demo.Orgs.ToDictionary(o => o["sourcedId"], o => o["name"]);
        var homerooms = Csv.Rows(demo.Folder.OneRoster("classes.csv")).Where(c => c["classType"] == "homeroom").Select(c => c["sourcedId"]).ToHashSet();
        var enrolled = Csv.Rows(demo.Folder.OneRoster("enrollments.csv"))
            .Where(e => e["role"] == "student" && homerooms.Contains(e["classSourcedId"]))
            .GroupBy(e => names[e["schoolSourcedId"]])
            .ToDictionary(g => g.Key, g => g.Count());
        var users = demo.Students.GroupBy(u => names[u["primaryOrgSourcedId"]]).ToDictionary(g => g.Key, g => g.Count());

        foreach (var (school, real) in RealPupils)
        {
            Assert.InRange(enrolled[school], real * 0.95, real * 1.05);
            Assert.InRange(users[school], real * 0.95, real * 1.05);
        }
    }

    [Fact]
    public void Residents_add_up_to_the_register_within_1_percent_and_the_population_file_agrees()
    {
        var residents = Csv.Rows(demo.Folder.Sources.ResidentsFile).Count();
        var population = Csv.Rows(demo.Folder.Sources.PopulationFile).Sum(r => int.Parse(r["population"], CultureInfo.InvariantCulture));

        Assert.InRange(residents, 99_994 * 0.99, 99_994 * 1.01);
        Assert.Equal(residents, population);
    }

    [Fact]
    public void Residents_aged_65_and_over_are_29_to_33_percent()
    {
        var asOf = new DateOnly(2025, 4, 1);
        var total = 0;
        var old = 0;
        foreach (var resident in Csv.Rows(demo.Folder.Sources.ResidentsFile))
        {
            var birth = DateOnly.Parse(resident["birth_date"], CultureInfo.InvariantCulture);
            var age = asOf.Year - birth.Year - (birth > asOf.AddYears(-(asOf.Year - birth.Year)) ? 1 : 0);
            total++;
            old += age >= 65 ? 1 : 0;
        }

        Assert.InRange(old / (double)total, 0.29, 0.33);
    }

    [Fact]
    public void Every_attendance_row_belongs_to_a_student_of_the_roster()
    {
        var students = demo.Students.Select(u => u["sourcedId"]).ToHashSet();
        var rows = 0;
        foreach (var row in Csv.Rows(demo.Folder.Sources.AttendanceFiles[0]))
        {
            Assert.Contains(row["userSourcedId"], students);
            rows++;
        }

        Assert.InRange(rows, students.Count * 150, students.Count * 215);
    }

    [Fact]
    public void Every_xapi_actor_is_the_userMasterIdentifier_of_a_student()
    {
        var masters = demo.Students.Select(u => u["userMasterIdentifier"]).ToHashSet();
        var statements = 0;
        foreach (var line in File.ReadLines(demo.Folder.Sources.XapiFiles[0]))
        {
            using var statement = JsonDocument.Parse(line);
            var name = statement.RootElement.GetProperty("actor").GetProperty("account").GetProperty("name").GetString();
            Assert.Contains(name!, masters);
            statements++;
        }

        Assert.InRange(statements, 300_000, 600_000);
    }

    [Fact]
    public void Some_pupils_become_long_term_absent_more_often_in_junior_high()
    {
        var grades = demo.Students.ToDictionary(u => u["sourcedId"], u => u["grades"][0]);
        var absences = new Dictionary<string, int>();
        foreach (var row in Csv.Rows(demo.Folder.Sources.AttendanceFiles[0]).Where(r => r["status"] == "欠席"))
        {
            absences[row["userSourcedId"]] = absences.GetValueOrDefault(row["userSourcedId"]) + 1;
        }

        double LongShare(char school) =>
            grades.Count(g => g.Value == school && absences.GetValueOrDefault(g.Key) >= 30) / (double)grades.Count(g => g.Value == school);

        var overall = absences.Count(a => a.Value >= 30) / (double)grades.Count;
        Assert.InRange(overall, 0.015, 0.04);
        Assert.True(LongShare('J') > LongShare('P'), "Junior-high pupils should be long-term absent more often.");
    }

    [Fact]
    public void The_district_map_has_the_8_中学校区_and_the_237_町丁()
    {
        using var districts = JsonDocument.Parse(File.ReadAllBytes(demo.Folder.Sources.DistrictsGeoJson));
        using var chome = JsonDocument.Parse(File.ReadAllBytes(demo.Folder.Sources.ChomeGeoJson));

        var features = districts.RootElement.GetProperty("features").EnumerateArray().ToList();
        Assert.Equal(8, features.Count);
        Assert.All(features, f =>
        {
            Assert.Equal("district", f.GetProperty("properties").GetProperty("level").GetString());
            Assert.Contains(f.GetProperty("geometry").GetProperty("type").GetString(), new[] { "Polygon", "MultiPolygon" });
        });
        Assert.Equal(237, chome.RootElement.GetProperty("features").GetArrayLength());
    }
}
