using System.Security.Cryptography;
using System.Text;

namespace Workbench.Data.Etl.Districts;

/// <summary>A 中学校区 name with a code already in the warehouse; preference 1 is the 町丁 master, 2 a loaded polygon.</summary>
internal sealed record KnownDistrict(string Name, string Code, int Preference);

/// <summary>
/// Codes for boundary files that name a 中学校区 but carry no code of ours (the national A32 data): the code the
/// warehouse already uses for that name, or else a stable code derived from the municipality and the name.
/// </summary>
internal sealed class DistrictCodeBook(IEnumerable<KnownDistrict> known)
{
    private readonly Dictionary<string, string> byName = known
        .OrderBy(k => k.Preference).ThenBy(k => k.Code, StringComparer.Ordinal)
        .GroupBy(k => k.Name, StringComparer.Ordinal)
        .ToDictionary(g => g.Key, g => g.First().Code, StringComparer.Ordinal);

    public string CodeFor(string municipalityCode, string districtName) =>
        byName.TryGetValue(districtName, out var code) ? code : Derive(municipalityCode, districtName);

    /// <summary><c>jhs-33203-</c> and the first 8 hex digits of the name's SHA-256: the same name always gets the same code.</summary>
    public static string Derive(string municipalityCode, string districtName) =>
        $"jhs-{municipalityCode}-{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(districtName)))[..8]}";
}
