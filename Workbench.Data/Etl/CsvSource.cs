using System.Text;

namespace Workbench.Data.Etl;

/// <summary>
/// Streams a UTF-8 CSV file (RFC 4180: quoted fields, doubled quotes, line breaks inside quotes) record by record,
/// with its header checked up front. A BOM is skipped.
/// </summary>
internal sealed class CsvSource : IDisposable
{
    private readonly StreamReader reader;
    private readonly Dictionary<string, int> columnIndex = new(StringComparer.Ordinal);
    private readonly List<string> fields = [];
    private readonly StringBuilder field = new();
    private long nextLine = 1;

    private CsvSource(string path, string partName)
    {
        FilePath = path;
        PartName = partName;
        reader = new StreamReader(path, new UTF8Encoding(false), detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16);
        if (!Read())
        {
            throw new EtlFileException($"{partName} が空か、見出し行がありません。");
        }

        Header = [.. fields];
        for (var i = 0; i < Header.Count; i++)
        {
            columnIndex.TryAdd(Header[i], i);
        }
    }

    public string FilePath { get; }

    public string PartName { get; }

    public IReadOnlyList<string> Header { get; }

    /// <summary>The 1-based line where the current record starts (the header is line 1).</summary>
    public long LineNumber { get; private set; }

    public static CsvSource Open(string path, IReadOnlyCollection<string> requiredColumns)
    {
        var source = new CsvSource(path, Path.GetFileName(path));
        var missing = requiredColumns.Where(c => !source.Has(c)).ToList();
        if (missing.Count > 0)
        {
            source.Dispose();
            throw new EtlFileException($"{source.PartName} に必要な列がありません: {string.Join(", ", missing)}（見出し: {string.Join(", ", source.Header)}）");
        }

        return source;
    }

    public bool Has(string column) => columnIndex.ContainsKey(column);

    /// <summary>
    /// The line each of some records starts on (records numbered from 1 after the header, as <see cref="Read"/> counts
    /// them) and the value (<see cref="Get"/>) of the column asked for it, reading the file only as far as the last one:
    /// for rejects found by a check in SQL, which knows records, not lines, and need not keep every field's text.
    /// </summary>
    public static IReadOnlyDictionary<long, (long Line, string? Value)> RecordsAt(string path, IReadOnlyDictionary<long, string> columnOf)
    {
        var found = new Dictionary<long, (long, string?)>(columnOf.Count);
        if (columnOf.Count == 0)
        {
            return found;
        }

        var last = columnOf.Keys.Max();
        using var csv = Open(path, []);
        for (long record = 1; record <= last && csv.Read(); record++)
        {
            if (columnOf.TryGetValue(record, out var column))
            {
                found[record] = (csv.LineNumber, csv.Get(column));
            }
        }

        return found;
    }

    /// <summary>The trimmed value of a column, or null when it is empty or absent.</summary>
    public string? Get(string column)
    {
        if (!columnIndex.TryGetValue(column, out var index) || index >= fields.Count)
        {
            return null;
        }

        var value = fields[index].Trim();
        return value.Length == 0 ? null : value;
    }

    /// <summary>Reads the next record; blank lines are skipped.</summary>
    public bool Read()
    {
        while (true)
        {
            fields.Clear();
            field.Clear();
            LineNumber = nextLine;
            var c = reader.Read();
            if (c < 0)
            {
                return false;
            }

            var inQuotes = false;
            var any = false;
            while (c >= 0)
            {
                var ch = (char)c;
                if (inQuotes)
                {
                    if (ch == '"')
                    {
                        if (reader.Peek() == '"')
                        {
                            reader.Read();
                            field.Append('"');
                        }
                        else
                        {
                            inQuotes = false;
                        }
                    }
                    else
                    {
                        if (ch == '\n')
                        {
                            nextLine++;
                        }

                        field.Append(ch);
                    }
                }
                else if (ch == '"')
                {
                    inQuotes = true;
                    any = true;
                }
                else if (ch == ',')
                {
                    fields.Add(field.ToString());
                    field.Clear();
                    any = true;
                }
                else if (ch == '\n' || ch == '\r')
                {
                    if (ch == '\r' && reader.Peek() == '\n')
                    {
                        reader.Read();
                    }

                    nextLine++;
                    break;
                }
                else
                {
                    field.Append(ch);
                    any = true;
                }

                c = reader.Read();
            }

            if (c < 0 && !any && field.Length == 0)
            {
                return false;
            }

            if (!any && field.Length == 0)
            {
                continue; // a blank line
            }

            fields.Add(field.ToString());
            return true;
        }
    }

    public void Dispose() => reader.Dispose();
}
