using Workbench.Domain.Privacy;

namespace Workbench.Data.Export;

/// <summary>A filter the rows were chosen by, as the 条件 sheet and the audit log show it (年度 = 2025年度（令和7年度）).</summary>
public sealed record ExportFilter(string Label, string Value);

/// <summary>What the 条件 sheet says about an export: what it is, how its rows were chosen, when, by whom.</summary>
public sealed record ExportMetadata(
    string Title,
    IReadOnlyList<ExportFilter> Filters,
    DateTimeOffset GeneratedAt,
    string UserName,
    int SuppressionThreshold = SmallCellSuppression.DefaultThreshold)
{
    /// <summary>The filters as one line for the audit log: <c>年度=2025年度（令和7年度）; 学校 contains 津山</c>.</summary>
    public string FilterText => string.Join("; ", Filters.Select(f => $"{f.Label}={f.Value}"));
}
