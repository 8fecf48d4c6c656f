using System.Collections.Frozen;
using System.Globalization;
using System.Reflection;
using System.Text;
using Workbench.Data.Migrations;

namespace Workbench.Data.Warehouse;

/// <summary>
/// The SQL of one dialect, loaded once from the files under <c>sql/&lt;dialect&gt;/</c> embedded in this assembly.
/// Queries are named by their path without the extension (<c>warehouse/fact_row_counts</c>); migrations are the
/// numbered files under <c>migrations/</c>.
/// </summary>
public sealed class SqlCatalogue
{
    private const string MigrationsFolder = "migrations/";

    private SqlCatalogue(WarehouseProvider provider, FrozenDictionary<string, string> queries, IReadOnlyList<MigrationScript> migrations)
    {
        Provider = provider;
        Queries = queries;
        Migrations = migrations;
    }

    public WarehouseProvider Provider { get; }

    public FrozenDictionary<string, string> Queries { get; }

    public IReadOnlyList<MigrationScript> Migrations { get; }

    public string this[string name] => Queries.TryGetValue(name, out var sql)
        ? sql
        : throw new KeyNotFoundException($"No query '{name}' in sql/{FolderOf(Provider)}/.");

    public static string FolderOf(WarehouseProvider provider) => provider switch
    {
        WarehouseProvider.DuckDb => "duckdb",
        WarehouseProvider.SqlServer => "sqlserver",
        _ => throw new ArgumentOutOfRangeException(nameof(provider)),
    };

    /// <summary>Every embedded file of the dialect, by its path under the dialect folder (with extension).</summary>
    public static IReadOnlyDictionary<string, string> FilesOf(WarehouseProvider provider)
    {
        var prefix = $"sql/{FolderOf(provider)}/";
        var assembly = typeof(SqlCatalogue).Assembly;
        return assembly.GetManifestResourceNames()
            .Where(name => name.StartsWith(prefix, StringComparison.Ordinal))
            .ToDictionary(name => name[prefix.Length..], name => Read(assembly, name), StringComparer.Ordinal);
    }

    public static SqlCatalogue Load(WarehouseProvider provider)
    {
        var files = FilesOf(provider);
        var queries = files
            .Where(file => !file.Key.StartsWith(MigrationsFolder, StringComparison.Ordinal))
            .ToFrozenDictionary(file => Path.ChangeExtension(file.Key, null), file => file.Value, StringComparer.Ordinal);
        var migrations = files
            .Where(file => file.Key.StartsWith(MigrationsFolder, StringComparison.Ordinal))
            .Select(file => ToMigration(file.Key[MigrationsFolder.Length..], file.Value))
            .OrderBy(script => script.Version)
            .ToList();
        var duplicate = migrations.GroupBy(script => script.Version).FirstOrDefault(group => group.Count() > 1);
        if (duplicate is not null)
        {
            throw new InvalidOperationException($"Two migrations share number {duplicate.Key}: {string.Join(", ", duplicate.Select(s => s.Name))}.");
        }

        return new SqlCatalogue(provider, queries, migrations);
    }

    private static MigrationScript ToMigration(string fileName, string sql)
    {
        var number = fileName.Split('_', 2)[0];
        if (!int.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out var version))
        {
            throw new InvalidOperationException($"Migration file '{fileName}' must start with its number, e.g. 0002_health.sql.");
        }

        return new MigrationScript(version, fileName, sql);
    }

    private static string Read(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }
}
