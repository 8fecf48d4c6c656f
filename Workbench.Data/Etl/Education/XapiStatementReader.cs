using System.Buffers;
using System.Globalization;
using System.Runtime.CompilerServices;

namespace Workbench.Data.Etl.Education;

/// <summary>
/// Splits an xAPI file into statements, streaming: a buffer of a megabyte or so, never the whole file. The shape is
/// told from the first non-whitespace byte and the first line: <c>[</c> is a JSON array; <c>{</c> on a first line that
/// also closes with <c>}</c> is NDJSON (one statement per line); any other <c>{</c> is one pretty-printed statement
/// (or several, one after the other). Each statement comes with the line it starts on.
/// In NDJSON a broken line is that line's problem only (the parser rejects it); in an array or a pretty-printed file
/// a break in the structure (a string or bracket left open, a missing comma) makes the whole file unreadable, and
/// the batch fails with <see cref="EtlFileException"/>.
/// </summary>
internal sealed class XapiStatementReader : IDisposable
{
    private const int MaxStatementBytes = 16 << 20;
    private static readonly SearchValues<byte> InString = SearchValues.Create("\"\\\n"u8);
    private static readonly SearchValues<byte> Structural = SearchValues.Create("\"{}[],\n"u8);

    private readonly Stream stream;
    private byte[] buffer = new byte[1 << 20];
    private int start;
    private int end;
    private bool endOfFile;
    private long line = 1;
    private bool first = true;
    private bool finished;

    private XapiStatementReader(Stream stream, string partName)
    {
        this.stream = stream;
        PartName = partName;
    }

    public enum FileShape
    {
        /// <summary>NDJSON: one statement per line.</summary>
        Lines,

        /// <summary>A JSON array of statements.</summary>
        Array,

        /// <summary>One statement object (pretty-printed), or several one after the other.</summary>
        Objects,
    }

    public string PartName { get; }

    public FileShape Shape { get; private set; }

    /// <summary>The current statement's bytes; valid until the next <see cref="MoveNext"/>.</summary>
    public ReadOnlyMemory<byte> Current { get; private set; }

    /// <summary>The 1-based line the current statement starts on.</summary>
    public long LineNumber { get; private set; }

    /// <summary>The 1-based position of the current statement in the file (in an array: its index + 1).</summary>
    public long Ordinal { get; private set; }

    public static XapiStatementReader Open(string path)
    {
        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
        var reader = new XapiStatementReader(stream, Path.GetFileName(path));
        try
        {
            reader.DetectShape();
            return reader;
        }
        catch
        {
            reader.Dispose();
            throw;
        }
    }

    public bool MoveNext()
    {
        if (finished)
        {
            return false;
        }

        var more = Shape switch
        {
            FileShape.Lines => NextLine(),
            FileShape.Array => NextElement(),
            _ => NextObject(),
        };
        finished = !more;
        Ordinal += more ? 1 : 0;
        return more;
    }

    public void Dispose() => stream.Dispose();

    private void DetectShape()
    {
        Fill();
        if (end - start >= 3 && buffer.AsSpan(start, 3).SequenceEqual("\uFEFF"u8))
        {
            start += 3;
        }

        if (!SkipWhitespace())
        {
            throw new EtlFileException($"{PartName} は空です。xAPI ステートメントが1件もありません。");
        }

        switch (buffer[start])
        {
            case (byte)'[':
                Shape = FileShape.Array;
                start++;
                return;
            case (byte)'{':
                Shape = FirstLineClosesAnObject() ? FileShape.Lines : FileShape.Objects;
                return;
            default:
                throw new EtlFileException(
                    $"{PartName} は xAPI の JSON ではありません（{line} 行目が {{ でも [ でも始まっていません）。1件のステートメント、ステートメントの配列、または1行に1件（NDJSON）のファイルを指定してください。");
        }
    }

