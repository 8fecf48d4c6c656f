using Microsoft.Extensions.DependencyInjection;
using Workbench.Data.Etl;
using Workbench.Data.Etl.Detection;

namespace Workbench.Tests.Etl;

public sealed class ImportKindDetectorTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("workbench-detect-").FullName;

    /// <summary>The built-in rules, with importers of the given kinds (as if those importers were registered).</summary>
    private static ImportKindDetector Detector(params string[] kinds)
    {
        var rules = new ServiceCollection().AddBuiltInImportKindRules().BuildServiceProvider().GetServices<ImportKindRule>();
        return new ImportKindDetector(rules, kinds.Select(k => new NamedImporter(k)));
    }

    private static readonly string[] EducationKinds = ["oneroster", "xapi", "attendance", "assessment", "districts", "population"];

    private string Write(string name, string content)
    {
        var path = Path.Combine(folder, name);
        File.WriteAllText(path, content);
        return path;
    }

    private Task<string?> DetectAsync(string path, params string[] kinds) => Detector(kinds.Length > 0 ? kinds : EducationKinds).DetectAsync(path, CancellationToken.None);

    [Fact]
    public async Task A_zip_with_a_OneRoster_manifest_is_a_roster()
    {
        Assert.Equal("oneroster", await DetectAsync(SourceFileBuilders.RosterZip(folder)));
    }

    [Fact]
    public async Task A_zip_with_agency_and_stops_is_GTFS_once_a_GTFS_importer_is_registered()
    {
        var feed = SourceFileBuilders.ZipOf(Path.Combine(folder, "feed.zip"), "agency.txt", "stops.txt", "routes.txt", "trips.txt", "stop_times.txt");

        Assert.Null(await DetectAsync(feed));
        Assert.Equal("gtfs", await DetectAsync(feed, [.. EducationKinds, "gtfs"]));
    }

    [Fact]
    public async Task A_zip_with_neither_is_not_recognised()
    {
        Assert.Null(await DetectAsync(SourceFileBuilders.ZipOf(Path.Combine(folder, "other.zip"), "readme.txt"), [.. EducationKinds, "gtfs"]));
    }

    [Theory]
    [InlineData("statements.json", """[{"id":"1","actor":{"mbox":"mailto:a@b"},"verb":{"id":"http://adlnet.gov/expapi/verbs/completed"}}]""")]
    [InlineData("statements.ndjson", "{\"id\":\"1\",\"verb\":{\"id\":\"x\"}}\n{\"id\":\"2\",\"verb\":{\"id\":\"y\"}}\n")]
    public async Task JSON_or_NDJSON_with_a_verb_is_xAPI(string name, string content)
    {
        Assert.Equal("xapi", await DetectAsync(Write(name, content)));
    }

    [Fact]
    public async Task JSON_with_a_resourceType_is_FHIR_not_xAPI()
    {
        var bundle = Write("bundle.json", """{"resourceType":"Bundle","entry":[{"resource":{"resourceType":"Observation","code":{"text":"verb"}}}]}""");

        Assert.Equal("vitals", await DetectAsync(bundle, [.. EducationKinds, "vitals"]));
    }

    [Theory]
    [InlineData("residents", "resident_id,chome_code,sex,birth_date\nR1,332030010,F,1950-04-01\n")]
    [InlineData("consent", "resident_id,scope,status,date\nR1,phr,given,2025-04-01\n")]
    [InlineData("checklist", "resident_id,date,q01,q02,q03,q04,q05,q06,q07,q08,q09,q10,q11,q12,q13,q14,q15,q16,q17,q18,q19,q20,q21,q22,q23,q24,q25,height_cm,weight_kg\n")]
    [InlineData("checkup", "resident_id,date,sex,age,waist_cm,bmi,systolic,diastolic,fasting,fasting_glucose,casual_glucose,hba1c,triglycerides,hdl\n")]
    [InlineData("board-alight", "trip_id,stop_id,stop_sequence,record_use,service_date,boardings,alightings\n")]
    [InlineData("ic-card", "agency_id,date,time,stop_id,route_id,trip_id,boardings,alightings\n")]
    [InlineData("demand-taxi", "trip_id,date,time,area,origin,destination,passengers\n")]
    [InlineData("waste-weighing", "date,truck,route,district,waste_type,kg\n")]
    [InlineData("bulky-waste", "request_id,request_date,collection_date,chome,item,quantity,fee_yen\n")]
    public async Task Health_transit_and_waste_CSV_files_are_told_apart_by_their_columns(string kind, string content)
    {
        Assert.Equal(kind, await DetectAsync(Write(kind + ".csv", content), [.. EducationKinds, "residents", "consent", "checklist", "checkup", "vitals",
            "board-alight", "ic-card", "demand-taxi", "waste-weighing", "bulky-waste"]));
    }

    [Fact]
    public async Task A_GeoJSON_feature_collection_is_districts()
    {
        Assert.Equal("districts", await DetectAsync(Write("chome.json", """{"type":"FeatureCollection","features":[]}""")));
    }

    [Theory]
    [InlineData("a.csv", "userSourcedId,date,status,reason\n", "attendance")]
    [InlineData("a.csv", "\uFEFF\"userSourcedId\",\"date\",\"status\"\r\n", "attendance")]
    [InlineData("tests.csv", "assessmentId,subject,unitId,userSourcedId,score,maxScore,date\n", "assessment")]
    [InlineData("pop.csv", "as_of,chome_code,sex,age_band,population\n", "population")]
    public async Task A_CSV_is_recognised_by_its_columns(string name, string content, string kind)
    {
        Assert.Equal(kind, await DetectAsync(Write(name, content)));
    }

    [Theory]
    [InlineData("a.csv", "name,age\n")]
    [InlineData("notes.txt", "これは取り込みのファイルではありません。")]
    [InlineData("empty.csv", "")]
    [InlineData("picture.png", "\u0089PNG")]
    public async Task Other_files_are_not_recognised(string name, string content)
    {
        Assert.Null(await DetectAsync(Write(name, content)));
    }

    [Fact]
    public async Task A_rule_added_with_one_line_is_tried_after_the_built_in_ones()
    {
        var services = new ServiceCollection().AddBuiltInImportKindRules()
            .AddImportKindRule(ImportKindRule.Csv("weighings", "date", "truck", "kg"));
        var detector = new ImportKindDetector(services.BuildServiceProvider().GetServices<ImportKindRule>(), [.. EducationKinds.Append("weighings").Select(k => new NamedImporter(k))]);

        Assert.Equal("weighings", await detector.DetectAsync(Write("w.csv", "date,truck,route,district,waste_type,kg\n"), CancellationToken.None));
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private sealed class NamedImporter(string kind) : IImporter
    {
        public string Kind => kind;

        public Task ImportAsync(ImportContext context, CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
