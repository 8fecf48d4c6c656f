using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Workbench.Data.Etl;
using Workbench.Data.Etl.Education;
using Workbench.Data.Migrations;
using Workbench.Data.Status;

namespace Workbench.Data.Warehouse;

public static class WarehouseServiceCollectionExtensions
{
    /// <summary>The warehouse chosen by <c>Warehouse:Provider</c>, its SQL catalogue, migrations and bulk loader.</summary>
    public static IHostApplicationBuilder AddWarehouse(this IHostApplicationBuilder builder)
    {
        var contentRoot = builder.Environment.ContentRootPath;
        builder.Services.AddOptions<WarehouseOptions>()
            .BindConfiguration(WarehouseOptions.SectionName)
            .Configure(options =>
            {
                options.SqlServerConnectionString ??= builder.Configuration.GetConnectionString("Warehouse");
                options.DataDirectory = Path.GetFullPath(options.DataDirectory, contentRoot);
            })
            .ValidateDataAnnotations()
            .ValidateOnStart();

        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(sp => SqlCatalogue.Load(Options(sp).Provider));
        builder.Services.AddSingleton<IWarehouseConnectionFactory>(sp => Options(sp) switch
        {
            { Provider: WarehouseProvider.SqlServer } o => new SqlServerConnectionFactory(o.SqlServerConnectionString!),
            var o => new DuckDbConnectionFactory(o.DuckDbFilePath),
        });
        builder.Services.AddSingleton<IBulkLoader>(sp => Options(sp).Provider switch
        {
            WarehouseProvider.SqlServer => new SqlServerBulkLoader(sp.GetRequiredService<SqlCatalogue>()),
            _ => new DuckDbBulkLoader(sp.GetRequiredService<SqlCatalogue>()),
        });
        builder.Services.AddSingleton<MigrationRunner>();
        builder.Services.AddSingleton<DateDimension>();
        builder.Services.AddSingleton<WarehouseStartup>();
        builder.Services.AddSingleton<WarehouseStatusQuery>();

        builder.Services.AddOptions<EtlOptions>().BindConfiguration(EtlOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<Pseudonymiser>();
        builder.Services.AddSingleton<EtlPipeline>();
        builder.Services.AddSingleton<IImporter, OneRosterImporter>();
        builder.Services.AddSingleton<IImporter, AttendanceImporter>();
        builder.Services.AddSingleton<IImporter, XapiImporter>();
        return builder;
    }

    private static WarehouseOptions Options(IServiceProvider services) => services.GetRequiredService<IOptions<WarehouseOptions>>().Value;
}
