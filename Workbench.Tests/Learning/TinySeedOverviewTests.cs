using Workbench.Data.Access;
using Workbench.Data.Learning;
using Workbench.Data.Synthetic;
using Workbench.Domain.Access;
using Workbench.Domain.Learning;
using Workbench.Tests.Etl;
using Workbench.Tests.Support;

namespace Workbench.Tests.Learning;

/// <summary>The learning queries on the generator's tiny Tsuyama, as the demo teacher sees it.</summary>
public class TinySeedOverviewTests
{
    [Fact]
    public async Task The_demo_teachers_first_class_has_an_overview_with_bands_and_the_warnings_run()
    {
        await using var warehouse = await TempWarehouse.CreateAsync();
        await warehouse.Get<SyntheticSeeder>().SeedAsync(SeedScale.Tiny, null, CancellationToken.None);
        var users = warehouse.Get<AppUserStore>();
        var teacher = (await users.RosterTeachersAsync(CancellationToken.None))[0];
        await users.CreateAsync(teacher.UserName, "デモ 教員", teacher.Email, null, [WorkbenchRoles.Teacher], CancellationToken.None);
        var caller = new Caller(teacher.UserName, new HashSet<string>([WorkbenchRoles.Teacher], StringComparer.Ordinal));
        var classes = warehouse.Get<ClassQueries>();
        var year = (await classes.RosterFiscalYearAsync(CancellationToken.None))!.Value;
        var firstClass = (await classes.MyClassesAsync(caller, year, CancellationToken.None))[0];

        var overview = await warehouse.Get<ClassOverviewQuery>().GetAsync(caller, new LearningFilter(year), firstClass.ClassKey, CancellationToken.None);
        var warnings = await warehouse.Get<EarlyWarningQuery>().GetAsync(caller, new LearningFilter(year), flaggedOnly: false, CancellationToken.None);

        Assert.NotNull(overview);
        Assert.NotEmpty(overview.Units);
        Assert.Equal(firstClass.Pupils, overview.Pupils.Count);
        Assert.All(overview.Pupils, p => Assert.NotNull(p.Pupil.Name));
        Assert.Contains(overview.Pupils, p => p.Statements > 0 && p.AttendanceRate is > 0.5);
        var cells = overview.Pupils.SelectMany(p => p.Units.Values).ToList();
        Assert.NotEmpty(cells);
        Assert.All(cells.Where(c => c.Best is not null), c => Assert.NotNull(c.Band));
        Assert.True(cells.Count(c => c.Band is not null) >= overview.Pupils.Count, "most pupils have a band on some unit");
        Assert.NotEmpty(overview.Comparisons);
        Assert.Subset(overview.Units.Select(u => u.UnitKey).ToHashSet(), overview.Comparisons.Select(c => c.UnitKey).ToHashSet());
        Assert.All(overview.Comparisons, c => Assert.True(c.SchoolMean is null == c.SchoolPupils.IsHidden && c.CityMean is null == c.CityPupils.IsHidden));
        Assert.True(warnings.Count >= overview.Pupils.Count);
        Assert.Equal(
            await warehouse.QueryAsync<(string, int, string, int, double, int, double?, double?)>(LearningReadModelTests.LearningDaysFromFacts),
            await warehouse.QueryAsync<(string, int, string, int, double, int, double?, double?)>(LearningReadModelTests.LearningDays));
        Assert.Equal(
            await warehouse.QueryAsync<(short, short, string, string, int, double)>(LearningReadModelTests.UnitBestFromDefinition),
            await warehouse.QueryAsync<(short, short, string, string, int, double)>(LearningReadModelTests.UnitBest));
        await LearningReadModelTests.AssertReadModelsAgreeAsync(warehouse);
    }
}
