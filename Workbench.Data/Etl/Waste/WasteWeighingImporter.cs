using System.Globalization;
using Workbench.Domain.Calendar;

namespace Workbench.Data.Etl.Waste;

/// <summary>
/// Garbage-truck weighings CSV from the weighbridge: <c>date,truck,route,district,waste_type,kg</c> and an optional
/// <c>ticket</c> (計量票番号) when a truck weighs twice a day on the same route. District is the 中学校区 code or name;
/// waste types are 可燃・不燃・資源・粗大 (a trailing ごみ is accepted). A corrected file replaces the same weighing.
/// </summary>
public sealed class WasteWeighingImporter : IImporter
{
    public const string Table = "waste_weighing";

    /// <summary>No packer truck carries more than this in one load; a larger figure is a keying error.</summary>
    public const double MaxLoadKg = 20_000;

    public static readonly IReadOnlySet<string> WasteTypes = new HashSet<string>(StringComparer.Ordinal) { "可燃", "不燃", "資源", "粗大" };
    private static readonly string[] Required = ["date", "truck", "route", "district", "waste_type", "kg"];
    private static readonly string[] Columns = ["record_key", "date_key", "truck_id", "collection_route", "district_code", "waste_type", "weight_kg", "batch_id"];

    public string Kind => "waste-weighing";

    public async Task ImportAsync(ImportContext context, CancellationToken cancellationToken)
    {
        await context.ExecuteAsync("etl/transit_waste_stage_clear", null, cancellationToken);
        var places = await CityPlaces.LoadAsync(context, cancellationToken);
        using var csv = CsvSource.Open(context.SourcePath, Required);
        context.Table(Table).Loaded = await context.StageAsync("stage_fact_waste_weighing", Columns, Rows(csv, context, places), cancellationToken);
        await context.ExecuteAsync("etl/waste_weighing_merge", null, cancellationToken);
    }

    private static IEnumerable<object?[]> Rows(CsvSource csv, ImportContext context, CityPlaces places)
    {
        var today = DateOnly.FromDateTime(context.Time.GetLocalNow().DateTime);
        while (csv.Read())
        {
            context.RowRead(Table);
            var date = SourceValues.ParseDate(csv.Get("date"));
            if (date is null || date > today)
            {
                context.Reject(Table, csv.PartName, csv.LineNumber, "date", "date は過去の日付です（例: 2025-04-07）。", csv.Get("date"));
                continue;
            }

            var truck = csv.Get("truck");
            var route = csv.Get("route");
            if (truck is null || route is null)
            {
                context.Reject(Table, csv.PartName, csv.LineNumber, truck is null ? "truck" : "route", "収集車（truck）と収集ルート（route）は必須です。");
                continue;
            }

            var district = places.District(csv.Get("district"));
            if (district is null)
            {
                context.Reject(Table, csv.PartName, csv.LineNumber, "district", "地区（中学校区）のコードまたは名前が不明です。", csv.Get("district"));
                continue;
            }

            var type = csv.Get("waste_type") is { } t && t.EndsWith("ごみ", StringComparison.Ordinal) ? t[..^2] : csv.Get("waste_type");
            if (type is null || !WasteTypes.Contains(type))
            {
                context.Reject(Table, csv.PartName, csv.LineNumber, "waste_type", "ごみの種類は 可燃・不燃・資源・粗大 のいずれかです。", csv.Get("waste_type"));
                continue;
            }

            if (!double.TryParse(csv.Get("kg"), NumberStyles.Float, CultureInfo.InvariantCulture, out var kg) || kg <= 0 || kg > MaxLoadKg)
            {
                context.Reject(Table, csv.PartName, csv.LineNumber, "kg", "重量（kg）は 0 より大きく 20,000 以下の数です。", csv.Get("kg"));
                continue;
            }

            var key = string.Create(CultureInfo.InvariantCulture, $"{date:yyyyMMdd}|{truck}|{route}|{district}|{type}|{csv.Get("ticket")}");
            yield return [key, FiscalCalendar.DateKeyOf(date.Value), truck, route, district, type, kg, context.BatchId];
        }
    }
}
