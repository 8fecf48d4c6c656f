using System.Security.Cryptography;
using System.Text;

namespace Workbench.Data.Migrations;

/// <summary>A numbered schema script (<c>0001_schema_v1.sql</c>), applied once and recorded in <c>schema_version</c>.</summary>
public sealed record MigrationScript(int Version, string Name, string Sql)
{
    public string Checksum { get; } = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Sql)));

    /// <summary>
    /// The script's batches. T-SQL scripts may separate batches with <c>GO</c> lines, as SSMS does;
    /// DuckDB runs the whole script as one command.
    /// </summary>
    public IEnumerable<string> Batches()
    {
        var batch = new StringBuilder();
        foreach (var line in Sql.Split('\n'))
        {
            if (line.Trim().Equals("GO", StringComparison.OrdinalIgnoreCase))
            {
                if (batch.ToString().Trim().Length > 0)
                {
                    yield return batch.ToString();
                }

                batch.Clear();
                continue;
            }

            batch.Append(line).Append('\n');
        }

        if (batch.ToString().Trim().Length > 0)
        {
            yield return batch.ToString();
        }
    }
}

public sealed record AppliedMigration(int Version, string ScriptName, string Checksum, DateTime AppliedAt);

public sealed record MigrationReport(IReadOnlyList<MigrationScript> Applied, int SchemaVersion);

public sealed record SchemaState(IReadOnlyList<AppliedMigration> Applied, IReadOnlyList<MigrationScript> Pending)
{
    public int SchemaVersion => Applied.Count == 0 ? 0 : Applied[^1].Version;

    /// <summary>Applied scripts whose file has changed since: a sign someone edited history.</summary>
    public IReadOnlyList<AppliedMigration> Changed { get; init; } = [];
}

/// <summary>A migration failed; the database is as it was before that script.</summary>
public sealed class MigrationFailedException(MigrationScript script, Exception innerException)
    : Exception($"マイグレーション {script.Name} に失敗したため、この版の変更はすべて取り消しました: {innerException.Message}", innerException)
{
    public MigrationScript Script { get; } = script;
}
