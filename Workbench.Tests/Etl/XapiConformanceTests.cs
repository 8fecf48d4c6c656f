using Dapper;
using Workbench.Data.Etl;
using Workbench.Data.Warehouse;
using Workbench.Tests.Support;

namespace Workbench.Tests.Etl;

/// <summary>One warehouse for the conformance cases, with a roster whose first pupil has the ADL test actor's address.</summary>
public sealed class ConformanceWarehouse : IAsyncLifetime
{
    public const string AdlAddress = "xapi@adlnet.gov";

    public TempWarehouse Warehouse { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Warehouse = await TempWarehouse.CreateAsync();
        var roster = RosterFiles.Write(Path.Combine(Warehouse.Directory, "roster"), pupils: 3, emailOf: n => n == 1 ? AdlAddress : RosterFiles.PupilEmail(n));
        await Warehouse.Get<EtlPipeline>().ImportAsync("oneroster", roster, "test", null, CancellationToken.None);
    }

    public async Task DisposeAsync() => await Warehouse.DisposeAsync();
}

/// <summary>
/// The ADL LRS conformance statements (xAPI 1.0.3) in ../shared/data, read where they lie. Each file is imported twice:
/// as a client sends it (none of them has a timestamp, so even a well-formed one is rejected for that), and as an
/// LRS export holds it, with the <c>stored</c> time the LRS adds (then the well-formed ones load, their
/// <c>mailto:xapi@adlnet.gov</c> actor being a pupil of the roster). Every file has its expected outcome here.
/// </summary>
public class XapiConformanceTests(ConformanceWarehouse fixture) : IClassFixture<ConformanceWarehouse>
{
    private const string Loaded = "loaded";
    private const string Voided = "voided";
    private const string NoTimestamp = "日時（timestamp）がなく";
    private const string NotAnActivity = "学習活動（Activity）ではなく";

    private static string Folder => Path.Combine(TestEnvironment.SharedData, "xapi", "adl_lrs_conformance_v1_0_3_statements");

    public static TheoryData<string, string, string> Cases => new()
    {
        { "actor.json", "識別子（account・mbox・mbox_sha1sum）がありません", "識別子（account・mbox・mbox_sha1sum）がありません" },
        { "attachment.json", NoTimestamp, Loaded },
        { "authority.json", NoTimestamp, Loaded },
        { "context.json", NoTimestamp, Loaded },
        { "context_sans_objectType.json", NoTimestamp, Loaded },
        { "default.json", NoTimestamp, Loaded },
        { "multiple_actor.json", "同じ項目「actor」が2回あります", "同じ項目「actor」が2回あります" },
        { "no_actor.json", "行為者（actor）がありません", "行為者（actor）がありません" },
        { "no_object.json", "目的（object）がありません", "目的（object）がありません" },
        { "no_verb.json", "動詞（verb）がありません", "動詞（verb）がありません" },
        { "object_activity.json", "学習活動（object）に id がありません", "学習活動（object）に id がありません" },
        { "object_actor.json", NotAnActivity + " Agent", NotAnActivity + " Agent" },
        { "object_agent_default.json", NotAnActivity + " Agent", NotAnActivity + " Agent" },
        { "object_group_default.json", NotAnActivity + " Group", NotAnActivity + " Group" },
        { "object_statementref.json", "取り消し（voided）のときだけ", "取り消し（voided）のときだけ" },
        { "object_statementref_no_id.json", "取り消し（voided）のときだけ", "取り消し（voided）のときだけ" },
        { "object_substatement.json", NotAnActivity + " SubStatement", NotAnActivity + " SubStatement" },
        { "object_substatement_default.json", NotAnActivity + " SubStatement", NotAnActivity + " SubStatement" },
        { "result.json", NoTimestamp, Loaded },
        { "unicode.json", NoTimestamp, Loaded },
        { "verb.json", "動詞（verb）に id がありません", "動詞（verb）に id がありません" },
        { "voiding.json", Voided, Voided },
    };

    [SkippableFact]
    public void Every_conformance_file_has_an_expected_outcome()
    {
        TestEnvironment.RequireSharedData();

        var files = Directory.EnumerateFiles(Folder).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();

        Assert.Equal(22, files.Count);
        Assert.Equal(files, Cases.Select(c => (string)c[0]).Order(StringComparer.Ordinal));
    }

    [SkippableTheory]
    [MemberData(nameof(Cases))]
    public async Task Each_conformance_statement_loads_or_is_rejected_with_its_reason(string file, string asSent, string asStored)
    {
        TestEnvironment.RequireSharedData();
        var original = Path.Combine(Folder, file);
        var stored = Path.Combine(fixture.Warehouse.Directory, "stored-" + file);
        var text = (await File.ReadAllTextAsync(original)).TrimStart();
        await File.WriteAllTextAsync(stored, "{\"stored\": \"2025-06-02T01:15:00.000Z\", " + text[1..]);

        await AssertOutcomeAsync(original, asSent);
        await AssertOutcomeAsync(stored, asStored);
    }

    [SkippableFact]
    public async Task The_unicode_statement_keeps_its_Japanese_name_as_the_unit_title()
    {
        TestEnvironment.RequireSharedData();
        var stored = Path.Combine(fixture.Warehouse.Directory, "unicode-stored.json");
        await File.WriteAllTextAsync(stored, "{\"stored\": \"2025-06-03T01:15:00.000Z\", " + (await File.ReadAllTextAsync(Path.Combine(Folder, "unicode.json"))).TrimStart()[1..]);

        await fixture.Warehouse.Get<EtlPipeline>().ImportAsync("xapi", stored, "test", null, CancellationToken.None);

        await using var connection = await fixture.Warehouse.Get<IWarehouseConnectionFactory>().OpenAsync(CancellationToken.None);
        Assert.Equal("出席した", await connection.QuerySingleAsync<string>("SELECT unit_title FROM dim_learning_unit WHERE unit_key = 'http://www.example.com/unicode'"));
    }

    private async Task AssertOutcomeAsync(string path, string expected)
    {
        var result = await fixture.Warehouse.Get<EtlPipeline>().ImportAsync("xapi", path, "test", null, CancellationToken.None);
        var facts = result.Tables.GetValueOrDefault("fact_learning_activity");
        var voids = result.Tables.GetValueOrDefault("xapi_voided_statement");
        switch (expected)
        {
            case Loaded:
                Assert.True(result.Status == ImportStatus.Succeeded, result.Message);
                Assert.Empty(result.Rejects);
                Assert.Equal(1, facts?.Loaded);
                break;
            case Voided:
                Assert.True(result.Status == ImportStatus.Succeeded, result.Message);
                Assert.Empty(result.Rejects);
                Assert.Equal((1L, 0L), (voids?.Read ?? 0, facts?.Read ?? 0));
                await using (var connection = await fixture.Warehouse.Get<IWarehouseConnectionFactory>().OpenAsync(CancellationToken.None))
                {
                    Assert.Equal(1, await connection.QuerySingleAsync<long>("SELECT count(*) FROM xapi_voided_statement WHERE voided_statement_id = '8f87ccde-bb56-4c2e-ab83-44982ef22df0'"));
                }

                break;
            default:
                Assert.Equal(ImportStatus.Refused, result.Status); // its only statement was rejected
                var reject = Assert.Single(result.Rejects);
                Assert.Equal(1, reject.LineNumber);
                Assert.Contains(expected, reject.Reason, StringComparison.Ordinal);
                break;
        }
    }
}
