using System.Globalization;
using Workbench.Data.Etl.Waste;
using Workbench.Domain.Calendar;

namespace Workbench.Data.Etl.Transit;

/// <summary>
/// デマンドタクシー trips CSV: <c>trip_id,date,time,area,origin,destination,passengers</c>. <c>trip_id</c> is the
/// operator's 予約番号; <c>area</c> the 地域 (or 中学校区) the service covers, by code or name; origin and destination are
/// 町丁 codes or names (a name shared by several 町丁 resolves within the area). The origin must lie in the area. Who
/// rode is never read. A corrected file replaces the same trip.
/// </summary>
public sealed class DemandTaxiImporter : IImporter
{
    public const string Table = "demand_taxi";

    /// <summary>A jumbo taxi seats nine.</summary>
    public const int MaxPassengers = 9;

    private static readonly string[] Required = ["trip_id", "date", "area", "origin", "destination", "passengers"];
    private static readonly string[] Columns = ["trip_key", "date_key", "minute_of_day", "area_code", "origin_chome_code", "destination_chome_code", "passengers", "batch_id"];

    public string Kind => "demand-taxi";

    public async Task ImportAsync(ImportContext context, CancellationToken cancellationToken)
    {
        await context.ExecuteAsync("etl/transit_waste_stage_clear", null, cancellationToken);
        var places = await CityPlaces.LoadAsync(context, cancellationToken);
        using var csv = CsvSource.Open(context.SourcePath, Required);
        context.Table(Table).Loaded = await context.StageAsync("stage_fact_demand_taxi_trip", Columns, Rows(csv, context, places), cancellationToken);
        await context.ExecuteAsync("etl/demand_taxi_trip_merge", null, cancellationToken);
    }

    private static IEnumerable<object?[]> Rows(CsvSource csv, ImportContext context, CityPlaces places)
    {
        var today = DateOnly.FromDateTime(context.Time.GetLocalNow().DateTime);
        while (csv.Read())
        {
            context.RowRead(Table);
            var id = csv.Get("trip_id");
            if (id is null)
            {
                context.Reject(Table, csv.PartName, csv.LineNumber, "trip_id", "予約番号（trip_id）が空です。");
                continue;
            }

            var date = SourceValues.ParseDate(csv.Get("date"));
            if (date is null || date > today)
            {
                context.Reject(Table, csv.PartName, csv.LineNumber, "date", "date は過去の日付です（例: 2025-04-07）。", csv.Get("date"));
                continue;
            }

            var timeText = csv.Get("time");
            var minute = SourceValues.ParseMinuteOfDay(timeText);
            if (timeText is not null && minute is null)
            {
                context.Reject(Table, csv.PartName, csv.LineNumber, "time", "time は時刻です（例: 09:30）。", timeText);
                continue;
            }

            var areaText = csv.Get("area");
            var area = places.Area(areaText);
            var district = area is null ? places.District(areaText) : null;
            if (area is null && district is null)
            {
                context.Reject(Table, csv.PartName, csv.LineNumber, "area", "地域（または中学校区）のコードか名前が不明です。", areaText);
                continue;
            }

            bool Within(PlaceRow p) => area is not null ? p.AreaCode == area : p.DistrictCode == district;
            var origin = places.Chome(csv.Get("origin"), Within);
            if (origin is null || !Within(origin))
            {
                context.Reject(Table, csv.PartName, csv.LineNumber, "origin", origin is null ? "出発地の町丁が不明です。" : "出発地が運行地域の外です。", csv.Get("origin"));
                continue;
            }

            var destination = places.Chome(csv.Get("destination"), Within);
            if (destination is null)
            {
                context.Reject(Table, csv.PartName, csv.LineNumber, "destination", "目的地の町丁が不明か、同じ名前の町丁が複数あります（コードで指定してください）。", csv.Get("destination"));
                continue;
            }

            if (!int.TryParse(csv.Get("passengers"), NumberStyles.None, CultureInfo.InvariantCulture, out var passengers) || passengers is < 1 or > MaxPassengers)
            {
                context.Reject(Table, csv.PartName, csv.LineNumber, "passengers", "乗客数は 1〜9 人です。", csv.Get("passengers"));
                continue;
            }

            yield return [id, FiscalCalendar.DateKeyOf(date.Value), minute, origin.AreaCode, origin.ChomeCode, destination.ChomeCode, (short)passengers, context.BatchId];
        }
    }
}
