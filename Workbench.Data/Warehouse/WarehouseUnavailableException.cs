namespace Workbench.Data.Warehouse;

/// <summary>The warehouse cannot be reached or opened; the message says which one and why, for people.</summary>
public class WarehouseUnavailableException(string message, Exception? innerException = null)
    : Exception(message, innerException);

/// <summary>Another process (usually a running workbench) holds the DuckDB file.</summary>
public sealed class WarehouseLockedException(string message, Exception? innerException = null)
    : WarehouseUnavailableException(message, innerException);
