using Microsoft.Extensions.Diagnostics.HealthChecks;
using Workbench.Data.Status;
using Workbench.Data.Warehouse;

namespace Workbench.Hosting;

internal sealed class WarehouseHealthCheck(WarehouseStatusQuery status, IWarehouseConnectionFactory connections) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var data = new Dictionary<string, object> { ["provider"] = connections.Provider.ToString(), ["location"] = connections.Location };
        try
        {
            await status.PingAsync(cancellationToken);
            return HealthCheckResult.Healthy("The warehouse answers.", data);
        }
        catch (Exception ex) when (ex is WarehouseUnavailableException or System.Data.Common.DbException)
        {
            return HealthCheckResult.Unhealthy(ex.Message, data: data);
        }
    }
}
