using Microsoft.Extensions.DependencyInjection;
using Workbench.Data.Etl.Waste;

namespace Workbench.Data.Etl.Transit;

public static class TransitWasteImporters
{
    /// <summary>The transit and waste importers: <c>gtfs</c>, <c>board-alight</c>, <c>ic-card</c>, <c>demand-taxi</c>, <c>waste-weighing</c>, <c>bulky-waste</c>.</summary>
    public static IServiceCollection AddTransitWasteImporters(this IServiceCollection services)
    {
        services.AddSingleton<IImporter, GtfsImporter>();
        services.AddSingleton<IImporter, BoardAlightImporter>();
        services.AddSingleton<IImporter, IcCardImporter>();
        services.AddSingleton<IImporter, DemandTaxiImporter>();
        services.AddSingleton<IImporter, WasteWeighingImporter>();
        services.AddSingleton<IImporter, BulkyWasteImporter>();
        return services;
    }
}
