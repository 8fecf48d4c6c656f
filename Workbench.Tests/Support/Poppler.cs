using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Workbench.Tests.Support;

/// <summary>
/// Debian's poppler-utils, to read a PDF the way a person's viewer does: <c>pdftotext</c> (the text, one form feed
/// between pages), <c>pdfinfo</c> (the page count) and <c>pdffonts</c> (which fonts are embedded). A missing tool
/// skips the test on a developer's machine and fails it with CI=true; the test command installs poppler-utils.
/// </summary>
public static class Poppler
{
    private static readonly string[] Folders = ["/usr/bin", "/usr/local/bin"];

    public static void Require()
    {
        var present = Folders.Any(f => File.Exists(Path.Combine(f, "pdftotext")));
        if (present)
        {
            return;
        }

        const string reason = "poppler-utils (pdftotext, pdfinfo, pdffonts) is not installed (the README's test command installs it).";
        if (TestEnvironment.IsCi)
        {
            Assert.Fail(reason + " CI requires it.");
        }

        Skip.If(true, reason);
    }

    /// <summary>The text of each page, in reading order (<c>pdftotext -layout</c> keeps table rows on one line).</summary>
    public static async Task<IReadOnlyList<string>> PagesAsync(byte[] pdf)
    {
        var text = await RunOnAsync(pdf, "pdftotext", "-layout", "{0}", "-");
        var pages = text.Split('\f').ToList();
        if (pages.Count > 0 && string.IsNullOrWhiteSpace(pages[^1]))
        {
            pages.RemoveAt(pages.Count - 1);
        }

        return pages;
    }

    /// <summary>The footer's "n / N" (pdftotext may drop the narrow spaces around the slash).</summary>
    public static Regex PageNumber(int page, int pages) =>
        new(string.Create(CultureInfo.InvariantCulture, $@"(?<!\d){page}\s*/\s*{pages}(?!\d)"));

    public static async Task<int> PageCountAsync(byte[] pdf)
    {
        var info = await RunOnAsync(pdf, "pdfinfo", "{0}");
        var line = info.Split('\n').Single(l => l.StartsWith("Pages:", StringComparison.Ordinal));
        return int.Parse(line["Pages:".Length..].Trim(), CultureInfo.InvariantCulture);
    }

    /// <summary>The rows of <c>pdffonts</c>: font name and whether it is embedded.</summary>
    public static async Task<IReadOnlyList<(string Name, bool Embedded)>> FontsAsync(byte[] pdf)
    {
        var lines = (await RunOnAsync(pdf, "pdffonts", "{0}")).Split('\n', StringSplitOptions.RemoveEmptyEntries);

        // Fixed columns under a line of dashes: name (may hold spaces), type, encoding, emb, sub, uni, object, ID.
        var nameWidth = lines[1].IndexOf(' ', StringComparison.Ordinal);
        return [.. lines.Skip(2).Select(l => (l[..nameWidth].Trim(), l.Split(' ', StringSplitOptions.RemoveEmptyEntries)[^5] == "yes"))];
    }

    private static async Task<string> RunOnAsync(byte[] pdf, string tool, params string[] args)
    {
        Require();
        var file = Path.Combine(Path.GetTempPath(), $"workbench-test-{Guid.NewGuid():N}.pdf");
        await File.WriteAllBytesAsync(file, pdf);
        try
        {
            var start = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true, StandardOutputEncoding = Encoding.UTF8 };
            foreach (var arg in args)
            {
                start.ArgumentList.Add(string.Format(CultureInfo.InvariantCulture, arg, file));
            }

            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var errors = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            Assert.True(process.ExitCode == 0, $"{tool} failed: {await errors}");
            return await output;
        }
        finally
        {
            File.Delete(file);
        }
    }
}
