using System.Globalization;

namespace Workbench.Data.Etl.Districts;

/// <summary>
/// Population by 町丁, sex and 5-year age band on a reference date (the resident register):
/// <c>as_of,chome_code,sex,age_band,population</c>. The 町丁 must already be in <c>dim_district</c> (import the
/// districts first). A corrected file for the same date replaces the rows with the same keys; afterwards each 町丁's
/// <c>dim_district.population</c> is its total at its latest reference date.
/// </summary>
public sealed class PopulationImporter : IImporter
{
    public const string Table = "fact_population";

    /// <summary>The age bands of the register's statistics: 0-4 … 80-84, and 85+.</summary>
    public static readonly IReadOnlyList<string> AgeBands =
    [
        "0-4", "5-9", "10-14", "15-19", "20-24", "25-29", "30-34", "35-39", "40-44", "45-49",
        "50-54", "55-59", "60-64", "65-69", "70-74", "75-79", "80-84", "85+",
    ];

    /// <summary>Sex codes as stored (male / female), and the Japanese forms a register export may use.</summary>
    private static readonly Dictionary<string, string> Sexes = new(StringComparer.Ordinal)
    {
        ["male"] = "male",
        ["female"] = "female",
        ["男"] = "male",
        ["女"] = "female",
    };

    private static readonly HashSet<string> Bands = [.. AgeBands];
    private static readonly string[] Required = ["as_of", "chome_code", "sex", "age_band", "population"];
    private static readonly string[] Columns = ["as_of_date", "chome_code", "sex", "age_band", "population", "batch_id"];

    public string Kind => "population";

    public async Task ImportAsync(ImportContext context, CancellationToken cancellationToken)
    {
        var chome = (await context.QueryAsync<string>("etl/known_chome", null, cancellationToken)).ToHashSet(StringComparer.Ordinal);
        using var csv = CsvSource.Open(context.SourcePath, Required);
        var staged = await context.StageAsync("stage_" + Table, Columns, Rows(csv, context, chome), cancellationToken);
        context.Table(Table).Loaded = staged;
        await context.ExecuteAsync("etl/population_merge", null, cancellationToken);
        await context.ExecuteAsync("etl/district_population_refresh", null, cancellationToken);
    }

    private static IEnumerable<object?[]> Rows(CsvSource csv, ImportContext context, HashSet<string> chome)
    {
        var today = DateOnly.FromDateTime(context.Time.GetLocalNow().DateTime);
        var seen = new Dictionary<(DateOnly, string, string, string), long>();
        while (csv.Read())
        {
            context.RowRead(Table);
            var line = csv.LineNumber;
            var asOf = SourceValues.ParseDate(csv.Get("as_of"));
            if (asOf is null || asOf > today)
            {
                context.Reject(Table, csv.PartName, line, "as_of", asOf is null
                    ? "基準日の形式が正しくありません（例: 2025-04-01）。"
                    : "未来の基準日の人口は取り込めません。", csv.Get("as_of"));
                continue;
            }

            var code = csv.Get("chome_code");
            if (code is null || !chome.Contains(code))
            {
                context.Reject(Table, csv.PartName, line, "chome_code", "町丁コードが地区マスタにありません。先に町丁・中学校区のファイル（districts）を取り込んでください。", code);
                continue;
            }

            if (csv.Get("sex") is not { } sexText || !Sexes.TryGetValue(sexText, out var sex))
            {
                context.Reject(Table, csv.PartName, line, "sex", "性別が不明です（male・female、または 男・女）。", csv.Get("sex"));
                continue;
            }

            var band = csv.Get("age_band");
            if (band is null || !Bands.Contains(band))
            {
                context.Reject(Table, csv.PartName, line, "age_band", "年齢階級が不明です（0-4、5-9 … 80-84、85+ のいずれか）。", band);
                continue;
            }

            if (!int.TryParse(csv.Get("population"), NumberStyles.None, CultureInfo.InvariantCulture, out var population))
            {
                context.Reject(Table, csv.PartName, line, "population", "人口は 0 以上の整数にしてください。", csv.Get("population"));
                continue;
            }

            if (!seen.TryAdd((asOf.Value, code, sex, band), line))
            {
                context.Reject(Table, csv.PartName, line, "chome_code", $"同じ基準日・町丁・性別・年齢階級の行が {seen[(asOf.Value, code, sex, band)]} 行目にもあります。", code);
                continue;
            }

            yield return [asOf.Value, code, sex, band, population, context.BatchId];
        }
    }
}
