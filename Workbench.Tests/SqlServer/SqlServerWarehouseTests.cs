using Dapper;
using DotNet.Testcontainers.Builders;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Testcontainers.MsSql;
using Workbench.Data.Etl;
using Workbench.Data.Migrations;
using Workbench.Data.Status;
using Workbench.Data.Warehouse;
using Workbench.Tests.Etl;
using Workbench.Tests.Etl.Transit;

namespace Workbench.Tests.SqlServer;

/// <summary>
/// The SQL Server twin against a real server in a container. Where no Docker engine runs (as on the development
/// machines), each test is reported as skipped with that reason; the T-SQL is still parsed by the catalogue tests.
/// </summary>
public sealed class SqlServerWarehouseTests : IAsyncLifetime
{
    private MsSqlContainer? container;
    private string? unavailableReason;

    public async Task InitializeAsync()
    {
        try
        {
            container = new MsSqlBuilder("mcr.microsoft.com/mssql/server:2022-CU14-ubuntu-22.04").Build();
            await container.StartAsync();
        }
        catch (Exception ex) when (ex is DockerUnavailableException or TimeoutException or InvalidOperationException or ArgumentException)
        {
            unavailableReason = $"No Docker engine for a SQL Server container here: {ex.GetType().Name}";
        }
    }

    public async Task DisposeAsync()
    {
        if (container is not null)
        {
            await container.DisposeAsync();
        }
    }

    [SkippableFact]
    public async Task Migrations_apply_once_and_every_catalogue_query_runs()
    {
        Skip.If(unavailableReason is not null, unavailableReason);
        using var host = BuildHost();
        var report = await host.Services.GetRequiredService<WarehouseStartup>().PrepareAsync(CancellationToken.None);
        Assert.NotEmpty(report.Applied);
        Assert.Empty((await host.Services.GetRequiredService<MigrationRunner>().MigrateAsync(CancellationToken.None)).Applied);

        var status = await host.Services.GetRequiredService<WarehouseStatusQuery>().GetAsync(CancellationToken.None);
        Assert.Equal(report.SchemaVersion, status.SchemaVersion);
        Assert.All(status.FactRowCounts, f => Assert.Equal(0, f.RowTotal));
    }

    [SkippableFact]
    public async Task Bulk_loads_join_the_transaction()
    {
        Skip.If(unavailableReason is not null, unavailableReason);
        using var host = BuildHost();
        await host.Services.GetRequiredService<WarehouseStartup>().PrepareAsync(CancellationToken.None);
        var connections = host.Services.GetRequiredService<IWarehouseConnectionFactory>();
        await using var connection = await connections.OpenAsync(CancellationToken.None);
        await using (var transaction = await connection.BeginTransactionAsync())
        {
            await host.Services.GetRequiredService<IBulkLoader>().LoadAsync(
                connection, transaction, "stage_fact_attendance", ["pupil_key", "date_key", "attendance_status", "absence_reason", "batch_id"],
                [["p1", 20250407, "出席", null, 1L]], CancellationToken.None);
            await transaction.RollbackAsync();
        }

        Assert.Equal(0, await connection.ExecuteScalarAsync<long>("SELECT COUNT_BIG(*) FROM dbo.stage_fact_attendance"));
    }

