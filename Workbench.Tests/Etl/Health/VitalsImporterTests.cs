using System.Globalization;
using Workbench.Data.Etl;
using Workbench.Data.Access;
using Workbench.Data.Etl.Health;
using Workbench.Data.Health;
using Workbench.Domain.Access;
using Workbench.Tests.Support;

namespace Workbench.Tests.Etl.Health;

public class VitalsImporterTests
{
    /// <summary>The HL7 FHIR R4 vital-sign examples (subject Patient/example), read where they are, never copied.</summary>
    private static string Hl7Examples => Path.Combine(TestEnvironment.SharedData, "fhir", "hl7_r4_4.0.1_examples");

    private static string Weight(string resident, string when, double value, string unit = "kg", string system = "http://loinc.org", string code = "29463-7") =>
        "{\"resourceType\":\"Observation\",\"status\":\"final\",\"code\":{\"coding\":[{\"system\":\"" + system + "\",\"code\":\"" + code + "\"}]},"
        + "\"subject\":{\"reference\":\"Patient/" + resident + "\"},\"effectiveDateTime\":\"" + when + "\","
        + "\"valueQuantity\":{\"value\":" + value.ToString(CultureInfo.InvariantCulture) + ",\"system\":\"http://unitsofmeasure.org\",\"code\":\"" + unit + "\"}}";

    private static Task<List<(string Code, double Value, string Unit)>> ReadingsAsync(TempWarehouse warehouse) =>
        HealthFiles.QueryAsync<(string, double, string)>(warehouse, "SELECT code, reading_value, unit FROM fact_phr_reading ORDER BY code, measured_at");

