using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;

namespace Workbench.Data.Etl.Education;

/// <summary>
/// Reads one statement's bytes with <see cref="Utf8JsonReader"/> (no DOM) into the reused <see cref="XapiStatement"/>,
/// keeping what the warehouse needs and noting problems per part; <see cref="XapiRules"/> then judges them in a
/// fixed order. Repeated strings (verbs, activity ids, titles) are interned so a batch allocates each once.
/// The hot methods skip the tiered JIT's first, unoptimised tier: a batch runs them millions of times, once.
/// </summary>
internal sealed partial class XapiStatementParser
{
    private const int MaxInterned = 200_000;
    private static readonly JsonReaderOptions Options = new() { MaxDepth = 64 };

    // Top-level properties whose repetition makes a statement ambiguous (xAPI forbids duplicate properties).
    private static readonly string[] TopLevelNames = ["id", "actor", "verb", "object", "result", "context", "timestamp", "stored", "authority", "version", "attachments"];
    private static readonly byte[][] TopLevelBytes = [.. TopLevelNames.Select(n => System.Text.Encoding.UTF8.GetBytes(n))];

    private readonly Dictionary<string, string> interned = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> internedBySpan;
    private char[] chars = new char[512];

    public XapiStatementParser()
    {
        internedBySpan = interned.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public XapiStatement Statement { get; } = new();

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public XapiStatement Parse(ReadOnlySpan<byte> json)
    {
        var s = Statement;
        s.Reset();
        var reader = new Utf8JsonReader(json, Options);
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                s.NotAnObject = true;
                return s;
            }

            var seen = 0;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var property = TopLevel(ref reader);
                reader.Read();
                if (property >= 0)
                {
                    if ((seen & (1 << property)) != 0)
                    {
                        s.DuplicateProperty ??= TopLevelNames[property];
                    }

                    seen |= 1 << property;
                }

                switch (property)
                {
                    case 0:
                        ReadId(ref reader, s);
                        break;
                    case 1:
                        ReadActor(ref reader, s);
                        break;
                    case 2:
                        ReadVerb(ref reader, s);
                        break;
                    case 3:
                        ReadObject(ref reader, s);
                        break;
                    case 4:
                        ReadResult(ref reader, s);
                        break;
                    case 5:
                        ReadContext(ref reader, s);
                        break;
                    case 6:
                        s.Timestamp = ReadTime(ref reader, s, "timestamp");
                        break;
                    case 7:
                        s.Stored = ReadTime(ref reader, s, "stored");
                        break;
                    default:
                        reader.Skip();
                        break;
                }
            }

