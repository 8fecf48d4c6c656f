using Workbench.Data.Access;
using Workbench.Data.Learning.Board;
using Workbench.Data.Synthetic;
using Workbench.Domain.Access;
using Workbench.Features.Reports.Learning;
using Workbench.Tests.Support;

namespace Workbench.Tests.Reports;

/// <summary>A tiny synthetic Tsuyama loaded through the importers, and the board's reports made from it once.</summary>
public sealed class TinyReportFixture : IAsyncLifetime
{
    public static readonly Caller Board = new("kyoiku", new HashSet<string> { WorkbenchRoles.BoardOfEducation });

    /// <summary>The clock the reports are made at: 10:15 in Japan on 25 November 2026.</summary>
    public static readonly DateTimeOffset MadeAt = new(2026, 11, 25, 1, 15, 0, TimeSpan.Zero);

    private readonly Dictionary<BoardRequest, (ReportFile File, BoardOverview Overview)> made = [];
    private TempWarehouse? warehouse;

    public TempWarehouse Warehouse => warehouse ?? throw new InvalidOperationException("Not loaded yet.");

    public async Task InitializeAsync()
    {
        warehouse = await TempWarehouse.CreateAsync();
        await warehouse.Get<SyntheticSeeder>().SeedAsync(SeedScale.Tiny, null, CancellationToken.None);
    }

    public LearningReportService Service => new(Warehouse.Get<BoardStatistics>(), Warehouse.Get<AuditLog>(), new FixedTime(MadeAt));

    /// <summary>The report for a request (made once) with the views it was made from.</summary>
    public async Task<(ReportFile File, BoardOverview Overview)> ReportAsync(BoardRequest request)
    {
        if (!made.TryGetValue(request, out var report))
        {
            var file = await Service.CreateAsync(Board, request, CancellationToken.None);
            var overview = await Warehouse.Get<BoardStatistics>().OverviewAsync(Board, request, CancellationToken.None);
            report = (file, overview);
            made[request] = report;
        }

        return report;
    }

    public async Task DisposeAsync()
    {
        if (warehouse is not null)
        {
            await warehouse.DisposeAsync();
        }
    }

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
