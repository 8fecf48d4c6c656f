using System.Text;

namespace Workbench.Features.Reports.Pdf;

/// <summary>
/// Breaks text into lines that fit a width: Japanese may break between any two characters except before closing
/// brackets and small kana or punctuation (行頭禁則) and after opening brackets (行末禁則); runs of Latin letters and
/// digits break at spaces only, unless a single word is wider than the line. Newlines in the text are kept.
/// </summary>
public static class LineBreaker
{
    private const string NoLineStart = "、。，．,.・：:；;？?！!）)］]｝}」』】〕〉》〙ー～…‥々ゝゞぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ%％";
    private const string NoLineEnd = "（(［[｛{「『【〔〈《〘";

    public static IReadOnlyList<string> Wrap(string text, double width, TextStyle style, TextMeasurer measurer)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lines = new List<string>();
        foreach (var paragraph in text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            WrapParagraph(paragraph, width, style, measurer, lines);
        }

        return lines;
    }

    private static void WrapParagraph(string text, double width, TextStyle style, TextMeasurer measurer, List<string> lines)
    {
        var line = new StringBuilder();
        var lineWidth = 0.0;
        foreach (var unit in Units(text))
        {
            var unitWidth = measurer.Width(unit, style);
            if (lineWidth + unitWidth <= width || line.Length == 0 && unitWidth <= width)
            {
                line.Append(unit);
                lineWidth += unitWidth;
                continue;
            }

            if (line.Length > 0)
            {
                lines.Add(line.ToString().TrimEnd());
                line.Clear();
                lineWidth = 0;
            }

            var start = unit.TrimStart();
            if (measurer.Width(start, style) <= width)
            {
                line.Append(start);
                lineWidth = measurer.Width(start, style);
                continue;
            }

            // A word wider than the line: cut it where it must be cut.
            foreach (var rune in start.EnumerateRunes())
            {
                var w = measurer.Width(rune, style);
                if (lineWidth + w > width && line.Length > 0)
                {
                    lines.Add(line.ToString());
                    line.Clear();
                    lineWidth = 0;
                }

                line.Append(rune.ToString());
                lineWidth += w;
            }
        }

        lines.Add(line.ToString().TrimEnd());
    }

    /// <summary>The pieces between break opportunities, each with the spaces that follow it.</summary>
    internal static IEnumerable<string> Units(string text)
    {
        var unit = new StringBuilder();
        Rune? previous = null;
        foreach (var rune in text.EnumerateRunes())
        {
            if (previous is { } p && unit.Length > 0 && MayBreakBetween(p, rune))
            {
                yield return unit.ToString();
                unit.Clear();
            }

            unit.Append(rune.ToString());
            previous = rune;
        }

        if (unit.Length > 0)
        {
            yield return unit.ToString();
        }
    }

    private static bool MayBreakBetween(Rune before, Rune after)
    {
        if (Contains(NoLineStart, after) || Contains(NoLineEnd, before))
        {
            return false;
        }

        if (Rune.IsWhiteSpace(after))
        {
            return false; // spaces stay at the end of the unit before them
        }

        return Rune.IsWhiteSpace(before) || IsWide(before) || IsWide(after);
    }

    private static bool Contains(string set, Rune rune) => set.Contains(rune.ToString(), StringComparison.Ordinal);

    /// <summary>CJK ideographs, kana, full-width forms and CJK punctuation: characters lines may break around.</summary>
    private static bool IsWide(Rune rune) => rune.Value is >= 0x2E80 and <= 0x9FFF or >= 0xF900 and <= 0xFAFF or >= 0xFF00 and <= 0xFFEF or >= 0x20000;
}
