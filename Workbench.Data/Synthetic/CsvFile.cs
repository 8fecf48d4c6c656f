using System.Text;

namespace Workbench.Data.Synthetic;

/// <summary>
/// A CSV file as the importers expect it: UTF-8 without BOM, "\n" line endings, fields quoted only when they hold a
/// comma, quote or line break (RFC 4180 quoting).
/// </summary>
internal sealed class CsvFile : IDisposable
{
    public static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    private readonly StreamWriter writer;

    public CsvFile(string path)
    {
        var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
        writer = new StreamWriter(stream, Utf8NoBom, 1 << 16) { NewLine = "\n" };
    }

    public long Rows { get; private set; }

    public void Row(params ReadOnlySpan<string?> cells)
    {
        for (var i = 0; i < cells.Length; i++)
        {
            if (i > 0)
            {
                writer.Write(',');
            }

            WriteCell(cells[i]);
        }

        writer.Write('\n');
        Rows++;
    }

    public void Dispose() => writer.Dispose();

    private void WriteCell(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return;
        }

        if (value.AsSpan().IndexOfAny(",\"\n\r") < 0)
        {
            writer.Write(value);
            return;
        }

        writer.Write('"');
        writer.Write(value.Replace("\"", "\"\"", StringComparison.Ordinal));
        writer.Write('"');
    }
}
