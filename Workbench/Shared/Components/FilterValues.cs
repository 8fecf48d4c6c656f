using System.Globalization;
using Microsoft.Extensions.Localization;
using Workbench.Data.Export;
using Workbench.Domain.Calendar;
using Workbench.Resources;

namespace Workbench.Shared.Components;

/// <summary>
/// What a <see cref="FilterBar"/> has chosen. Null means "all". <see cref="Extra"/> holds the page's own fields
/// (<see cref="FilterField"/>) by key, so areas add fields without changing this record.
/// </summary>
public sealed record FilterValues(int? FiscalYear = null, int? Term = null, string? Subject = null)
{
    private static readonly IReadOnlyDictionary<string, string> None = new Dictionary<string, string>(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, string> Extra { get; init; } = None;

    public string? this[string key] => Extra.GetValueOrDefault(key);

    public FilterValues With(string key, string? value)
    {
        var extra = new Dictionary<string, string>(Extra, StringComparer.Ordinal);
        if (string.IsNullOrEmpty(value))
        {
            extra.Remove(key);
        }
        else
        {
            extra[key] = value;
        }

        return this with { Extra = extra };
    }

    /// <summary>Equal when every choice is, the page's own fields included.</summary>
    public bool Equals(FilterValues? other) =>
        other is not null && FiscalYear == other.FiscalYear && Term == other.Term && string.Equals(Subject, other.Subject, StringComparison.Ordinal)
        && Extra.Count == other.Extra.Count && Extra.All(e => other.Extra.TryGetValue(e.Key, out var v) && string.Equals(v, e.Value, StringComparison.Ordinal));

    public override int GetHashCode() => HashCode.Combine(FiscalYear, Term, Subject, Extra.Count);

    /// <summary>The chosen filters in words, for an export's 条件 sheet; "all" is not a filter and is left out.</summary>
    public IReadOnlyList<ExportFilter> Describe(IStringLocalizer<Strings> words, IEnumerable<FilterField>? fields = null)
    {
        ArgumentNullException.ThrowIfNull(words);
        var described = new List<ExportFilter>();
        if (FiscalYear is { } year)
        {
            described.Add(new(words["Filter_FiscalYear"], FiscalYearLabel(year, words)));
        }

        if (Term is { } term)
        {
            described.Add(new(words["Filter_Term"], TermLabel(term, words)));
        }

        if (Subject is { } subject)
        {
            described.Add(new(words["Filter_Subject"], subject));
        }

        foreach (var field in fields ?? [])
        {
            if (this[field.Key] is { } value)
            {
                described.Add(new(field.Label, field.Options.FirstOrDefault(o => o.Value == value)?.Label ?? value));
            }
        }

        return described;
    }

    /// <summary>2025 → 2025年度（令和7年度）.</summary>
    public static string FiscalYearLabel(int year, IStringLocalizer<Strings> words) =>
        string.Format(CultureInfo.CurrentCulture, words["Filter_FiscalYearOption"], year.ToString(CultureInfo.InvariantCulture), FiscalCalendar.ReiwaFiscalYearName(year));

    public static string TermLabel(int term, IStringLocalizer<Strings> words) =>
        string.Format(CultureInfo.CurrentCulture, words["Filter_TermOption"], term);
}

/// <summary>A select a page adds to the filter bar: its key in <see cref="FilterValues.Extra"/>, its label, its options.</summary>
public sealed record FilterField(string Key, string Label, IReadOnlyList<FilterOption> Options);

public sealed record FilterOption(string Value, string Label);
