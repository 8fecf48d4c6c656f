using PdfSharp.Fonts;

namespace Workbench.Features.Reports.Pdf;

/// <summary>
/// The one typeface of the reports, BIZ UDPGothic (Regular and Bold), read from <c>reports/fonts/</c> beside the app
/// and handed to PDFsharp (which embeds a subset) and to ScottPlot (which draws the charts' labels with it).
/// Both libraries keep their fonts in process-wide settings, so this installs them once.
/// </summary>
public static class ReportFonts
{
    public const string Family = "BIZ UDPGothic";
    private const string RegularFile = "BIZUDPGothic-Regular.ttf";
    private const string BoldFile = "BIZUDPGothic-Bold.ttf";
    private static readonly Lock Gate = new();
    private static string? installedFrom;

    /// <summary><c>reports/fonts</c> in the app's folder (the build copies the repository's <c>reports/</c> there).</summary>
    public static string DefaultDirectory => Path.Combine(AppContext.BaseDirectory, "reports", "fonts");

    public static void Install(string? directory = null)
    {
        directory ??= DefaultDirectory;
        lock (Gate)
        {
            if (installedFrom is not null)
            {
                return;
            }

            var regular = Path.Combine(directory, RegularFile);
            var bold = Path.Combine(directory, BoldFile);
            if (!File.Exists(regular) || !File.Exists(bold))
            {
                throw new FileNotFoundException($"レポート用フォントが見つかりません: {directory}（{RegularFile}, {BoldFile}）", regular);
            }

            GlobalFontSettings.FontResolver ??= new Resolver(File.ReadAllBytes(regular), File.ReadAllBytes(bold));
            ScottPlot.Fonts.AddFontFile(Family, regular, bold: false, italic: false);
            ScottPlot.Fonts.AddFontFile(Family, bold, bold: true, italic: false);
            installedFrom = directory;
        }
    }

    /// <summary>Every family name resolves to the report face: a report never falls back to a font it cannot embed.</summary>
    private sealed class Resolver(byte[] regular, byte[] bold) : IFontResolver
    {
        public FontResolverInfo ResolveTypeface(string familyName, bool isBold, bool isItalic) => new(isBold ? BoldFile : RegularFile);

        public byte[] GetFont(string faceName) => faceName == BoldFile ? bold : regular;
    }
}
