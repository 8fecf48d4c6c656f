using System.IO.Compression;
using System.Text;

namespace Workbench.Data.Etl.Detection;

/// <summary>
/// What a kind rule may look at without reading a whole file: its name, the names inside a zip (or a folder), and for
/// other files the first bytes as UTF-8 text and the first line as CSV column names.
/// </summary>
public sealed class SourceSample
{
    /// <summary>How much of a text file is read to recognise it.</summary>
    public const int TextBytes = 64 * 1024;

    private SourceSample(string fileName, bool isArchive, IReadOnlySet<string> entries, string text, IReadOnlyList<string> csvHeader)
    {
        FileName = fileName;
        IsArchive = isArchive;
        Entries = entries;
        Text = text;
        CsvHeader = csvHeader;
    }

    public string FileName { get; }

    /// <summary>The extension in lower case with its dot (<c>.csv</c>), or empty.</summary>
    public string Extension => Path.GetExtension(FileName).ToLowerInvariant();

    /// <summary>A zip file or a folder: <see cref="Entries"/> holds the names of the files in it.</summary>
    public bool IsArchive { get; }

    /// <summary>File names (without folders, lower case) inside a zip or a folder.</summary>
    public IReadOnlySet<string> Entries { get; }

    /// <summary>The start of a text file (a BOM dropped); empty for archives.</summary>
    public string Text { get; }

    /// <summary>The first line split at commas, unquoted and trimmed; empty for archives.</summary>
    public IReadOnlyList<string> CsvHeader { get; }

    public bool HasEntries(params ReadOnlySpan<string> names)
    {
        foreach (var name in names)
        {
            if (!Entries.Contains(name.ToLowerInvariant()))
            {
                return false;
            }
        }

        return true;
    }

    public bool HasColumns(params ReadOnlySpan<string> columns)
    {
        foreach (var column in columns)
        {
            if (!CsvHeader.Contains(column, StringComparer.OrdinalIgnoreCase))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The text is JSON (an object, an array, or NDJSON) and holds the string <c>"name"</c> (a property name or a value).</summary>
    public bool HasJsonString(string name)
    {
        var start = Text.AsSpan().TrimStart();
        return start.Length > 0 && (start[0] == '{' || start[0] == '[') && Text.Contains($"\"{name}\"", StringComparison.Ordinal);
    }

    public static async Task<SourceSample> ReadAsync(string path, CancellationToken cancellationToken)
    {
        var fileName = Path.GetFileName(path.TrimEnd(Path.DirectorySeparatorChar));
        if (Directory.Exists(path))
        {
            return new SourceSample(fileName, true, Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories)
                .Select(f => Path.GetFileName(f).ToLowerInvariant()).ToHashSet(StringComparer.Ordinal), string.Empty, []);
        }

        var buffer = new byte[TextBytes];
        int length;
        await using (var stream = File.OpenRead(path))
        {
            length = await stream.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false, cancellationToken);
        }

        if (length >= 4 && buffer[0] == 'P' && buffer[1] == 'K' && buffer[2] == 3 && buffer[3] == 4)
        {
            return new SourceSample(fileName, true, ZipEntries(path), string.Empty, []);
        }

        var start = length >= 3 && buffer[0] == 0xEF && buffer[1] == 0xBB && buffer[2] == 0xBF ? 3 : 0;
        var text = new UTF8Encoding(false, throwOnInvalidBytes: false).GetString(buffer, start, length - start);
        return new SourceSample(fileName, false, new HashSet<string>(), text, HeaderOf(text));
    }

    /// <summary>A sample made from text alone (tests, or a caller that already holds the start of a file).</summary>
    public static SourceSample OfText(string fileName, string text) => new(fileName, false, new HashSet<string>(), text, HeaderOf(text));

    private static HashSet<string> ZipEntries(string path)
    {
        try
        {
            using var zip = ZipFile.OpenRead(path);
            return zip.Entries.Where(e => e.Name.Length > 0).Select(e => e.Name.ToLowerInvariant()).ToHashSet(StringComparer.Ordinal);
        }
        catch (InvalidDataException)
        {
            return []; // a broken zip is recognised by nothing; its importer, if chosen, says what is wrong
        }
    }

    private static string[] HeaderOf(string text)
    {
        var end = text.IndexOfAny(['\r', '\n']);
        var line = end < 0 ? text : text[..end];
        return line.Contains(',', StringComparison.Ordinal) || line.Length < 200
            ? [.. line.Split(',').Select(c => c.Trim().Trim('"').Trim())]
            : [];
    }
}
