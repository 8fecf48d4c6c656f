using Workbench.Data.Etl;
using Workbench.Data.Warehouse;
using Workbench.Tests.Support;

namespace Workbench.Tests.Etl.Health;

public class ResidentsAndConsentImporterTests
{
    private const string ConsentHeader = "resident_id,scope,status,date\n";

    private static async Task<List<string>> ConsentingAsync(TempWarehouse warehouse) =>
        await HealthFiles.QueryAsync<string>(warehouse, warehouse.Get<SqlCatalogue>()["etl/phr_consenting_residents"]);

    [Fact]
    public async Task The_register_loads_pseudonymised_with_its_町丁_and_birth_year()
    {
        await using var warehouse = await HealthFiles.WithResidentsAsync(25);

        var rows = await HealthFiles.QueryAsync<(string Key, string Chome, short BirthYear)>(warehouse, "SELECT resident_key, chome_code, birth_year FROM dim_resident");

        Assert.Equal(25, rows.Count);
        Assert.All(rows, r => Assert.Equal((HealthFiles.Chome, (short)1950), (r.Chome, r.BirthYear)));
        Assert.All(rows, r => Assert.Matches("^[0-9a-f]{32}$", r.Key));
    }

    [Fact]
    public async Task A_resident_in_an_unknown_町丁_is_rejected_and_the_same_register_again_changes_nothing()
    {
        await using var warehouse = await HealthFiles.WithResidentsAsync(0);
        var rows = string.Concat(Enumerable.Range(1, 25).Select(n => $"{HealthFiles.ResidentId(n)},{HealthFiles.Chome},male,1960-01-0{1 + (n % 9)}\n"));
        var file = warehouse.WriteFile("r.csv", "resident_id,chome_code,sex,birth_date\n" + rows + "R9999999,999999999,male,1960-01-01\n");

        var first = await HealthFiles.Import(warehouse, "residents", file);
        var again = await HealthFiles.Import(warehouse, "residents", file);

        Assert.Equal(ImportStatus.Succeeded, first.Status);
        var reject = Assert.Single(first.Rejects);
        Assert.Equal((27L, "chome_code"), (reject.LineNumber, reject.FieldName!));
        Assert.Equal(ImportStatus.AlreadyImported, again.Status);
        Assert.Equal(25, (await HealthFiles.QueryAsync<string>(warehouse, "SELECT resident_key FROM dim_resident")).Count);
    }

    [Fact]
    public async Task The_current_consent_is_the_latest_record_per_resident_and_scope()
    {
        await using var warehouse = await HealthFiles.WithResidentsAsync(3);
        var pseudonyms = warehouse.Get<Pseudonymiser>();

        await HealthFiles.ConsentAsync(warehouse,
            (HealthFiles.ResidentId(1), "given", "2025-04-01"),
            (HealthFiles.ResidentId(2), "given", "2025-04-01"), (HealthFiles.ResidentId(2), "withdrawn", "2025-09-30"),
            (HealthFiles.ResidentId(3), "withdrawn", "2025-04-01"), (HealthFiles.ResidentId(3), "同意", "2025-10-01"));

        Assert.Equal(
            new[] { 1, 3 }.Select(n => pseudonyms.Of("tsuyama-resident", HealthFiles.ResidentId(n))).Order(StringComparer.Ordinal),
            (await ConsentingAsync(warehouse)).Order(StringComparer.Ordinal));

        // A later file withdraws resident 1: the history is kept and the current consent follows the latest record.
        await HealthFiles.ConsentAsync(warehouse, (HealthFiles.ResidentId(1), "withdrawn", "2025-11-20"));
        Assert.Equal([pseudonyms.Of("tsuyama-resident", HealthFiles.ResidentId(3))], await ConsentingAsync(warehouse));
        Assert.Equal(6, (await HealthFiles.QueryAsync<string>(warehouse, "SELECT consent_status FROM consent")).Count);
    }

    [Fact]
    public async Task The_same_consent_file_again_changes_nothing_and_a_corrected_file_replaces_that_days_record()
    {
        await using var warehouse = await HealthFiles.WithResidentsAsync(2);
        var file = warehouse.WriteFile("c.csv", ConsentHeader + $"{HealthFiles.ResidentId(1)},phr,given,2025-04-01\n{HealthFiles.ResidentId(2)},phr,given,2025-04-01\n");

        var first = await HealthFiles.Import(warehouse, "consent", file);
        var again = await HealthFiles.Import(warehouse, "consent", file);
        var corrected = await HealthFiles.Import(warehouse, "consent", warehouse.WriteFile("d.csv", ConsentHeader + $"{HealthFiles.ResidentId(2)},phr,withdrawn,2025-04-01\n"));

        Assert.Equal((ImportStatus.Succeeded, 2L, ImportStatus.AlreadyImported, ImportStatus.Succeeded), (first.Status, first.RowsLoaded, again.Status, corrected.Status));
        Assert.Equal(["given", "withdrawn"], (await HealthFiles.QueryAsync<string>(warehouse, "SELECT consent_status FROM consent ORDER BY consent_status")).ToArray());
        Assert.Single(await ConsentingAsync(warehouse));
    }

    [Fact]
    public async Task Bad_consent_rows_are_rejected_with_reasons_and_too_many_refuse_the_whole_file()
    {
        await using var warehouse = await HealthFiles.WithResidentsAsync(3);
        var file = warehouse.WriteFile("c.csv", ConsentHeader
            + $"{HealthFiles.ResidentId(1)},phr,given,2025-04-01\n"
            + $"{HealthFiles.ResidentId(2)},phr,maybe,2025-04-01\n"
            + $"{HealthFiles.ResidentId(3)},marketing,given,2025-04-01\n"
            + "R7777777,phr,given,2025-04-01\n");

        var result = await HealthFiles.Import(warehouse, "consent", file);

        Assert.Equal(ImportStatus.Refused, result.Status);
        Assert.Equal([(3L, "status"), (4L, "scope"), (5L, "resident_id")], result.Rejects.Select(r => (r.LineNumber, r.FieldName!)).ToList());
        Assert.Equal("R777****", result.Rejects[2].MaskedValue);
        Assert.Empty(await HealthFiles.QueryAsync<string>(warehouse, "SELECT consent_status FROM consent"));
    }
}
