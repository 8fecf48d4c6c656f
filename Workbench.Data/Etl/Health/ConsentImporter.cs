namespace Workbench.Data.Etl.Health;

/// <summary>
/// Consent records, one row per decision: <c>resident_id,scope,status,date</c>, status <c>given</c> or
/// <c>withdrawn</c> (同意・撤回 are read too). The records are history; a resident's current consent for a scope is
/// the latest record (etl/phr_consenting_residents, health/phr_readings), so a withdrawal stops person-level use at once.
/// </summary>
public sealed class ConsentImporter : IImporter
{
    public const string Table = "consent";
    private static readonly string[] Required = ["resident_id", "scope", "status", "date"];
    private static readonly string[] Columns = ["resident_key", "consent_scope", "consent_status", "recorded_on", "batch_id"];

    /// <summary>The scopes a resident can consent to: PHR readings from the health app.</summary>
    private static readonly HashSet<string> Scopes = [HealthValues.PhrScope];

    public string Kind => "consent";

    public async Task ImportAsync(ImportContext context, CancellationToken cancellationToken)
    {
        var residents = (await context.QueryAsync<string>("etl/known_residents", null, cancellationToken)).ToHashSet(StringComparer.Ordinal);
        using var csv = CsvSource.Open(context.SourcePath, Required);
        context.Table(Table).Loaded = await context.StageAsync("stage_" + Table, Columns, Rows(csv, context, residents), cancellationToken);
        await context.ExecuteAsync("etl/consent_merge", null, cancellationToken);
    }

    private static IEnumerable<object?[]> Rows(CsvSource csv, ImportContext context, HashSet<string> residents)
    {
        var today = DateOnly.FromDateTime(context.Time.GetLocalNow().DateTime);
        var seen = new HashSet<(string, string, DateOnly)>();
        while (csv.Read())
        {
            context.RowRead(Table);
            var line = csv.LineNumber;
            var reject = (string field, string reason, string? value) => context.Reject(Table, csv.PartName, line, field, reason, value);

            var residentId = csv.Get("resident_id");
            if (HealthValues.KnownResident(context, residentId, residents) is not { } resident)
            {
                reject("resident_id", HealthValues.UnknownResident, SourceValues.MaskId(residentId));
                continue;
            }

            var scope = csv.Get("scope")?.ToLowerInvariant();
            if (scope is null || !Scopes.Contains(scope))
            {
                reject("scope", $"同意の範囲が不明です（{string.Join("・", Scopes)}）。", csv.Get("scope"));
                continue;
            }

            var status = csv.Get("status")?.ToLowerInvariant() switch
            {
                "given" or "同意" => "given",
                "withdrawn" or "撤回" => "withdrawn",
                _ => null,
            };
            if (status is null)
            {
                reject("status", "同意の状態が不明です（given・withdrawn、または 同意・撤回）。", csv.Get("status"));
                continue;
            }

            var date = SourceValues.ParseDate(csv.Get("date"));
            if (date is null || date > today)
            {
                reject("date", "日付の形式が正しくないか、未来の日付です（例: 2025-06-01）。", csv.Get("date"));
                continue;
            }

            if (!seen.Add((resident, scope, date.Value)))
            {
                reject("date", "同じ住民・範囲・日付の記録がこのファイルに2回あります。", csv.Get("date"));
                continue;
            }

            yield return [resident, scope, status, date.Value, context.BatchId];
        }
    }
}