    /// <summary>True when the first line ends with <c>}</c>: a statement per line.</summary>
    private bool FirstLineClosesAnObject()
    {
        int newline;
        while ((newline = buffer.AsSpan(start, end - start).IndexOf((byte)'\n')) < 0 && !endOfFile && end - start < MaxStatementBytes)
        {
            Fill();
        }

        var firstLine = newline < 0 ? buffer.AsSpan(start, end - start) : buffer.AsSpan(start, newline);
        firstLine = firstLine.TrimEnd(" \t\r"u8);
        return (newline >= 0 || endOfFile) && firstLine.Length > 0 && firstLine[^1] == (byte)'}';
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool NextLine()
    {
        var scanned = 0;
        while (true)
        {
            var newline = buffer.AsSpan(start + scanned, end - start - scanned).IndexOf((byte)'\n');
            int length;
            if (newline >= 0)
            {
                length = scanned + newline;
            }
            else if (!endOfFile)
            {
                scanned = end - start;
                Fill();
                continue;
            }
            else if (start < end)
            {
                length = end - start;
            }
            else
            {
                return false;
            }

            var text = buffer.AsMemory(start, length);
            LineNumber = line++;
            start += Math.Min(length + 1, end - start);
            scanned = 0;
            if (!text.Span.Trim(" \t\r"u8).IsEmpty)
            {
                Current = text;
                return true;
            }
        }
    }

    private bool NextElement()
    {
        if (!SkipWhitespace())
        {
            throw Broken("配列が閉じていません（] がありません）。ファイルが途中で切れている可能性があります");
        }

        var next = buffer[start];
        if (next == (byte)']')
        {
            start++;
            if (SkipWhitespace())
            {
                throw Broken("配列の ] の後に余分な内容があります");
            }

            return false;
        }

        if (!first)
        {
            if (next != (byte)',')
            {
                throw Broken("ステートメントの間に , がありません");
            }

            start++;
            if (!SkipWhitespace() || buffer[start] == (byte)']')
            {
                throw Broken("配列の , の後にステートメントがありません");
            }
        }

        first = false;
        return TakeValue();
    }

    private bool NextObject()
    {
        if (!SkipWhitespace())
        {
            return false;
        }

        if (buffer[start] != (byte)'{')
        {
            throw Broken("ステートメント（{ … }）の外に余分な内容があります");
        }

        return TakeValue();
    }

    /// <summary>Takes the JSON value starting at the current byte, tracking strings and brackets across refills.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool TakeValue()
    {
        var depth = 0;
        var inString = false;
        var offset = 0;
        long newlines = 0;
        while (true)
        {
            if (start + offset >= end)
            {
                if (endOfFile)
                {
                    throw Broken("ステートメントが閉じていません（文字列か括弧が途中で終わっています）。ファイルが途中で切れている可能性があります");
                }

                Fill();
                continue;
            }

            var rest = buffer.AsSpan(start + offset, end - start - offset);
            var found = rest.IndexOfAny(inString ? InString : Structural);
            if (found < 0)
            {
                offset += rest.Length;
                continue;
            }

            offset += found;
            var b = buffer[start + offset];
            if (b == (byte)'\n')
            {
                newlines++;
            }
            else if (inString)
            {
                if (b == (byte)'\\')
                {
                    offset++; // the escaped character, whatever it is
                }
                else
                {
                    inString = false;
                }
            }
            else if (b == (byte)'"')
            {
                inString = true;
            }
            else if (b is (byte)'{' or (byte)'[')
            {
                depth++;
            }
            else if (b is (byte)'}' or (byte)']' or (byte)',')
            {
                if (depth == 0)
                {
                    break; // a primitive element ends before the separator
                }

                if (b != (byte)',' && --depth == 0)
                {
                    offset++;
                    break;
                }
            }

            offset++;
        }

        Current = buffer.AsMemory(start, offset);
        LineNumber = line;
        line += newlines;
        start += offset;
        return true;
    }

    /// <summary>Moves past whitespace, counting lines; false at the end of the file.</summary>
    private bool SkipWhitespace()
    {
        while (true)
        {
            while (start < end)
            {
                var b = buffer[start];
                if (b == (byte)'\n')
                {
                    line++;
                }
                else if (b is not ((byte)' ' or (byte)'\t' or (byte)'\r'))
                {
                    return true;
                }

                start++;
            }

            if (endOfFile)
            {
                return false;
            }

            Fill();
        }
    }

    /// <summary>Reads more of the file behind what is buffered, moving the unread part to the front or growing the buffer.</summary>
    private void Fill()
    {
        if (start > 0)
        {
            buffer.AsSpan(start, end - start).CopyTo(buffer);
            end -= start;
            start = 0;
        }

        if (end == buffer.Length)
        {
            if (buffer.Length >= MaxStatementBytes)
            {
                throw Broken(string.Create(CultureInfo.InvariantCulture, $"1件のステートメントが {MaxStatementBytes >> 20} MB を超えています"));
            }

            Array.Resize(ref buffer, buffer.Length * 2);
        }

        var read = stream.Read(buffer, end, buffer.Length - end);
        end += read;
        endOfFile = read == 0;
    }

    private EtlFileException Broken(string what) => new(string.Create(CultureInfo.InvariantCulture,
        $"{PartName} の {line} 行目付近: {what}。ファイル全体を JSON として読めないため、何も取り込んでいません。"));
}
