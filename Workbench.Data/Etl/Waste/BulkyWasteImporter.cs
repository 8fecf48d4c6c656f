using System.Globalization;
using Workbench.Domain.Calendar;

namespace Workbench.Data.Etl.Waste;

/// <summary>
/// 粗大ごみ collection requests CSV: <c>request_id,request_date,collection_date,chome,item,quantity,fee_yen</c>. The 町丁
/// is a code or a name unique in the city; its 中学校区 comes from the master. Who asked (name, phone, address) is never
/// read: the warehouse needs the place and the items only. A corrected file replaces the same request.
/// </summary>
public sealed class BulkyWasteImporter : IImporter
{
    public const string Table = "bulky_waste";
    private static readonly string[] Required = ["request_id", "request_date", "chome", "item", "quantity", "fee_yen"];
    private static readonly string[] Columns = ["request_key", "date_key", "collection_date_key", "chome_code", "district_code", "item_name", "quantity", "fee_yen", "batch_id"];

    public string Kind => "bulky-waste";

    public async Task ImportAsync(ImportContext context, CancellationToken cancellationToken)
    {
        await context.ExecuteAsync("etl/transit_waste_stage_clear", null, cancellationToken);
        var places = await CityPlaces.LoadAsync(context, cancellationToken);
        using var csv = CsvSource.Open(context.SourcePath, Required);
        context.Table(Table).Loaded = await context.StageAsync("stage_fact_bulky_waste_request", Columns, Rows(csv, context, places), cancellationToken);
        await context.ExecuteAsync("etl/bulky_waste_request_merge", null, cancellationToken);
    }

    private static IEnumerable<object?[]> Rows(CsvSource csv, ImportContext context, CityPlaces places)
    {
        var today = DateOnly.FromDateTime(context.Time.GetLocalNow().DateTime);
        while (csv.Read())
        {
            context.RowRead(Table);
            var id = csv.Get("request_id");
            if (id is null)
            {
                context.Reject(Table, csv.PartName, csv.LineNumber, "request_id", "受付番号（request_id）が空です。");
                continue;
            }

            var requested = SourceValues.ParseDate(csv.Get("request_date"));
            if (requested is null || requested > today)
            {
                context.Reject(Table, csv.PartName, csv.LineNumber, "request_date", "受付日は過去の日付です（例: 2025-04-07）。", csv.Get("request_date"));
                continue;
            }

            var collectionText = csv.Get("collection_date");
            var collected = SourceValues.ParseDate(collectionText);
            if (collectionText is not null && (collected is null || collected < requested))
            {
                context.Reject(Table, csv.PartName, csv.LineNumber, "collection_date", "収集日は受付日以後の日付です。", collectionText);
                continue;
            }

            var chome = places.Chome(csv.Get("chome"));
            if (chome is null)
            {
                context.Reject(Table, csv.PartName, csv.LineNumber, "chome", "町丁のコードまたは名前が不明か、同じ名前の町丁が複数あります（コードで指定してください）。", csv.Get("chome"));
                continue;
            }

            var item = csv.Get("item");
            if (item is null)
            {
                context.Reject(Table, csv.PartName, csv.LineNumber, "item", "品目（item）が空です。");
                continue;
            }

            if (!short.TryParse(csv.Get("quantity"), NumberStyles.None, CultureInfo.InvariantCulture, out var quantity) || quantity is < 1 or > 99)
            {
                context.Reject(Table, csv.PartName, csv.LineNumber, "quantity", "点数は 1〜99 の整数です。", csv.Get("quantity"));
                continue;
            }

            if (!int.TryParse(csv.Get("fee_yen"), NumberStyles.None, CultureInfo.InvariantCulture, out var fee) || fee > 100_000)
            {
                context.Reject(Table, csv.PartName, csv.LineNumber, "fee_yen", "手数料（円）は 0〜100,000 の整数です。", csv.Get("fee_yen"));
                continue;
            }

            yield return
            [
                "bulky:" + id, FiscalCalendar.DateKeyOf(requested.Value), collected is null ? null : FiscalCalendar.DateKeyOf(collected.Value),
                chome.ChomeCode, chome.DistrictCode, item, quantity, fee, context.BatchId,
            ];
        }
    }
}
