using System.Data.Common;
using Microsoft.Data.SqlClient;

namespace Workbench.Data.Warehouse;

public sealed class SqlServerConnectionFactory(string connectionString) : IWarehouseConnectionFactory
{
    private readonly SqlConnectionStringBuilder settings = new(connectionString);

    public WarehouseProvider Provider => WarehouseProvider.SqlServer;

    public string Location => $"{settings.DataSource} / {(string.IsNullOrEmpty(settings.InitialCatalog) ? "(既定のデータベース)" : settings.InitialCatalog)}";

    public async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqlConnection(settings.ConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            return connection;
        }
        catch (SqlException ex)
        {
            await connection.DisposeAsync();
            throw new WarehouseUnavailableException(
                $"SQL Server '{settings.DataSource}' のデータベース '{settings.InitialCatalog}' に接続できません: {ex.Message}", ex);
        }
    }
}
