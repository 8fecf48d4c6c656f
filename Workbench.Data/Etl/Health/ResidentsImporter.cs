namespace Workbench.Data.Etl.Health;

/// <summary>
/// The resident register, one row per resident: <c>resident_id,chome_code,sex,birth_date</c> (other columns, such as
/// <c>household_id</c>, are ignored). Fills dim_resident, which the health facts and the PHR view join for the
/// resident's 町丁; the districts must be in first. A newer register file updates the same residents.
/// </summary>
public sealed class ResidentsImporter : IImporter
{
    public const string Table = "dim_resident";
    private static readonly string[] Required = ["resident_id", "chome_code", "sex", "birth_date"];
    private static readonly string[] Columns = ["resident_key", "chome_code", "sex", "birth_year", "batch_id"];

    public string Kind => "residents";

    public async Task ImportAsync(ImportContext context, CancellationToken cancellationToken)
    {
        var chome = (await context.QueryAsync<string>("etl/known_chome", null, cancellationToken)).ToHashSet(StringComparer.Ordinal);
        using var csv = CsvSource.Open(context.SourcePath, Required);
        context.Table(Table).Loaded = await context.StageAsync("stage_" + Table, Columns, Rows(csv, context, chome), cancellationToken);
        await context.ExecuteAsync("etl/residents_merge", null, cancellationToken);
    }

    private static IEnumerable<object?[]> Rows(CsvSource csv, ImportContext context, HashSet<string> chome)
    {
        var today = DateOnly.FromDateTime(context.Time.GetLocalNow().DateTime);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (csv.Read())
        {
            context.RowRead(Table);
            var line = csv.LineNumber;
            var reject = (string field, string reason, string? value) => context.Reject(Table, csv.PartName, line, field, reason, value);

            var residentId = csv.Get("resident_id");
            if (residentId is null)
            {
                reject("resident_id", "住民の ID がありません。", null);
                continue;
            }

            if (!seen.Add(residentId))
            {
                reject("resident_id", "同じ住民がこのファイルに2回あります。", SourceValues.MaskId(residentId));
                continue;
            }

            var chomeCode = csv.Get("chome_code");
            if (chomeCode is null || !chome.Contains(chomeCode))
            {
                reject("chome_code", "町丁・字のコードが地区にありません。先に districts を取り込んでください。", chomeCode);
                continue;
            }

            var sex = HealthValues.Sex(csv.Get("sex"));
            if (sex is null)
            {
                reject("sex", "性別が不明です（male・female・男・女のいずれか）。", csv.Get("sex"));
                continue;
            }

            var birth = SourceValues.ParseDate(csv.Get("birth_date"));
            if (birth is null || birth > today || birth.Value.Year < 1890)
            {
                // A birth date identifies a person: masked.
                reject("birth_date", "生年月日の形式が正しくないか、ありえない日付です（例: 1950-04-01）。", SourceValues.MaskSensitive(csv.Get("birth_date")));
                continue;
            }

            yield return [HealthValues.ResidentKey(context, residentId), chomeCode, sex, (short)birth.Value.Year, context.BatchId];
        }
    }
}
