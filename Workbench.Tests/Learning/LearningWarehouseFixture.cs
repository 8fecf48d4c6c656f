using Workbench.Data.Access;
using Workbench.Data.Etl;
using Workbench.Domain.Learning;
using Workbench.Tests.Etl;
using Workbench.Tests.Support;

namespace Workbench.Tests.Learning;

/// <summary>One warehouse loaded with <see cref="LearningDataSet"/> for all the learning query tests (they only read).</summary>
public sealed class LearningWarehouseFixture : IAsyncLifetime
{
    private TempWarehouse? warehouse;

    public TempWarehouse Warehouse => warehouse ?? throw new InvalidOperationException("The fixture has not started.");

    public static LearningFilter Year { get; } = new(2025);

    public T Get<T>()
        where T : notnull => Warehouse.Get<T>();

    /// <summary>The pseudonym of roster pupil <paramref name="n"/>.</summary>
    public string Pupil(int n) => Get<Pseudonymiser>().Of("tsuyama", RosterFiles.PupilId(n));

    public async Task<int> AuditCountAsync(string userName, string target)
    {
        var entries = await Get<AuditLog>().ListAsync(new AuditFilter(UserName: userName, Action: AuditActions.PersonView, MaxRows: 10_000), CancellationToken.None);
        return entries.Count(e => e.Target == target);
    }

    public async Task InitializeAsync() => warehouse = await LearningDataSet.CreateAsync();

    public async Task DisposeAsync()
    {
        if (warehouse is not null)
        {
            await warehouse.DisposeAsync();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class LearningWarehouseCollection : ICollectionFixture<LearningWarehouseFixture>
{
    public const string Name = "learning warehouse";
}
