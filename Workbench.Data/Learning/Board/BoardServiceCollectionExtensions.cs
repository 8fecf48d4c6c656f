using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Workbench.Data.Warehouse;

namespace Workbench.Data.Learning.Board;

public static class BoardServiceCollectionExtensions
{
    /// <summary>The board's views with their <c>Board</c> options; the raw per-school queries stay inside.</summary>
    public static IServiceCollection AddBoardViews(this IServiceCollection services)
    {
        services.AddOptions<BoardOptions>()
            .BindConfiguration(BoardOptions.SectionName)
            .ValidateDataAnnotations()
            .Validate(o => o.SupportBelow < o.SecureFrom, $"{BoardOptions.SectionName}:{nameof(BoardOptions.SupportBelow)} must be below {BoardOptions.SectionName}:{nameof(BoardOptions.SecureFrom)}.")
            .ValidateOnStart();
        services.AddSingleton(sp => new BoardStatistics(
            new BoardQueries(sp.GetRequiredService<IWarehouseConnectionFactory>(), sp.GetRequiredService<SqlCatalogue>(), sp.GetRequiredService<IOptions<BoardOptions>>()),
            sp.GetRequiredService<IOptions<BoardOptions>>()));
        return services;
    }
}
