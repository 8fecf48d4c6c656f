using System.Globalization;

namespace Workbench.Data.Export;

/// <summary>Column letters and widths.</summary>
internal static class XlsxColumns
{
    public const double MinWidth = 8;
    public const double MaxWidth = 60;

    /// <summary>1 → A, 27 → AA.</summary>
    public static string Letter(int column)
    {
        var letters = string.Empty;
        for (; column > 0; column = (column - 1) / 26)
        {
            letters = (char)('A' + ((column - 1) % 26)) + letters;
        }

        return letters;
    }

    public static string Reference(int column, long row) => Letter(column) + row.ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// A column's width in Excel's units (the width of one digit): the widest text it holds, East-Asian wide characters
    /// counting 2, the header with room for the filter button, plus a margin; at least <see cref="MinWidth"/>, at most
    /// <see cref="MaxWidth"/>.
    /// </summary>
    public static double Width(string header, IEnumerable<string> texts)
    {
        var widest = Math.Max(DisplayWidth.Of(header) + 2, texts.Select(DisplayWidth.Of).DefaultIfEmpty(0).Max());
        return Math.Clamp(widest + 2, MinWidth, MaxWidth);
    }
}
