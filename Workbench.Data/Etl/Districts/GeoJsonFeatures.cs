using System.Text.Json;

namespace Workbench.Data.Etl.Districts;

/// <summary>
/// The features of a GeoJSON FeatureCollection, one at a time. The file's bytes (a few MB at most for boundary files)
/// are walked with <see cref="Utf8JsonReader"/> and only the current feature is parsed into a document, so a large
/// collection never becomes one big DOM.
/// </summary>
internal static class GeoJsonFeatures
{
    /// <summary>Each feature (any JSON value in <c>features</c>) with its 1-based number in the collection.</summary>
    public static IEnumerable<(int Number, JsonDocument Feature)> Read(string path)
    {
        var bytes = File.ReadAllBytes(path);
        var start = bytes.AsSpan().StartsWith("\uFEFF"u8) ? 3 : 0;
        var partName = Path.GetFileName(path);
        var (offset, state) = FindFeatures(bytes, start, partName);
        var number = 0;
        while (Next(bytes, ref offset, ref state, partName) is { } feature)
        {
            yield return (++number, feature);
        }
    }

    private static (int Offset, JsonReaderState State) FindFeatures(byte[] bytes, int start, string partName)
    {
        try
        {
            var reader = new Utf8JsonReader(bytes.AsSpan(start), isFinalBlock: true, default);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                throw NotACollection(partName, "先頭が { ではありません");
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var name = reader.GetString();
                reader.Read();
                if (name == "type" && reader.TokenType == JsonTokenType.String && reader.GetString() != "FeatureCollection")
                {
                    throw NotACollection(partName, $"type が {reader.GetString()} です");
                }

                if (name == "features" && reader.TokenType == JsonTokenType.StartArray)
                {
                    return (start + (int)reader.BytesConsumed, reader.CurrentState);
                }

                reader.Skip();
            }

            throw NotACollection(partName, "features の配列がありません");
        }
        catch (JsonException ex)
        {
            throw Unreadable(partName, ex);
        }
    }

    private static JsonDocument? Next(byte[] bytes, ref int offset, ref JsonReaderState state, string partName)
    {
        try
        {
            var reader = new Utf8JsonReader(bytes.AsSpan(offset), isFinalBlock: true, state);
            if (!reader.Read() || reader.TokenType == JsonTokenType.EndArray)
            {
                return null;
            }

            var feature = JsonDocument.ParseValue(ref reader);
            offset += (int)reader.BytesConsumed;
            state = reader.CurrentState;
            return feature;
        }
        catch (JsonException ex)
        {
            throw Unreadable(partName, ex);
        }
    }

    private static EtlFileException NotACollection(string partName, string detail) =>
        new($"{partName} は GeoJSON の FeatureCollection ではありません（{detail}）。地物を FeatureCollection にまとめたファイルを取り込んでください。");

    private static EtlFileException Unreadable(string partName, JsonException ex) =>
        new($"{partName} を JSON として読めません。ファイルが途中で切れていないか確認してください（{ex.Message}）");
}