            reader.Read(); // throws when anything but whitespace follows the statement
        }
        catch (InvalidOperationException)
        {
            s.JsonError = "JSON の値の種類が xAPI の形と合いません。";
        }
        catch (JsonException ex)
        {
            s.JsonError = string.Create(CultureInfo.InvariantCulture,
                $"JSON として読めません（{(ex.LineNumber ?? 0) + 1} 行目 {(ex.BytePositionInLine ?? 0) + 1} バイト目付近）。");
        }

        return s;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int TopLevel(ref Utf8JsonReader reader)
    {
        for (var i = 0; i < TopLevelBytes.Length; i++)
        {
            if (reader.ValueTextEquals(TopLevelBytes[i]))
            {
                return i;
            }
        }

        return -1;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void ReadId(ref Utf8JsonReader reader, XapiStatement s)
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            var text = Text(ref reader);
            if (Guid.TryParseExact(text, "D", out var id))
            {
                s.IdValue = id;
                s.Id = id.ToString("D");
            }
            else
            {
                s.InvalidId = text.ToString();
            }
        }
        else if (reader.TokenType != JsonTokenType.Null)
        {
            s.InvalidId = reader.TokenType.ToString();
            reader.Skip();
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void ReadActor(ref Utf8JsonReader reader, XapiStatement s)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return;
        }

        s.HasActor = true;
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            s.ActorProblem ??= new("actor", "行為者（actor）が JSON のオブジェクトではありません。");
            reader.Skip();
            return;
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("objectType"u8))
            {
                reader.Read();
                if (reader.TokenType == JsonTokenType.String && reader.ValueTextEquals("Group"u8))
                {
                    s.ActorIsGroup = true;
                }
                else if (reader.TokenType != JsonTokenType.String || !reader.ValueTextEquals("Agent"u8))
                {
                    s.ActorProblem ??= new("actor.objectType", "actor.objectType は Agent（個人）か Group です。", StringValue(ref reader));
                }

                reader.Skip();
            }
            else if (reader.ValueTextEquals("mbox"u8))
            {
                reader.Read();
                var text = reader.TokenType == JsonTokenType.String ? Text(ref reader) : default;
                if (text.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase) && text.Length > 7)
                {
                    SetActor(s, XapiActorId.Mbox, text[7..]);
                }
                else
                {
                    s.ActorIdCount++;
                    s.ActorProblem ??= new("actor.mbox", "actor.mbox は mailto: で始まるメールアドレスです（例: mailto:s00000001@tsuyama.ed.jp）。", SourceValues.MaskId(text.ToString()));
                }

                reader.Skip();
            }
            else if (reader.ValueTextEquals("mbox_sha1sum"u8))
            {
                reader.Read();
                ReadIdentifier(ref reader, s, XapiActorId.MboxSha1Sum, "actor.mbox_sha1sum");
            }
            else if (reader.ValueTextEquals("openid"u8))
            {
                reader.Read();
                ReadIdentifier(ref reader, s, XapiActorId.OpenId, "actor.openid");
            }
            else if (reader.ValueTextEquals("account"u8))
            {
                reader.Read();
                ReadAccount(ref reader, s);
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void ReadAccount(ref Utf8JsonReader reader, XapiStatement s)
    {
        var named = false;
        if (reader.TokenType == JsonTokenType.StartObject)
        {
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isName = reader.ValueTextEquals("name"u8);
                reader.Read();
                if (isName && !named && reader.TokenType == JsonTokenType.String && Text(ref reader).Trim() is { IsEmpty: false } name)
                {
                    named = true;
                    SetActor(s, XapiActorId.Account, name);
                }

                reader.Skip();
            }
        }
        else
        {
            reader.Skip();
        }

        if (!named)
        {
            s.ActorIdCount++;
            s.ActorProblem ??= new("actor.account.name", "actor.account に name（学習eポータルの利用者 ID）がありません。");
        }
    }

    private void ReadIdentifier(ref Utf8JsonReader reader, XapiStatement s, XapiActorId kind, string field)
    {
        if (reader.TokenType == JsonTokenType.String && Text(ref reader).Trim() is { IsEmpty: false } value)
        {
            SetActor(s, kind, value);
            return;
        }

        s.ActorIdCount++;
        s.ActorProblem ??= new(field, $"{field} が文字列ではないか、空です。");
        reader.Skip();
    }

    private static void SetActor(XapiStatement s, XapiActorId kind, ReadOnlySpan<char> value)
    {
        s.ActorIdCount++;
        if (s.ActorId == XapiActorId.None)
        {
            s.ActorId = kind;
            value.CopyTo(s.ActorValueBuffer(value.Length));
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void ReadVerb(ref Utf8JsonReader reader, XapiStatement s)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return;
        }

        s.HasVerb = true;
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            reader.Skip();
            return;
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isId = reader.ValueTextEquals("id"u8);
            reader.Read();
            if (isId && reader.TokenType == JsonTokenType.String)
            {
                s.Verb = Interned(ref reader);
            }
            else
            {
                reader.Skip();
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void ReadObject(ref Utf8JsonReader reader, XapiStatement s)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return;
        }

        if (reader.TokenType != JsonTokenType.StartObject)
        {
            s.Object = XapiObjectKind.Unknown;
            s.ObjectType = reader.TokenType.ToString();
            reader.Skip();
            return;
        }

        s.Object = XapiObjectKind.Activity; // objectType may be left out for an Activity
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("objectType"u8))
            {
                reader.Read();
                s.Object = reader.TokenType != JsonTokenType.String ? XapiObjectKind.Unknown
                    : reader.ValueTextEquals("Activity"u8) ? XapiObjectKind.Activity
                    : reader.ValueTextEquals("StatementRef"u8) ? XapiObjectKind.StatementRef
                    : reader.ValueTextEquals("Agent"u8) ? XapiObjectKind.Agent
                    : reader.ValueTextEquals("Group"u8) ? XapiObjectKind.Group
                    : reader.ValueTextEquals("SubStatement"u8) ? XapiObjectKind.SubStatement
                    : XapiObjectKind.Unknown;
                s.ObjectType = s.Object == XapiObjectKind.Unknown ? StringValue(ref reader) : null;
                reader.Skip();
            }
            else if (reader.ValueTextEquals("id"u8))
            {
                reader.Read();
                s.ObjectId = reader.TokenType == JsonTokenType.String ? Interned(ref reader) : null;
                reader.Skip();
            }
            else if (reader.ValueTextEquals("definition"u8))
            {
                reader.Read();
                s.ObjectTitle = JapaneseName(ref reader);
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }
    }

    /// <summary>The <c>ja</c> (or <c>ja-JP</c>) entry of a definition's <c>name</c> language map.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private string? JapaneseName(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            reader.Skip();
            return null;
        }

        string? title = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isName = reader.ValueTextEquals("name"u8);
            reader.Read();
            if (!isName || reader.TokenType != JsonTokenType.StartObject)
            {
                reader.Skip();
                continue;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var exact = reader.ValueTextEquals("ja"u8);
                var japanese = exact || reader.ValueTextEquals("ja-JP"u8) || reader.ValueTextEquals("ja-jp"u8);
                reader.Read();
                if (japanese && reader.TokenType == JsonTokenType.String && (title is null || exact))
                {
                    title = Interned(ref reader);
                }
                else
                {
                    reader.Skip();
                }
            }
        }

        return title;
    }

    /// <summary>The current string token, unescaped, in a buffer reused by the next call.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private ReadOnlySpan<char> Text(ref Utf8JsonReader reader)
    {
        var length = reader.ValueSpan.Length;
        if (chars.Length < length)
        {
            chars = new char[Math.Max(length, chars.Length * 2)];
        }

        return chars.AsSpan(0, reader.CopyString(chars));
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private string Interned(ref Utf8JsonReader reader)
    {
        var text = Text(ref reader);
        if (internedBySpan.TryGetValue(text, out var known))
        {
            return known;
        }

        var value = text.ToString();
        if (interned.Count < MaxInterned)
        {
            interned[value] = value;
        }

        return value;
    }

    /// <summary>A short rendering of the current value for a reject (strings as they are, other tokens by kind).</summary>
    private string? StringValue(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.String => Text(ref reader).ToString(),
        JsonTokenType.Number or JsonTokenType.True or JsonTokenType.False => System.Text.Encoding.UTF8.GetString(reader.ValueSpan),
        JsonTokenType.Null => "null",
        _ => null,
    };
}
