using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Workbench.Data.Etl.Education;

/// <summary>Value rules of xAPI statements: durations, time zones, stand-in ids, and what a unit's IRI says.</summary>
internal static partial class XapiValues
{
    public static readonly TimeSpan JapanOffset = TimeSpan.FromHours(9);

    // The subject segment of the portal's activity IRIs (the OneRoster subjectCodes) and the subject's name.
    private static readonly Dictionary<string, string> Subjects = new(StringComparer.OrdinalIgnoreCase)
    {
        ["kokugo"] = "国語",
        ["sansu"] = "算数",
        ["sugaku"] = "数学",
        ["rika"] = "理科",
        ["shakai"] = "社会",
        ["eigo"] = "英語",
        ["gaikokugo"] = "外国語",
        ["seikatsu"] = "生活",
        ["ongaku"] = "音楽",
        ["zuko"] = "図画工作",
        ["bijutsu"] = "美術",
        ["katei"] = "家庭",
        ["taiiku"] = "体育",
        ["hokentaiiku"] = "保健体育",
        ["gijutsukatei"] = "技術・家庭",
        ["doutoku"] = "道徳",
    };

    private static readonly JsonWriterOptions CanonicalWriter = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>
    /// ISO 8601 duration in seconds: <c>PT4H35M20.00S</c>, <c>PT45S</c>, <c>P1DT2H</c>, <c>P2W</c>. Years and months
    /// are refused: their length varies, and no lesson lasts that long.
    /// </summary>
    public static bool TryParseDuration(ReadOnlySpan<char> text, out double seconds)
    {
        seconds = 0;
        if (text.Length < 3 || text[0] != 'P')
        {
            return false;
        }

        var inTime = false;
        var any = false;
        var lastRank = -1;
        var i = 1;
        Span<char> number = stackalloc char[32];
        while (i < text.Length)
        {
            if (text[i] == 'T')
            {
                if (inTime || i == text.Length - 1)
                {
                    return false;
                }

                inTime = true;
                i++;
                continue;
            }

            var begin = i;
            while (i < text.Length && (char.IsAsciiDigit(text[i]) || text[i] is '.' or ','))
            {
                i++;
            }

            if (i == begin || i == text.Length)
            {
                return false;
            }

            if (i - begin > number.Length)
            {
                return false;
            }

            var digits = number[..(i - begin)];
            text[begin..i].CopyTo(digits);
            digits.Replace(',', '.');
            if (!double.TryParse(digits, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
            {
                return false;
            }

            var (rank, unit) = (inTime, text[i]) switch
            {
                (false, 'W') => (0, 604_800.0),
                (false, 'D') => (1, 86_400.0),
                (true, 'H') => (2, 3_600.0),
                (true, 'M') => (3, 60.0),
                (true, 'S') => (4, 1.0),
                _ => (-1, 0.0),
            };
            if (rank <= lastRank)
            {
                return false;
            }

            lastRank = rank;
            seconds += value * unit;
            any = true;
            i++;
        }

        return any;
    }

    /// <summary>True when an ISO 8601 date-time names its zone (<c>Z</c> or an offset after the time).</summary>
    public static bool HasZone(ReadOnlySpan<char> text)
    {
        var time = text.IndexOfAny('T', 't', ' ');
        return time >= 0 && text[time..].IndexOfAny("Zz+-") >= 0;
    }

    /// <summary>Japan time (+09:00) as the warehouse keeps it, and its date key.</summary>
    public static (DateTime OccurredAt, int DateKey) InJapan(DateTimeOffset time)
    {
        var japan = time.ToOffset(JapanOffset).DateTime;
        return (japan, Domain.Calendar.FiscalCalendar.DateKeyOf(DateOnly.FromDateTime(japan)));
    }

    /// <summary>
    /// The id of a statement that came without one: a UUID (version 8, RFC 9562) from the SHA-256 of the statement's
    /// canonical JSON (properties sorted, no whitespace, strings and numbers in one spelling), so the same statement
    /// gets the same id on every import however it was formatted.
    /// </summary>
    public static Guid DeterministicId(ReadOnlyMemory<byte> statement)
    {
        using var document = JsonDocument.Parse(statement);
        var canonical = new ArrayBufferWriter<byte>(statement.Length);
        using (var writer = new Utf8JsonWriter(canonical, CanonicalWriter))
        {
            WriteCanonical(writer, document.RootElement);
        }

        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(canonical.WrittenSpan, hash);
        hash[6] = (byte)((hash[6] & 0x0F) | 0x80);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash[..16], bigEndian: true);
    }

    private static void WriteCanonical(Utf8JsonWriter writer, JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                writer.WriteStartObject();
                foreach (var property in element.EnumerateObject().OrderBy(p => p.Name, StringComparer.Ordinal))
                {
                    writer.WritePropertyName(property.Name);
                    WriteCanonical(writer, property.Value);
                }

                writer.WriteEndObject();
                break;
            case JsonValueKind.Array:
                writer.WriteStartArray();
                foreach (var item in element.EnumerateArray())
                {
                    WriteCanonical(writer, item);
                }

                writer.WriteEndArray();
                break;
            case JsonValueKind.String:
                writer.WriteStringValue(element.GetString());
                break;
            case JsonValueKind.Number when element.TryGetDouble(out var number) && double.IsFinite(number):
                writer.WriteNumberValue(number);
                break;
            default:
                element.WriteTo(writer);
                break;
        }
    }

    /// <summary>
    /// Subject and grade from a unit IRI of the portal's pattern <c>…/activities/{subject}/{grade}/u{nn}</c>
    /// (e.g. <c>…/activities/sansu/p3/u04</c> → 算数, P3); nulls for any other IRI.
    /// </summary>
    public static (string? Subject, string? Grade) SubjectAndGrade(string unitIri)
    {
        var match = UnitIri().Match(unitIri);
        if (!match.Success)
        {
            return (null, null);
        }

        return (Subjects.GetValueOrDefault(match.Groups["subject"].Value), match.Groups["grade"].Value.ToUpperInvariant());
    }

    [GeneratedRegex(@"/activities/(?<subject>[A-Za-z]+)/(?<grade>[Pp][1-6]|[Jj][1-3])/u[0-9]+/?$")]
    private static partial Regex UnitIri();
}
