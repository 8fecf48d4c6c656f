using System.Globalization;
using System.IO.Compression;

namespace Workbench.Data.Etl.Transit;

/// <summary>
/// A GTFS feed as delivered: a zip (the usual form) or a folder of <c>.txt</c> files. A zip is unpacked into a temporary
/// folder for the batch and removed afterwards; a zip that cannot be read fails the batch with a message in Japanese.
/// </summary>
internal sealed class GtfsArchive : IDisposable
{
    private readonly string? extracted;

    private GtfsArchive(string folder, string? extracted)
    {
        Folder = folder;
        this.extracted = extracted;
    }

    public string Folder { get; }

    public static GtfsArchive Open(string path, long batchId)
    {
        if (Directory.Exists(path))
        {
            return new GtfsArchive(path, null);
        }

        // Unique per open: batch numbers repeat across warehouses (tests open several in one process).
        var target = Path.Combine(Path.GetTempPath(), string.Create(CultureInfo.InvariantCulture, $"workbench-gtfs-{batchId}-{Guid.NewGuid():N}"));
        try
        {
            ZipFile.ExtractToDirectory(path, target, overwriteFiles: true);
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or NotSupportedException)
        {
            if (Directory.Exists(target))
            {
                Directory.Delete(target, recursive: true);
            }

            throw new EtlFileException($"{Path.GetFileName(path)} を zip ファイルとして開けません（壊れているか、zip ではありません）。GTFS フィードの zip をそのまま指定してください。（{ex.Message}）");
        }

        // Some publishers zip the feed's folder rather than its files.
        var folder = Directory.EnumerateFiles(target, "*.txt", SearchOption.AllDirectories)
            .Select(Path.GetDirectoryName)
            .OrderBy(d => d!.Length)
            .FirstOrDefault() ?? target;
        return new GtfsArchive(folder, target);
    }

    /// <summary>The path of a feed file (<c>stops</c> → <c>stops.txt</c>), or null when the feed does not have it.</summary>
    public string? FileOf(string name)
    {
        var path = Path.Combine(Folder, name + ".txt");
        return File.Exists(path) ? path : null;
    }

    public void Dispose()
    {
        if (extracted is not null && Directory.Exists(extracted))
        {
            Directory.Delete(extracted, recursive: true);
        }
    }
}
