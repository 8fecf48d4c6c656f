using Workbench.Data.Access;
using Workbench.Tests.Etl;
using Workbench.Tests.Support;

namespace Workbench.Tests.Reports;

/// <summary>One warehouse loaded with <see cref="BoardDataSet"/> for the tests of a class.</summary>
public sealed class BoardWarehouseFixture : IAsyncLifetime
{
    private TempWarehouse? warehouse;

    public TempWarehouse Warehouse => warehouse ?? throw new InvalidOperationException("Not loaded yet.");

    public async Task InitializeAsync()
    {
        warehouse = await TempWarehouse.CreateAsync();
        await BoardDataSet.LoadAsync(warehouse);
        await warehouse.Get<AppUserStore>().AddScopeAsync(
            new UserScopeRow("kume-admin", "school", BoardDataSet.SchoolKey(BoardDataSet.Takamatsu)), CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        if (warehouse is not null)
        {
            await warehouse.DisposeAsync();
        }
    }
}
