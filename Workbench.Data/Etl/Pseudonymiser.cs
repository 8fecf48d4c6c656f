using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Workbench.Data.Warehouse;

namespace Workbench.Data.Etl;

/// <summary>
/// Person keys in the warehouse are keyed HMACs of the namespaced source id: stable across imports and
/// sources, and not reversible without the key. The key comes from <c>Etl:PseudonymKey</c>, or is generated
/// once and kept in the data folder (<c>pseudonym.key</c>).
/// </summary>
public sealed class Pseudonymiser
{
    public const string KeyFileName = "pseudonym.key";
    private readonly byte[] key;

    public Pseudonymiser(IOptions<EtlOptions> etl, IOptions<WarehouseOptions> warehouse)
    {
        key = string.IsNullOrWhiteSpace(etl.Value.PseudonymKey)
            ? LoadOrCreateKey(Path.Combine(warehouse.Value.DataDirectory, KeyFileName))
            : Convert.FromBase64String(etl.Value.PseudonymKey);
    }

    /// <summary>The pseudonym of a person: 32 hex characters.</summary>
    public string Of(string sourceNamespace, string sourceId) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes($"{sourceNamespace}\u001f{sourceId}")).AsSpan(0, 16));

    private static byte[] LoadOrCreateKey(string path)
    {
        if (File.Exists(path))
        {
            return Convert.FromBase64String(File.ReadAllText(path).Trim());
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var created = RandomNumberGenerator.GetBytes(32);
        File.WriteAllText(path, Convert.ToBase64String(created));
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        return created;
    }
}
