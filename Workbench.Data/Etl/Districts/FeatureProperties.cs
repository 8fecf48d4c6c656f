using System.Globalization;
using System.Text.Json;

namespace Workbench.Data.Etl.Districts;

/// <summary>The <c>properties</c> of a GeoJSON feature, read leniently: numbers may come as strings and vice versa.</summary>
internal readonly struct FeatureProperties(JsonElement properties)
{
    public bool Has(string name) => properties.ValueKind == JsonValueKind.Object && properties.TryGetProperty(name, out _);

    /// <summary>The trimmed text of a string or number property, or null when it is absent, null or empty.</summary>
    public string? Text(string name)
    {
        if (properties.ValueKind != JsonValueKind.Object || !properties.TryGetProperty(name, out var value))
        {
            return null;
        }

        var text = value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number => value.GetRawText(),
            _ => null,
        };
        return string.IsNullOrWhiteSpace(text) ? null : text.Trim();
    }

    /// <summary>A true/false property; absent counts as false. Null when it is there but not a boolean.</summary>
    public bool? Flag(string name)
    {
        if (properties.ValueKind != JsonValueKind.Object || !properties.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return false;
        }

        return value.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            JsonValueKind.String when bool.TryParse(value.GetString(), out var parsed) => parsed,
            _ => null,
        };
    }

    /// <summary>A count (0 or more); <c>Valid</c> is false when the property is there but is not one.</summary>
    public (bool Valid, int? Value) Count(string name)
    {
        var text = Text(name);
        if (text is null)
        {
            return (true, null);
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var count) ? (true, count) : (false, null);
    }
}