    [SkippableFact]
    public async Task The_HL7_examples_load_for_a_consenting_resident_with_units_converted()
    {
        TestEnvironment.RequireSharedData();
        await using var warehouse = await HealthFiles.WithResidentsAsync(0, "example", "f001");
        await HealthFiles.ConsentAsync(warehouse, ("example", "given", "2025-04-01"));

        var result = await HealthFiles.Import(warehouse, "vitals", Hl7Examples);

        Assert.Equal(ImportStatus.Succeeded, result.Status);
        Assert.Empty(result.Rejects);
        var readings = await ReadingsAsync(warehouse);
        Assert.Contains(("29463-7", 83.9, "kg"), readings);       // 185 [lb_av]
        Assert.Contains(("8302-2", 169.9, "cm"), readings);       // 66.9 [in_i]
        Assert.Contains(("8480-6", 107.0, "mm[Hg]"), readings);   // the blood-pressure panel's components
        Assert.Contains(("8462-4", 60.0, "mm[Hg]"), readings);
        Assert.Contains(("8310-5", 36.5, "Cel"), readings);
        Assert.Contains(("8867-4", 44.0, "/min"), readings);
        Assert.Equal(10, readings.Count);
        // The Patient, the vital-signs panel (members only) and the ECG sampled data are not readings the workbench keeps.
        Assert.Contains("対象外として読み飛ばしました", result.Message, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task The_HL7_examples_are_rejected_for_a_resident_who_withdrew_consent()
    {
        TestEnvironment.RequireSharedData();
        await using var warehouse = await HealthFiles.WithResidentsAsync(0, "example", "f001");
        await HealthFiles.ConsentAsync(warehouse, ("example", "given", "2025-04-01"), ("example", "withdrawn", "2025-05-01"));

        var result = await HealthFiles.Import(warehouse, "vitals", Hl7Examples);

        Assert.Equal(ImportStatus.Refused, result.Status);
        Assert.Equal(9, result.Rejects.Count);
        Assert.All(result.Rejects, r => Assert.StartsWith(VitalsImporter.NoConsent, r.Reason, StringComparison.Ordinal));
        Assert.All(result.Rejects, r => Assert.Equal("exam****", r.MaskedValue));
        Assert.Empty(await ReadingsAsync(warehouse));
    }

    [Fact]
    public async Task NDJSON_with_MEDIS_codes_and_a_bundle_load_and_a_reading_without_consent_is_rejected_as_no_consent()
    {
        await using var warehouse = await HealthFiles.WithResidentsAsync(2);
        await HealthFiles.ConsentAsync(warehouse, (HealthFiles.ResidentId(1), "given", "2025-04-01"));
        var lines = Enumerable.Range(1, 28).Select(d => Weight(HealthFiles.ResidentId(1), FormattableString.Invariant($"2025-06-{d:D2}T07:30:00+09:00"), 60 + (d / 10.0))).ToList();
        lines.Add(Weight(HealthFiles.ResidentId(1), "2025-07-01T07:30:00+09:00", 98.6, "[degF]", "http://jpfhir.jp/fhir/core/CodeSystem/JP_ObservationVitalSignsCode_CS", "31001368"));
        lines.Add(Weight(HealthFiles.ResidentId(2), "2025-07-01T07:30:00+09:00", 61));
        var bundle = "{\"resourceType\":\"Bundle\",\"type\":\"collection\",\"entry\":[{\"resource\":"
            + Weight(HealthFiles.ResidentId(1), "2025-07-02T22:30:00Z", 1650, "mm", "http://jpfhir.jp/fhir/core/CodeSystem/JP_ObservationBodyMeasurementCode_CS", "31000298") + "}]}";
        Directory.CreateDirectory(Path.Combine(warehouse.Directory, "phr"));
        File.WriteAllText(Path.Combine(warehouse.Directory, "phr", "a.ndjson"), string.Join('\n', lines) + "\n");
        File.WriteAllText(Path.Combine(warehouse.Directory, "phr", "b.json"), bundle);

        var result = await HealthFiles.Import(warehouse, "vitals", Path.Combine(warehouse.Directory, "phr"));

        Assert.Equal(ImportStatus.Succeeded, result.Status);
        var reject = Assert.Single(result.Rejects);
        Assert.Equal(("a.ndjson", 30L, "subject"), (reject.SourcePart, reject.LineNumber, reject.FieldName!));
        Assert.StartsWith("no consent", reject.Reason, StringComparison.Ordinal);
        var readings = await ReadingsAsync(warehouse);
        Assert.Equal(30, readings.Count);
        Assert.Contains(("8310-5", 37.0, "Cel"), readings);   // 98.6 [degF], MEDIS 体温
        Assert.Contains(("8302-2", 165.0, "cm"), readings);   // 1650 mm, MEDIS 身長
        var measuredAt = await HealthFiles.QueryAsync<DateTime>(warehouse, "SELECT measured_at FROM fact_phr_reading WHERE code = '8302-2'");
        Assert.Equal(new DateTime(2025, 7, 3, 7, 30, 0), Assert.Single(measuredAt)); // UTC 22:30 is 07:30 the next day in Japan
    }

    [Fact]
    public async Task What_the_importer_loads_is_what_health_staff_see_and_a_withdrawal_hides_it()
    {
        await using var warehouse = await HealthFiles.WithResidentsAsync(2);
        await HealthFiles.ConsentAsync(warehouse, (HealthFiles.ResidentId(1), "given", "2025-04-01"), (HealthFiles.ResidentId(2), "given", "2025-04-01"));
        var file = warehouse.WriteFile("a.ndjson", string.Concat(Enumerable.Range(1, 2).Select(n =>
            Weight(HealthFiles.ResidentId(n), "2025-06-01T07:00:00+09:00", 185, "[lb_av]") + "\n")));
        await HealthFiles.Import(warehouse, "vitals", file);
        var users = warehouse.Get<AppUserStore>();
        await users.CreateAsync("nurse", "保健 師", null, null, [WorkbenchRoles.HealthStaff], CancellationToken.None);
        await users.AddScopeAsync(new UserScopeRow("nurse", "area", "kume"), CancellationToken.None);
        var nurse = new Caller("nurse", new HashSet<string>(StringComparer.Ordinal) { WorkbenchRoles.HealthStaff });
        var phr = warehouse.Get<PhrReadingQueries>();

        var before = await phr.ReadingsAsync(nurse, 20250401, 20260331, CancellationToken.None);
        await HealthFiles.ConsentAsync(warehouse, (HealthFiles.ResidentId(2), "withdrawn", "2025-09-01"));
        var after = await phr.ReadingsAsync(nurse, 20250401, 20260331, CancellationToken.None);

        Assert.Equal(2, before.Count);
        Assert.All(before, r => Assert.Equal(("29463-7", 83.9, "kg", new DateTime(2025, 6, 1, 7, 0, 0)), (r.Code, r.ReadingValue, r.Unit, r.MeasuredAt)));
        var remaining = Assert.Single(after);
        Assert.Equal(warehouse.Get<Pseudonymiser>().Of("tsuyama-resident", HealthFiles.ResidentId(1)), remaining.ResidentKey);
    }

    [Fact]
    public async Task Re_importing_changes_nothing_and_a_resent_reading_replaces_the_same_moment()
    {
        await using var warehouse = await HealthFiles.WithResidentsAsync(1);
        await HealthFiles.ConsentAsync(warehouse, (HealthFiles.ResidentId(1), "given", "2025-04-01"));
        var original = warehouse.WriteFile("a.ndjson", Weight(HealthFiles.ResidentId(1), "2025-06-01T07:00:00+09:00", 60) + "\n" + Weight(HealthFiles.ResidentId(1), "2025-06-02T07:00:00+09:00", 61) + "\n");

        var first = await HealthFiles.Import(warehouse, "vitals", original);
        var again = await HealthFiles.Import(warehouse, "vitals", original);
        var resent = await HealthFiles.Import(warehouse, "vitals", warehouse.WriteFile("b.ndjson", Weight(HealthFiles.ResidentId(1), "2025-06-01T07:00:00+09:00", 59.5) + "\n"));

        Assert.Equal((ImportStatus.Succeeded, ImportStatus.AlreadyImported, ImportStatus.Succeeded), (first.Status, again.Status, resent.Status));
        Assert.Equal([("29463-7", 59.5, "kg"), ("29463-7", 61.0, "kg")], await ReadingsAsync(warehouse));
    }

    [Fact]
    public async Task A_file_broken_half_way_loads_nothing()
    {
        await using var warehouse = await HealthFiles.WithResidentsAsync(1);
        await HealthFiles.ConsentAsync(warehouse, (HealthFiles.ResidentId(1), "given", "2025-04-01"));
        var good = Weight(HealthFiles.ResidentId(1), "2025-06-01T07:00:00+09:00", 60);
        var file = warehouse.WriteFile("a.json", "[\n" + good + ",\n" + good.Replace("2025-06-01", "2025-06-02", StringComparison.Ordinal) + ",\n{\"resourceType\": \"Observation\", \"status\": \n");

        var result = await HealthFiles.Import(warehouse, "vitals", file);

        Assert.Equal(ImportStatus.Failed, result.Status);
        Assert.Empty(await ReadingsAsync(warehouse));
    }
}
