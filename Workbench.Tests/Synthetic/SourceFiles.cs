using System.Text;
using Workbench.Data.Synthetic;

namespace Workbench.Tests.Synthetic;

/// <summary>A generator run in its own temporary folder, deleted on dispose; and a small reader for the CSV it writes.</summary>
public sealed class GeneratedFolder : IDisposable
{
    public GeneratedFolder(SeedScale scale, int seed = 20250401)
    {
        Root = Path.Combine(Path.GetTempPath(), "workbench-tests", "synthetic-" + Guid.NewGuid().ToString("N"));
        Sources = new TsuyamaGenerator(seed).Write(Root, scale);
    }

    public string Root { get; }

    public GeneratedSources Sources { get; }

    public string OneRoster(string file) => Path.Combine(Sources.OneRosterFolder, file);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is not worth failing a test run for.
        }
    }
}

public static class Csv
{
    public static string[] Header(string path)
    {
        using var reader = new StreamReader(path, Encoding.UTF8);
        return Split(reader.ReadLine() ?? string.Empty);
    }

    /// <summary>Rows as column → value, streamed (the attendance file has over a million rows).</summary>
    public static IEnumerable<Dictionary<string, string>> Rows(string path)
    {
        using var reader = new StreamReader(path, Encoding.UTF8);
        var header = Split(reader.ReadLine() ?? string.Empty);
        while (reader.ReadLine() is { } line)
        {
            var cells = Split(line);
            var row = new Dictionary<string, string>(header.Length, StringComparer.Ordinal);
            for (var i = 0; i < header.Length; i++)
            {
                row[header[i]] = i < cells.Length ? cells[i] : string.Empty;
            }

            yield return row;
        }
    }

    /// <summary>One CSV line with RFC 4180 quoting (the generator writes no line breaks inside fields).</summary>
    public static string[] Split(string line)
    {
        var cells = new List<string>();
        var cell = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    cell.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    cell.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                cells.Add(cell.ToString());
                cell.Clear();
            }
            else
            {
                cell.Append(c);
            }
        }

        cells.Add(cell.ToString());
        return [.. cells];
    }
}
