using System.Security.Cryptography;
using System.Text;

namespace Workbench.Data.Etl;

internal static class FileFingerprint
{
    /// <summary>SHA-256 of a file, or of a folder's files (names and contents, in name order).</summary>
    public static async Task<string> Sha256Async(string path, CancellationToken cancellationToken)
    {
        if (File.Exists(path))
        {
            await using var stream = File.OpenRead(path);
            return Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, cancellationToken));
        }

        if (!Directory.Exists(path))
        {
            throw new EtlFileException($"ファイルまたはフォルダ {path} が見つかりません。");
        }

        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var file in Directory.EnumerateFiles(path).Order(StringComparer.Ordinal))
        {
            hash.AppendData(Encoding.UTF8.GetBytes(Path.GetFileName(file) + "\0"));
            hash.AppendData(await File.ReadAllBytesAsync(file, cancellationToken));
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
