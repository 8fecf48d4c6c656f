using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Workbench.Data.Warehouse;
using Workbench.Domain.Learning;

namespace Workbench.Data.Learning.Board;

public static class BoardServiceCollectionExtensions
{
    /// <summary>The board's views with their <c>Board</c> options; the raw per-school queries stay inside.</summary>
    public static IServiceCollection AddBoardViews(this IServiceCollection services)
    {
        services.AddOptions<BoardOptions>()
            .BindConfiguration(BoardOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton(sp => new BoardStatistics(
            new BoardQueries(sp.GetRequiredService<IWarehouseConnectionFactory>(), sp.GetRequiredService<SqlCatalogue>(), sp.GetRequiredService<IOptions<BoardOptions>>(), sp.GetRequiredService<MasteryBands>()),
            sp.GetRequiredService<IOptions<BoardOptions>>(),
            sp.GetRequiredService<MasteryBands>()));
        return services;
    }
}
