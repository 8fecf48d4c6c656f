namespace Workbench.Data.Synthetic;

/// <summary>How much of Tsuyama the generator writes.</summary>
public enum SeedScale
{
    /// <summary>Three schools of the 久米 district (喬松小, 中正小, 久米中), about 500 residents in three 町丁, one 年度: for tests, seconds.</summary>
    Tiny,

    /// <summary>All 35 schools with their real pupils per grade, about 100,000 residents, one 年度: the first start of the workbench.</summary>
    Demo,

    /// <summary>All schools over five 年度 with grades rolled forward, at least ten million fact rows: for benchmarks.</summary>
    City,
}
