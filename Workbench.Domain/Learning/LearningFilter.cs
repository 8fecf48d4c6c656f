using System.Globalization;

namespace Workbench.Domain.Learning;

/// <summary>The filters of the learning pages: a 年度, optionally one 学期 (1–3) and one subject (教科, e.g. 算数).</summary>
public sealed record LearningFilter
{
    public LearningFilter(int fiscalYear, int? term = null, string? subject = null)
    {
        if (term is < 1 or > 3)
        {
            throw new ArgumentOutOfRangeException(nameof(term), term, "学期は 1〜3 です。");
        }

        FiscalYear = fiscalYear;
        Term = term;
        Subject = string.IsNullOrWhiteSpace(subject) ? null : subject.Trim();
    }

    public int FiscalYear { get; }

    public int? Term { get; }

    public string? Subject { get; }

    /// <summary>For the audit log and export sheets: <c>年度=2025; 学期=2; 教科=算数</c>.</summary>
    public string Describe() => string.Join("; ", new[]
    {
        "年度=" + FiscalYear.ToString(CultureInfo.InvariantCulture),
        Term is { } t ? "学期=" + t.ToString(CultureInfo.InvariantCulture) : null,
        Subject is { } s ? "教科=" + s : null,
    }.Where(part => part is not null));
}
