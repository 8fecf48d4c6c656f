using System.Text;
using Dapper;
using Workbench.Data.Etl;
using Workbench.Data.Warehouse;
using Workbench.Tests.Support;

namespace Workbench.Tests.Etl.Health;

/// <summary>A warehouse with one 町丁 and a small resident register imported through the pipeline, and consent on request.</summary>
public static class HealthFiles
{
    public const string Chome = "332031010";

    public static string ResidentId(int n) => FormattableString.Invariant($"R{n:D7}");

    /// <summary>A new warehouse with residents 1…<paramref name="residents"/> (and any <paramref name="extraIds"/>) on the register.</summary>
    public static async Task<TempWarehouse> WithResidentsAsync(int residents, params string[] extraIds)
    {
        var warehouse = await TempWarehouse.CreateAsync();
        await using (var connection = await warehouse.Get<IWarehouseConnectionFactory>().OpenAsync(CancellationToken.None))
        {
            await connection.ExecuteAsync($"INSERT INTO dim_district VALUES ('{Chome}', '南方中', 'jhs-kume', '久米中学校区', 'kume', '久米', false, 100, 50, 133.9, 35.0, NULL)");
        }

        var csv = new StringBuilder("resident_id,chome_code,sex,birth_date,household_id\n");
        foreach (var id in Enumerable.Range(1, residents).Select(ResidentId).Concat(extraIds))
        {
            csv.Append(FormattableString.Invariant($"{id},{Chome},female,1950-05-01,H1\n"));
        }

        var result = await Import(warehouse, "residents", warehouse.WriteFile("residents.csv", csv.ToString()));
        Assert.Equal(ImportStatus.Succeeded, result.Status);
        return warehouse;
    }

    /// <summary>Records consent decisions: (resident id, status, date).</summary>
    public static async Task ConsentAsync(TempWarehouse warehouse, params (string Resident, string Status, string Date)[] records)
    {
        var csv = "resident_id,scope,status,date\n" + string.Concat(records.Select(r => $"{r.Resident},phr,{r.Status},{r.Date}\n"));
        var result = await Import(warehouse, "consent", warehouse.WriteFile($"consent-{Guid.NewGuid():N}.csv", csv));
        Assert.Equal(ImportStatus.Succeeded, result.Status);
    }

    public static Task<ImportResult> Import(TempWarehouse warehouse, string kind, string path) =>
        warehouse.Get<EtlPipeline>().ImportAsync(kind, path, "test", null, CancellationToken.None);

    public static async Task<List<T>> QueryAsync<T>(TempWarehouse warehouse, string sql)
    {
        await using var connection = await warehouse.Get<IWarehouseConnectionFactory>().OpenAsync(CancellationToken.None);
        return [.. await connection.QueryAsync<T>(sql)];
    }
}
