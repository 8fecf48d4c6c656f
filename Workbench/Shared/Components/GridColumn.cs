using System.Linq.Expressions;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;
using MudBlazor;
using Workbench.Data.Export;

namespace Workbench.Shared.Components;

/// <summary>
/// A column defined once for both the grid and the export: its title, the property it shows (sorting and filtering
/// work on it), its kind (number format in the grid and in Excel), and optionally a cell template for the page.
/// </summary>
public abstract class GridColumn<T>
{
    public required string Title { get; init; }

    public required ExportColumnKind Kind { get; init; }

    public bool Sortable { get; init; } = true;

    public bool Filterable { get; init; } = true;

    /// <summary>In the workbook only: a detail the page shows another way (a tooltip, a colour) but an analyst wants as a column.</summary>
    public bool Hidden { get; init; }

    /// <summary>How the cell looks on the page (a link, a chip); the export always writes the value itself.</summary>
    public RenderFragment<CellContext<T>>? CellTemplate { get; init; }

    /// <summary>Renders the MudBlazor column for this definition inside a grid's <c>Columns</c>.</summary>
    public abstract RenderFragment Render();

    public abstract ExportColumn<T> ToExportColumn();

    /// <summary>The .NET format the grid shows values in, matching the workbook's Japanese number formats.</summary>
    public static string? DisplayFormatOf(ExportColumnKind kind) => kind switch
    {
        ExportColumnKind.Integer => "N0",
        ExportColumnKind.Decimal => "N2",
        ExportColumnKind.Percent => "P1",
        ExportColumnKind.Date => "yyyy/MM/dd",
        ExportColumnKind.DateTime => "yyyy/MM/dd HH:mm",
        _ => null,
    };
}

public sealed class GridColumn<T, TValue> : GridColumn<T>
{
    private Func<T, TValue>? compiled;

    public required Expression<Func<T, TValue>> Property { get; init; }

    public override RenderFragment Render() => builder => Build(builder);

    public override ExportColumn<T> ToExportColumn()
    {
        compiled ??= Property.Compile();
        var read = compiled;
        return new ExportColumn<T>(Title, row => read(row), Kind);
    }

    private void Build(RenderTreeBuilder builder)
    {
        builder.OpenComponent<PropertyColumn<T, TValue>>(0);
        builder.AddComponentParameter(1, nameof(PropertyColumn<T, TValue>.Property), Property);
        builder.AddComponentParameter(2, nameof(Column<T>.Title), Title);
        builder.AddComponentParameter(3, nameof(Column<T>.Sortable), Sortable);
        builder.AddComponentParameter(4, nameof(Column<T>.Filterable), Filterable);
        if (DisplayFormatOf(Kind) is { } format)
        {
            builder.AddComponentParameter(5, nameof(PropertyColumn<T, TValue>.Format), format);
        }

        if (CellTemplate is not null)
        {
            builder.AddComponentParameter(6, nameof(Column<T>.CellTemplate), CellTemplate);
        }

        if (Hidden)
        {
            builder.AddComponentParameter(7, nameof(Column<T>.Hidden), true);
        }

        builder.CloseComponent();
    }
}

/// <summary>
/// The columns of a grid, built once: <c>new GridColumns&lt;Row&gt;().Add(r =&gt; r.School, "学校").Add(r =&gt; r.Pupils, "人数")</c>.
/// The kind follows the property's type unless given (whole numbers → Integer, other numbers → Decimal, dates → Date).
/// </summary>
public sealed class GridColumns<T> : List<GridColumn<T>>
{
    public GridColumns<T> Add<TValue>(
        Expression<Func<T, TValue>> property, string title, ExportColumnKind? kind = null, RenderFragment<CellContext<T>>? template = null,
        bool sortable = true, bool filterable = true, bool hidden = false)
    {
        Add(new GridColumn<T, TValue>
        {
            Property = property,
            Title = title,
            Kind = kind ?? KindOf(typeof(TValue)),
            CellTemplate = template,
            Sortable = sortable,
            Filterable = filterable,
            Hidden = hidden,
        });
        return this;
    }

    public static ExportColumnKind KindOf(Type type) => (Nullable.GetUnderlyingType(type) ?? type) switch
    {
        var t when t == typeof(byte) || t == typeof(short) || t == typeof(int) || t == typeof(long)
                   || t == typeof(ushort) || t == typeof(uint) || t == typeof(ulong) => ExportColumnKind.Integer,
        var t when t == typeof(decimal) || t == typeof(double) || t == typeof(float) => ExportColumnKind.Decimal,
        var t when t == typeof(DateOnly) => ExportColumnKind.Date,
        var t when t == typeof(DateTime) || t == typeof(DateTimeOffset) => ExportColumnKind.DateTime,
        _ => ExportColumnKind.Text,
    };
}
