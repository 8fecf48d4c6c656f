namespace Workbench.Data.Export;

/// <summary>How a column's values are written: the cell type and the Japanese number format.</summary>
public enum ExportColumnKind
{
    /// <summary>Text, stored as text (never a formula), formatted <c>@</c>.</summary>
    Text,

    /// <summary>Whole numbers, <c>#,##0</c>.</summary>
    Integer,

    /// <summary>Numbers with decimals, <c>#,##0.00</c>.</summary>
    Decimal,

    /// <summary>A fraction shown as a percentage (0.123 → 12.3%), <c>0.0%</c>.</summary>
    Percent,

    /// <summary>A day, <c>yyyy/mm/dd</c>.</summary>
    Date,

    /// <summary>A moment, <c>yyyy/mm/dd hh:mm</c> (Japan time).</summary>
    DateTime,
}

/// <summary>
/// One column of an export: its header, how to read its value from a row, and its kind. The value may be a string,
/// a number, a date (<see cref="DateOnly"/>, <see cref="System.DateTime"/>, <see cref="DateTimeOffset"/>), a bool, a
/// <see cref="Domain.Privacy.SuppressedCount"/> (hidden counts are written as their <c>&lt;10</c> text) or null (an
/// empty cell).
/// </summary>
public sealed record ExportColumn<T>(string Header, Func<T, object?> Value, ExportColumnKind Kind = ExportColumnKind.Text)
{
    /// <summary>An Excel number format replacing the kind's default (e.g. <c>#,##0.000</c>).</summary>
    public string? NumberFormat { get; init; }
}
