using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;

namespace Workbench.Data.Etl.Education;

/// <summary>The parser's reading of <c>context</c> (the 単元), <c>result</c> and the statement's times.</summary>
internal sealed partial class XapiStatementParser
{
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void ReadContext(ref Utf8JsonReader reader, XapiStatement s)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            reader.Skip();
            return;
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isActivities = reader.ValueTextEquals("contextActivities"u8);
            reader.Read();
            if (!isActivities || reader.TokenType != JsonTokenType.StartObject)
            {
                reader.Skip();
                continue;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isParent = reader.ValueTextEquals("parent"u8);
                var isGrouping = !isParent && reader.ValueTextEquals("grouping"u8);
                reader.Read();
                if (isParent)
                {
                    (s.ParentId, s.ParentTitle) = FirstActivity(ref reader);
                }
                else if (isGrouping)
                {
                    (s.GroupingId, s.GroupingTitle) = FirstActivity(ref reader);
                }
                else
                {
                    reader.Skip();
                }
            }
        }
    }

    /// <summary>The first activity of a context list (xAPI 1.0 allows a single object too): its id and Japanese name.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private (string? Id, string? Title) FirstActivity(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.StartObject)
        {
            return Activity(ref reader);
        }

        if (reader.TokenType != JsonTokenType.StartArray)
        {
            reader.Skip();
            return default;
        }

        (string? Id, string? Title) first = default;
        var index = 0;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (index++ == 0 && reader.TokenType == JsonTokenType.StartObject)
            {
                first = Activity(ref reader);
            }
            else
            {
                reader.Skip();
            }
        }

        return first;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private (string? Id, string? Title) Activity(ref Utf8JsonReader reader)
    {
        (string? Id, string? Title) activity = default;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("id"u8))
            {
                reader.Read();
                activity.Id = reader.TokenType == JsonTokenType.String ? Interned(ref reader) : null;
                reader.Skip();
            }
            else if (reader.ValueTextEquals("definition"u8))
            {
                reader.Read();
                activity.Title = JapaneseName(ref reader);
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }

        return activity;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void ReadResult(ref Utf8JsonReader reader, XapiStatement s)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return;
        }

        if (reader.TokenType != JsonTokenType.StartObject)
        {
            s.ResultProblem ??= new("result", "result が JSON のオブジェクトではありません。");
            reader.Skip();
            return;
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("score"u8))
            {
                reader.Read();
                ReadScore(ref reader, s);
            }
            else if (reader.ValueTextEquals("success"u8))
            {
                reader.Read();
                s.Success = Boolean(ref reader, s, "result.success");
            }
            else if (reader.ValueTextEquals("completion"u8))
            {
                reader.Read();
                s.Completion = Boolean(ref reader, s, "result.completion");
            }
            else if (reader.ValueTextEquals("duration"u8))
            {
                reader.Read();
                if (reader.TokenType == JsonTokenType.String && XapiValues.TryParseDuration(Text(ref reader), out var seconds))
                {
                    s.DurationSeconds = seconds;
                }
                else
                {
                    s.ResultProblem ??= new("result.duration", "result.duration は ISO 8601 の期間です（例: PT4H35M20.00S、PT45S）。年・月の単位は使えません。", StringValue(ref reader));
                    reader.Skip();
                }
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void ReadScore(ref Utf8JsonReader reader, XapiStatement s)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            s.ResultProblem ??= new("result.score", "result.score が JSON のオブジェクトではありません。");
            reader.Skip();
            return;
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var which = reader.ValueTextEquals("scaled"u8) ? 0 : reader.ValueTextEquals("raw"u8) ? 1 : reader.ValueTextEquals("min"u8) ? 2 : reader.ValueTextEquals("max"u8) ? 3 : -1;
            reader.Read();
            if (which < 0)
            {
                reader.Skip();
                continue;
            }

            double? value = reader.TokenType == JsonTokenType.Number && reader.TryGetDouble(out var number) && double.IsFinite(number) ? number : null;
            if (value is null)
            {
                var field = which switch { 0 => "result.score.scaled", 1 => "result.score.raw", 2 => "result.score.min", _ => "result.score.max" };
                s.ResultProblem ??= new(field, $"{field} が数値ではありません。", StringValue(ref reader));
                reader.Skip();
                continue;
            }

            switch (which)
            {
                case 0:
                    s.Scaled = value;
                    break;
                case 1:
                    s.Raw = value;
                    break;
                case 2:
                    s.Min = value;
                    break;
                default:
                    s.Max = value;
                    break;
            }
        }
    }

    private bool? Boolean(ref Utf8JsonReader reader, XapiStatement s, string field)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.True:
                return true;
            case JsonTokenType.False:
                return false;
            default:
                s.ResultProblem ??= new(field, $"{field} は true か false です。", StringValue(ref reader));
                reader.Skip();
                return null;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private DateTimeOffset? ReadTime(ref Utf8JsonReader reader, XapiStatement s, string field)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        if (reader.TokenType == JsonTokenType.String)
        {
            var fast = reader.TryGetDateTimeOffset(out var parsed);
            var text = Text(ref reader);
            if (fast || DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out parsed))
            {
                // Without a zone the time is taken as UTC, as LRSs store it (the fast path would have used this machine's zone).
                return XapiValues.HasZone(text) ? parsed : new DateTimeOffset(parsed.DateTime, TimeSpan.Zero);
            }
        }

        s.TimeProblem ??= new(field, $"{field} が ISO 8601 の日時ではありません（例: 2025-04-07T09:30:00+09:00）。", StringValue(ref reader));
        reader.Skip();
        return null;
    }
}
