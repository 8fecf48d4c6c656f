using Dapper;
using Workbench.Data.Warehouse;
using Workbench.Tests.Support;

namespace Workbench.Tests.Data;

public class DateDimensionTests
{
    [Fact]
    public async Task The_calendar_holds_whole_fiscal_years_with_their_terms()
    {
        await using var warehouse = await TempWarehouse.CreateAsync();
        await using var connection = await warehouse.Get<IWarehouseConnectionFactory>().OpenAsync(CancellationToken.None);

        var days = await connection.QueryAsync<(int FiscalYear, long Days)>(
            "SELECT CAST(fiscal_year AS INTEGER), COUNT(*) FROM dim_date WHERE fiscal_year IN (2023, 2024) GROUP BY fiscal_year ORDER BY 1");
        Assert.Equal([(2023, 366L), (2024, 365L)], days);

        var day = await connection.QuerySingleAsync<(int FiscalYear, int? Term, int Weekday, bool Weekend)>(
            "SELECT CAST(fiscal_year AS INTEGER), CAST(school_term AS INTEGER), CAST(iso_weekday AS INTEGER), is_weekend FROM dim_date WHERE date_key = 20260331");
        Assert.Equal((2025, 3, 2, false), day);
        Assert.Null(await connection.ExecuteScalarAsync<int?>("SELECT school_term FROM dim_date WHERE date_key = 20250810"));
    }

    [Fact]
    public async Task Filling_the_calendar_again_adds_no_day()
    {
        await using var warehouse = await TempWarehouse.CreateAsync();

        var added = await warehouse.Get<DateDimension>().EnsureFiscalYearsAsync(WarehouseStartup.FirstFiscalYear, 2030, CancellationToken.None);

        Assert.Equal(0, added);
    }
}
