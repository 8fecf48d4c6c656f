using System.Globalization;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.Localization;
using MudBlazor;
using Workbench.Data.Export;
using Workbench.Resources;

namespace Workbench.Shared.Components;

/// <summary>
/// What a grid shows at one moment — its quick filter, column filters and sort — taken from the grid and applied
/// again later to the rows an export queries, exactly as MudDataGrid applies them (FilteredItems).
/// </summary>
public sealed class GridView<T>
{
    private readonly IReadOnlyList<Func<T, bool>> filters;
    private readonly IReadOnlyList<SortDefinition<T>> sorts;

    private GridView(IReadOnlyList<Func<T, bool>> filters, IReadOnlyList<SortDefinition<T>> sorts, IReadOnlyList<ExportFilter> described)
    {
        this.filters = filters;
        this.sorts = sorts;
        Described = described;
    }

    /// <summary>The grid's filters and sort in words, for the 条件 sheet and the audit log.</summary>
    public IReadOnlyList<ExportFilter> Described { get; }

    public bool IsSorted => sorts.Count > 0;

    /// <param name="mudWords">MudBlazor's words, so operators read as the filter menu showed them.</param>
    public static GridView<T> Of(MudDataGrid<T> grid, IStringLocalizer<Strings> words, MudLocalizer mudWords)
    {
        ArgumentNullException.ThrowIfNull(grid);
        ArgumentNullException.ThrowIfNull(words);
        var options = new FilterOptions { FilterCaseSensitivity = grid.FilterCaseSensitivity };
        List<Func<T, bool>> filters = grid.QuickFilter is { } quick ? [quick] : [];
        filters.AddRange(grid.FilterDefinitions.Select(f => f.GenerateFilterFunction(options)));
        var sorts = grid.SortDefinitions.Values.Where(s => s.SortFunc is not null).OrderBy(s => s.Index).ToList();

        var described = grid.FilterDefinitions
            .Where(f => f.Value is not null || f.Operator is FilterOperator.String.Empty or FilterOperator.String.NotEmpty)
            .Select(f => new ExportFilter(words["Export_GridFilter"], Describe(f.Title ?? f.Column?.Title, WorkbenchMudLocalizer.Operator(mudWords, f.Operator), f.Value)))
            .ToList();
        if (sorts.Count > 0)
        {
            var titles = grid.RenderedColumns.Where(c => c.PropertyName is not null).DistinctBy(c => c.PropertyName)
                .ToDictionary(c => c.PropertyName!, c => (string?)c.Title, StringComparer.Ordinal);
            described.Add(new ExportFilter(words["Export_Sort"], string.Join("、", sorts.Select(s =>
                $"{titles.GetValueOrDefault(s.SortBy) ?? s.SortBy}（{(s.Descending ? words["Export_Descending"] : words["Export_Ascending"])}）"))));
        }

        return new GridView<T>(filters, sorts, described);
    }

    /// <summary>学校: 北（含む）, or 学校（空）for an operator without a value.</summary>
    private static string Describe(string? column, string op, object? value) =>
        value is null ? $"{column}（{op}）" : $"{column}: {Convert.ToString(value, CultureInfo.CurrentCulture)}（{op}）";

    public IEnumerable<T> Apply(IEnumerable<T> rows)
    {
        foreach (var filter in filters)
        {
            rows = rows.Where(filter);
        }

        IOrderedEnumerable<T>? ordered = null;
        foreach (var sort in sorts)
        {
            var key = sort.SortFunc;
            ordered = ordered is null
                ? sort.Descending ? rows.OrderByDescending(key, sort.Comparer) : rows.OrderBy(key, sort.Comparer)
                : sort.Descending ? ordered.ThenByDescending(key, sort.Comparer) : ordered.ThenBy(key, sort.Comparer);
        }

        return ordered ?? rows;
    }

    /// <summary>Filters as the rows stream by; a sorted view has to gather the filtered rows first.</summary>
    public async IAsyncEnumerable<T> ApplyAsync(IAsyncEnumerable<T> rows, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rows);
        if (!IsSorted)
        {
            await foreach (var row in rows.WithCancellation(cancellationToken))
            {
                if (filters.All(f => f(row)))
                {
                    yield return row;
                }
            }

            yield break;
        }

        var gathered = new List<T>();
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            gathered.Add(row);
        }

        foreach (var row in Apply(gathered))
        {
            yield return row;
        }
    }
}
