using System.Data.Common;

namespace Workbench.Data.Warehouse;

/// <summary>Opens connections to the configured warehouse. Callers own and dispose each connection.</summary>
public interface IWarehouseConnectionFactory
{
    WarehouseProvider Provider { get; }

    /// <summary>Where the warehouse lives, for people: a file path or a server and database name.</summary>
    string Location { get; }

    /// <exception cref="WarehouseUnavailableException">The warehouse cannot be reached or opened.</exception>
    Task<DbConnection> OpenAsync(CancellationToken cancellationToken);
}
