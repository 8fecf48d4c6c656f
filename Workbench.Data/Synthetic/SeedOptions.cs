namespace Workbench.Data.Synthetic;

/// <summary>The <c>Seed</c> configuration section: what an empty embedded warehouse is filled with on first start.</summary>
public sealed class SeedOptions
{
    public const string SectionName = "Seed";

    /// <summary><c>None</c> leaves an empty warehouse empty; SQL Server warehouses are never seeded on start.</summary>
    public SeedChoice Scale { get; set; } = SeedChoice.Demo;

    public int Seed { get; set; } = 20250401;

    /// <summary>The 年度 of the synthetic school year (the last one at city scale).</summary>
    public int FiscalYear { get; set; } = 2025;
}

public enum SeedChoice
{
    None,
    Tiny,
    Demo,
    City,
}
