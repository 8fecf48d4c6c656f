using System.ComponentModel.DataAnnotations;

namespace Workbench.Data.Warehouse;

public enum WarehouseProvider
{
    DuckDb,
    SqlServer,
}

/// <summary>The <c>Warehouse</c> configuration section, plus <c>ConnectionStrings:Warehouse</c>.</summary>
public sealed class WarehouseOptions : IValidatableObject
{
    public const string SectionName = "Warehouse";
    public const string DuckDbFileName = "workbench.duckdb";

    public WarehouseProvider Provider { get; set; } = WarehouseProvider.DuckDb;

    /// <summary>Folder for the DuckDB file, the pseudonymisation key, the inbox and generated files.</summary>
    [Required]
    public string DataDirectory { get; set; } = "data";

    /// <summary>Filled from <c>ConnectionStrings:Warehouse</c>; used when the provider is SQL Server.</summary>
    public string? SqlServerConnectionString { get; set; }

    public string DuckDbFilePath => Path.Combine(DataDirectory, DuckDbFileName);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Provider == WarehouseProvider.SqlServer && string.IsNullOrWhiteSpace(SqlServerConnectionString))
        {
            yield return new ValidationResult(
                "Warehouse:Provider is SqlServer but ConnectionStrings:Warehouse is empty.",
                [nameof(SqlServerConnectionString)]);
        }
    }
}
