using Dapper;
using Microsoft.SqlServer.TransactSql.ScriptDom;
using Workbench.Data.Warehouse;
using Workbench.Tests.Support;

namespace Workbench.Tests.Data;

/// <summary>The T-SQL schema (as ScriptDom reads it) and the migrated DuckDB schema have the same tables, columns and type families (views are checked by the queries that use them).</summary>
public class SchemaParityTests
{
    [Fact]
    public async Task The_SqlServer_and_DuckDB_schemas_match_table_by_table()
    {
        await using var warehouse = await TempWarehouse.CreateAsync();
        await using var connection = await warehouse.Get<IWarehouseConnectionFactory>().OpenAsync(CancellationToken.None);
        var duckDb = (await connection.QueryAsync<(string Table, string Column, string Type)>(
                """
                SELECT c.table_name, c.column_name, c.data_type
                FROM information_schema.columns c
                JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
                WHERE c.table_schema = 'main' AND t.table_type = 'BASE TABLE'
                ORDER BY c.table_name, c.ordinal_position
                """))
            .Select(c => $"{c.Table}.{c.Column}:{Family(c.Type)}")
            .ToList();

        var sqlServer = TSqlColumns().Select(c => $"{c.Table}.{c.Column}:{Family(c.Type)}").ToList();

        Assert.Equal(duckDb.Order(StringComparer.Ordinal), sqlServer.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("NVARCHAR", "text")]
    [InlineData("VARCHAR", "text")]
    [InlineData("BIGINT", "integer")]
    [InlineData("SMALLINT", "integer")]
    [InlineData("FLOAT", "real")]
    [InlineData("DOUBLE", "real")]
    [InlineData("BIT", "boolean")]
    [InlineData("BOOLEAN", "boolean")]
    [InlineData("DATETIME2", "timestamp")]
    [InlineData("TIMESTAMP", "timestamp")]
    [InlineData("DATE", "date")]
    public void Types_compare_by_family(string type, string family) => Assert.Equal(family, Family(type));

    private static List<(string Table, string Column, string Type)> TSqlColumns()
    {
        var parser = new TSql160Parser(initialQuotedIdentifiers: true);
        var visitor = new CreateTableVisitor();
        foreach (var (_, sql) in SqlCatalogue.FilesOf(WarehouseProvider.SqlServer).OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            var fragment = parser.Parse(new StringReader(sql), out var errors);
            Assert.Empty(errors);
            fragment.Accept(visitor);
        }

        return visitor.Columns;
    }

    private static string Family(string type)
    {
        var name = type.Split('(')[0].Trim().ToUpperInvariant();
        return name switch
        {
            "VARCHAR" or "NVARCHAR" or "CHAR" or "NCHAR" or "TEXT" => "text",
            "INT" or "INTEGER" or "BIGINT" or "SMALLINT" or "TINYINT" or "HUGEINT" => "integer",
            "FLOAT" or "REAL" or "DOUBLE" => "real",
            "BIT" or "BOOLEAN" => "boolean",
            "DATETIME2" or "DATETIME" or "TIMESTAMP" => "timestamp",
            "DATETIMEOFFSET" or "TIMESTAMP WITH TIME ZONE" => "timestamptz",
            "DATE" => "date",
            "VARBINARY" or "BLOB" => "binary",
            _ when name.StartsWith("DECIMAL", StringComparison.Ordinal) || name.StartsWith("NUMERIC", StringComparison.Ordinal) => "decimal",
            _ => $"unknown({name})",
        };
    }

    /// <summary>The tables as the scripts leave them, in order: a later migration may drop a table and create it anew.</summary>
    private sealed class CreateTableVisitor : TSqlFragmentVisitor
    {
        public List<(string Table, string Column, string Type)> Columns { get; } = [];

        /// <summary>SELECT TOP (0) * INTO stage_x FROM x: the staging table has the columns x has at that point.</summary>
        public override void Visit(SelectStatement node)
        {
            if (node.Into is { } into && !into.BaseIdentifier.Value.StartsWith('#')
                && node.QueryExpression is QuerySpecification { FromClause.TableReferences: [NamedTableReference source] })
            {
                var target = into.BaseIdentifier.Value;
                Columns.AddRange([.. Columns.Where(c => c.Table == source.SchemaObject.BaseIdentifier.Value).Select(c => (target, c.Column, c.Type))]);
            }
        }

        public override void Visit(DropTableStatement node)
        {
            foreach (var table in node.Objects)
            {
                Columns.RemoveAll(c => c.Table == table.BaseIdentifier.Value);
            }
        }

        public override void Visit(AlterTableAddTableElementStatement node)
        {
            foreach (var column in node.Definition.ColumnDefinitions)
            {
                Columns.Add((node.SchemaObjectName.BaseIdentifier.Value, column.ColumnIdentifier.Value, TypeOf(column)));
            }
        }

        public override void Visit(CreateTableStatement node)
        {
            // A #table is an import's scratch space for one connection, not part of the schema.
            if (node.SchemaObjectName.BaseIdentifier.Value.StartsWith('#'))
            {
                return;
            }

            foreach (var column in node.Definition.ColumnDefinitions)
            {
                Columns.Add((node.SchemaObjectName.BaseIdentifier.Value, column.ColumnIdentifier.Value, TypeOf(column)));
            }
        }

        private static string TypeOf(ColumnDefinition column) => column.DataType switch
        {
            SqlDataTypeReference sql => sql.SqlDataTypeOption.ToString(),
            var other => other.Name.BaseIdentifier.Value,
        };
    }
}
