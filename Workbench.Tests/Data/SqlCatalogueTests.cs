using System.Text.RegularExpressions;
using Dapper;
using Microsoft.SqlServer.TransactSql.ScriptDom;
using Workbench.Data.Warehouse;
using Workbench.Tests.Support;

namespace Workbench.Tests.Data;

public partial class SqlCatalogueTests
{
    public static TheoryData<string> TSqlFiles => [.. SqlCatalogue.FilesOf(WarehouseProvider.SqlServer).Keys.Order(StringComparer.Ordinal)];

    public static TheoryData<string> DuckDbFiles => [.. SqlCatalogue.FilesOf(WarehouseProvider.DuckDb).Keys.Order(StringComparer.Ordinal)];

    [Fact]
    public void Every_migration_and_query_exists_in_both_dialects()
    {
        var duckDb = SqlCatalogue.FilesOf(WarehouseProvider.DuckDb).Keys.Order(StringComparer.Ordinal).ToList();
        var sqlServer = SqlCatalogue.FilesOf(WarehouseProvider.SqlServer).Keys.Order(StringComparer.Ordinal).ToList();

        Assert.NotEmpty(duckDb);
        Assert.Equal(duckDb, sqlServer);
    }

    [Fact]
    public void The_catalogue_loads_the_numbered_migrations_in_order()
    {
        var catalogue = SqlCatalogue.Load(WarehouseProvider.DuckDb);

        Assert.Equal(1, catalogue.Migrations[0].Version);
        Assert.Equal(catalogue.Migrations.Select(m => m.Version).Order(), catalogue.Migrations.Select(m => m.Version));
        Assert.Contains("warehouse/fact_row_counts", catalogue.Queries.Keys);
        Assert.Throws<KeyNotFoundException>(() => catalogue["warehouse/no_such_query"]);
    }

    [Theory]
    [MemberData(nameof(DuckDbFiles))]
    public void DuckDB_files_never_use_at_parameters(string file)
    {
        // DuckDB reads @x as abs(x): a query with @x runs and silently returns wrong rows.
        var sql = LineComment().Replace(SqlCatalogue.FilesOf(WarehouseProvider.DuckDb)[file], string.Empty);
        sql = StringLiteral().Replace(sql, "''");

        Assert.DoesNotContain("@", sql, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TSqlFiles))]
    public void TSql_files_parse_without_errors(string file)
    {
        var parser = new TSql160Parser(initialQuotedIdentifiers: true);
        using var reader = new StringReader(SqlCatalogue.FilesOf(WarehouseProvider.SqlServer)[file]);

        parser.Parse(reader, out var errors);

        Assert.True(errors.Count == 0, string.Join("\n", errors.Select(e => $"{file}:{e.Line}:{e.Column} {e.Message}")));
    }

    [Fact]
    public async Task Every_fact_table_is_counted_on_the_home_page()
    {
        await using var warehouse = await TempWarehouse.CreateAsync();
        await using var connection = await warehouse.Get<IWarehouseConnectionFactory>().OpenAsync(CancellationToken.None);

        var factTables = await connection.QueryAsync<string>(
            "SELECT table_name FROM information_schema.tables WHERE table_name LIKE 'fact_%' ORDER BY table_name");
        var counted = await connection.QueryAsync<string>(
            $"SELECT TableName FROM ({warehouse.Get<SqlCatalogue>()["warehouse/fact_row_counts"].TrimEnd().TrimEnd(';')}) counts ORDER BY TableName");

        Assert.Equal(factTables, counted);
    }

    [GeneratedRegex("--[^\n]*")]
    private static partial Regex LineComment();

    [GeneratedRegex("'[^']*'")]
    private static partial Regex StringLiteral();
}
