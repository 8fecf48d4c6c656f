using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Workbench.Data.Access;
using Workbench.Data.Etl;
using Workbench.Data.Etl.Detection;
using Workbench.Data.Etl.Districts;
using Workbench.Data.Etl.Inbox;
using Workbench.Data.Etl.Education;
using Workbench.Data.Etl.Health;
using Workbench.Data.Etl.Transit;
using Workbench.Data.Health;
using Workbench.Data.Learning;
using Workbench.Data.Learning.Board;
using Workbench.Data.Migrations;
using Workbench.Data.Status;
using Workbench.Data.Synthetic;
using Workbench.Domain.Health;
using Workbench.Domain.Learning;
using Workbench.Domain.Privacy;

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
        builder.Services.AddSingleton<IImporter, AssessmentImporter>();
        builder.Services.AddSingleton<IImporter, DistrictsImporter>();
        builder.Services.AddSingleton<IImporter, PopulationImporter>();
        builder.Services.AddSingleton<IImporter, XapiImporter>();
        builder.Services.AddOptions<ChecklistCriteria>().BindConfiguration(ChecklistCriteria.SectionName).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<GuidanceCriteria>().BindConfiguration(GuidanceCriteria.SectionName).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<IImporter, ResidentsImporter>();
        builder.Services.AddSingleton<IImporter, ConsentImporter>();
        builder.Services.AddSingleton<IImporter, ChecklistImporter>();
        builder.Services.AddSingleton<IImporter, CheckupImporter>();
        builder.Services.AddSingleton<IImporter, VitalsImporter>();
        builder.Services.AddSingleton<ImportKindDetector>();
        builder.Services.AddBuiltInImportKindRules();
        builder.Services.AddSingleton<EtlBatchQueries>();
        builder.Services.AddOptions<EtlInboxOptions>().BindConfiguration(EtlInboxOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<EtlUploadOptions>().BindConfiguration(EtlUploadOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<EtlInbox>();
        builder.Services.AddTransitWasteImporters();

        builder.Services.AddOptions<SeedOptions>().BindConfiguration(SeedOptions.SectionName);
        builder.Services.AddSingleton<SyntheticSeeder>();

        builder.Services.AddSingleton<AuditLog>();
        builder.Services.AddSingleton<Export.ExcelExport>();
        builder.Services.AddSingleton<AppUserStore>();
        builder.Services.AddSingleton<ClassQueries>();
        builder.Services.AddOptions<MasteryBandOptions>().BindConfiguration(MasteryBandOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<LearningWarningOptions>().BindConfiguration(LearningWarningOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton(sp => new MasteryBands(sp.GetRequiredService<IOptions<MasteryBandOptions>>().Value));
        builder.Services.AddSingleton(sp => new EarlyWarningRules(sp.GetRequiredService<IOptions<LearningWarningOptions>>().Value));
        builder.Services.TryAddSingleton(new SmallCellSuppression());
        builder.Services.AddSingleton<ClassOverviewQuery>();
        builder.Services.AddSingleton<UnitHeatmapQuery>();
        builder.Services.AddSingleton<PupilUnitAttemptsQuery>();
        builder.Services.AddSingleton<PupilProfileQuery>();
        builder.Services.AddSingleton<EarlyWarningQuery>();
        builder.Services.AddBoardViews();
        builder.Services.AddSingleton<PhrReadingQueries>();
        return builder;
    }

    private static WarehouseOptions Options(IServiceProvider services) => services.GetRequiredService<IOptions<WarehouseOptions>>().Value;
}