    [SkippableFact]
    public async Task Boardings_are_staged_checked_and_loaded_on_SqlServer_as_on_DuckDB()
    {
        Skip.If(unavailableReason is not null, unavailableReason);
        using var host = BuildHost();
        await host.Services.GetRequiredService<WarehouseStartup>().PrepareAsync(CancellationToken.None);
        var pipeline = host.Services.GetRequiredService<EtlPipeline>();
        var folder = Directory.CreateTempSubdirectory("workbench-sqlserver-").FullName;
        var feed = await pipeline.ImportAsync("gtfs", TransitFiles.Zip(folder, "feed.zip", TransitFiles.Feed(stops: 40)), "test", null, CancellationToken.None);
        Assert.Equal(ImportStatus.Succeeded, feed.Status);
        var visits = string.Concat(Enumerable.Range(1, 40).Select(i => $"T1,{i},{i},0,2,1,20250407,8:{i % 60:00}:00\n"));
        var file = Path.Combine(folder, "board_alight.txt");
        await File.WriteAllTextAsync(file, "trip_id,stop_id,stop_sequence,record_use,boardings,alightings,service_date,service_arrival_time\n"
            + visits + "\n" + "T1,999,41,0,1,0,20250407,9:00:00\n" + "T1,3,+3,0,9,9,20250407,8:03:00\n");

        var result = await pipeline.ImportAsync("board-alight", file, "test", null, CancellationToken.None);
        Directory.Delete(folder, recursive: true);

        Assert.Equal(ImportStatus.Succeeded, result.Status);
        Assert.Equal([(43L, "stop_id"), (44L, "stop_sequence")], result.Rejects.Select(r => (r.LineNumber, r.FieldName!)));
        await using var connection = await host.Services.GetRequiredService<IWarehouseConnectionFactory>().OpenAsync(CancellationToken.None);
        Assert.Equal(80, await connection.ExecuteScalarAsync<long>("SELECT SUM(CAST(boardings AS BIGINT)) FROM dbo.fact_boarding"));
        Assert.Equal(["8000020332038:T1"], await connection.QueryAsync<string>("SELECT DISTINCT trip_key FROM dbo.boarding"));
    }

    [SkippableFact]
    public async Task The_learning_pages_tables_follow_the_batches_on_SqlServer_as_on_DuckDB()
    {
        Skip.If(unavailableReason is not null, unavailableReason);
        using var host = BuildHost();
        await host.Services.GetRequiredService<WarehouseStartup>().PrepareAsync(CancellationToken.None);
        var pipeline = host.Services.GetRequiredService<EtlPipeline>();
        var folder = Directory.CreateTempSubdirectory("workbench-sqlserver-").FullName;
        var roster = await pipeline.ImportAsync("oneroster", RosterFiles.Write(Path.Combine(folder, "roster"), pupils: 12), "test", null, CancellationToken.None);
        var statements = Path.Combine(folder, "a.ndjson");
        await File.WriteAllTextAsync(statements, XapiStatements.Ndjson([
            .. Enumerable.Range(1, 12).Select(p => XapiStatements.Answered(p, XapiStatements.PortalAccount(p), scaled: 0.5 + (p / 100.0))),
            XapiStatements.Answered(101, XapiStatements.PortalAccount(1), scaled: 0.95, timestamp: "2025-06-02T14:00:00+09:00", question: 2),
            XapiStatements.Voiding(190, voided: 2)]));
        var xapi = await pipeline.ImportAsync("xapi", statements, "test", null, CancellationToken.None);
        Directory.Delete(folder, recursive: true);

        Assert.Equal((ImportStatus.Succeeded, ImportStatus.Succeeded), (roster.Status, xapi.Status));
        await using var connection = await host.Services.GetRequiredService<IWarehouseConnectionFactory>().OpenAsync(CancellationToken.None);
        Assert.Equal(11, await connection.ExecuteScalarAsync<long>("SELECT COUNT_BIG(*) FROM dbo.agg_learning_day"));
        Assert.Equal(0, await connection.ExecuteScalarAsync<long>("""
            SELECT COUNT_BIG(*) FROM (
                SELECT fiscal_year, school_term, unit_key, school_key, pupils, ROUND(best_sum, 9) AS b FROM dbo.agg_unit_best
                EXCEPT SELECT fiscal_year, school_term, unit_key, school_key, pupils, ROUND(best_sum, 9) FROM dbo.unit_best_by_school) d
            """));
        Assert.Equal(11, await connection.ExecuteScalarAsync<long>("SELECT pupils FROM dbo.agg_unit_best WHERE school_term = 0 AND school_key = N''"));
        Assert.Equal(1, await connection.ExecuteScalarAsync<long>("SELECT COUNT_BIG(*) FROM dbo.teacher_class"));
    }

    private IHost BuildHost()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Test" });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Warehouse:Provider"] = "SqlServer",
            ["ConnectionStrings:Warehouse"] = container!.GetConnectionString(),
        });
        builder.AddWarehouse();
        return builder.Build();
    }
}
