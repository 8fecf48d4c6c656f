using Dapper;
using Workbench.Data.Migrations;
using Workbench.Data.Warehouse;
using Workbench.Tests.Support;

namespace Workbench.Tests.Data;

public class MigrationRunnerTests
{
    [Fact]
    public async Task A_new_warehouse_gets_every_migration_recorded_once_with_its_checksum()
    {
        await using var warehouse = await TempWarehouse.CreateAsync(prepare: false);
        var catalogue = warehouse.Get<SqlCatalogue>();

        var report = await warehouse.Get<MigrationRunner>().MigrateAsync(CancellationToken.None);

        Assert.Equal(catalogue.Migrations.Select(m => m.Name), report.Applied.Select(m => m.Name));
        var state = await warehouse.Get<MigrationRunner>().GetStateAsync(CancellationToken.None);
        Assert.Equal(catalogue.Migrations[^1].Version, state.SchemaVersion);
        Assert.Empty(state.Pending);
        Assert.Equal(catalogue.Migrations.Select(m => m.Checksum), state.Applied.Select(a => a.Checksum));
    }

    [Fact]
    public async Task Migrating_again_applies_nothing()
    {
        await using var warehouse = await TempWarehouse.CreateAsync();

        var again = await warehouse.Get<MigrationRunner>().MigrateAsync(CancellationToken.None);

        Assert.Empty(again.Applied);
    }

    [Fact]
    public async Task A_failing_migration_leaves_the_database_as_it_was_and_names_the_script()
    {
        await using var warehouse = await TempWarehouse.CreateAsync();
        var runner = warehouse.Get<MigrationRunner>();
        var before = await runner.GetStateAsync(CancellationToken.None);
        var broken = new MigrationScript(9001, "9001_broken.sql", "CREATE TABLE broken_probe (x INTEGER);\nSELECT * FROM no_such_table;");

        var failure = await Assert.ThrowsAsync<MigrationFailedException>(() =>
            runner.MigrateAsync([.. warehouse.Get<SqlCatalogue>().Migrations, broken], CancellationToken.None));

        Assert.Contains("9001_broken.sql", failure.Message, StringComparison.Ordinal);
        Assert.Contains("no_such_table", failure.Message, StringComparison.Ordinal);
        var after = await runner.GetStateAsync(CancellationToken.None);
        Assert.Equal(before.SchemaVersion, after.SchemaVersion);
        await using var connection = await warehouse.Get<IWarehouseConnectionFactory>().OpenAsync(CancellationToken.None);
        var probeTables = await connection.ExecuteScalarAsync<long>(
            "SELECT COUNT(*) FROM information_schema.tables WHERE table_name = 'broken_probe'");
        Assert.Equal(0, probeTables);
    }

    [Fact]
    public void TSql_batches_split_on_GO_lines_only()
    {
        var script = new MigrationScript(1, "0001_x.sql", "CREATE TABLE a (x INT);\nGO\nCREATE VIEW v AS SELECT x AS go_on FROM a;\n  go  \n");

        Assert.Equal(["CREATE TABLE a (x INT);\n", "CREATE VIEW v AS SELECT x AS go_on FROM a;\n"], script.Batches().ToArray());
    }
}
