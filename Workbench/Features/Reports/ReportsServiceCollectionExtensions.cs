using Workbench.Features.Reports.Learning;

namespace Workbench.Features.Reports;

public static class ReportsServiceCollectionExtensions
{
    /// <summary>The reports the web app and the command line make.</summary>
    public static IServiceCollection AddReports(this IServiceCollection services)
    {
        services.AddSingleton<LearningReportService>();
        return services;
    }
}
