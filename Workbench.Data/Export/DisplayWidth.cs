using System.Text;

namespace Workbench.Data.Export;

/// <summary>
/// How wide text looks in a fixed-pitch sense: East-Asian wide and fullwidth characters (kanji, kana, fullwidth
/// forms, Hangul) count 2, everything else 1 (halfwidth katakana included). Excel's column width is measured in
/// the width of one digit, so this is what a column needs; AdjustToContents cannot be used on Linux.
/// </summary>
public static class DisplayWidth
{
    public static int Of(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return 0;
        }

        var width = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            width += IsWide(rune) ? 2 : 1;
        }

        return width;
    }

    /// <summary>Unicode East_Asian_Width W or F, by block (UAX #11), close enough for column widths.</summary>
    public static bool IsWide(Rune rune) => rune.Value switch
    {
        >= 0x1100 and <= 0x115F => true, // Hangul Jamo initial consonants
        >= 0x2E80 and <= 0x303E => true, // CJK radicals, Kangxi, ideographic description, CJK symbols and punctuation
        >= 0x3041 and <= 0x33FF => true, // Hiragana, Katakana, Bopomofo, Hangul compatibility, Kanbun, CJK strokes, enclosed, compatibility
        >= 0x3400 and <= 0x4DBF => true, // CJK extension A
        >= 0x4E00 and <= 0x9FFF => true, // CJK unified ideographs
        >= 0xA000 and <= 0xA4CF => true, // Yi
        >= 0xAC00 and <= 0xD7A3 => true, // Hangul syllables
        >= 0xF900 and <= 0xFAFF => true, // CJK compatibility ideographs
        >= 0xFE30 and <= 0xFE4F => true, // CJK compatibility forms
        >= 0xFF00 and <= 0xFF60 => true, // Fullwidth forms (not the halfwidth katakana after them)
        >= 0xFFE0 and <= 0xFFE6 => true, // Fullwidth signs
        >= 0x1F300 and <= 0x1F64F => true, // Pictographs and emoticons
        >= 0x20000 and <= 0x3FFFD => true, // CJK extensions B and beyond
        _ => false,
    };
}
