using System.Data.Common;
using DuckDB.NET.Data;

namespace Workbench.Data.Warehouse;

/// <summary>
/// Connections to the embedded DuckDB file. One anchor connection stays open for the factory's lifetime:
/// it keeps the database instance (and its file lock) alive, so each later open is cheap and another
/// process cannot take the file from under a running workbench.
/// </summary>
public sealed class DuckDbConnectionFactory : IWarehouseConnectionFactory, IDisposable
{
    private readonly string connectionString;
    private readonly Lock anchorLock = new();
    private DuckDBConnection? anchor;

    public DuckDbConnectionFactory(string databaseFile)
    {
        Location = Path.GetFullPath(databaseFile);
        connectionString = $"Data Source={Location}";
    }

    public WarehouseProvider Provider => WarehouseProvider.DuckDb;

    public string Location { get; }

    public async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        EnsureAnchor();
        var connection = new DuckDBConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        return connection;
    }

    private void EnsureAnchor()
    {
        lock (anchorLock)
        {
            if (anchor is not null)
            {
                return;
            }

            Directory.CreateDirectory(Path.GetDirectoryName(Location)!);
            var connection = new DuckDBConnection(connectionString);
            try
            {
                connection.Open();
            }
            catch (DuckDBException ex) when (ex.Message.Contains("lock", StringComparison.OrdinalIgnoreCase))
            {
                connection.Dispose();
                throw new WarehouseLockedException(
                    $"DuckDB ファイル {Location} は別のプロセス（起動中のワークベンチなど）が使用中です。ワークベンチを止めてから実行するか、ワークベンチのデータページから取り込んでください。",
                    ex);
            }
            catch (DuckDBException ex)
            {
                connection.Dispose();
                throw new WarehouseUnavailableException($"DuckDB ファイル {Location} を開けません: {ex.Message}", ex);
            }

            anchor = connection;
        }
    }

    public void Dispose()
    {
        lock (anchorLock)
        {
            anchor?.Dispose();
            anchor = null;
        }
    }
}
