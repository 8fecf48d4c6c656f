using System.Globalization;
using Microsoft.Extensions.Localization;
using MudBlazor;
using Workbench.Resources;

namespace Workbench.Shared.Components;

/// <summary>
/// MudBlazor's own words (the grid's sort and filter menus, its pager) in Japanese, from <c>Strings.resx</c> keys named
/// <c>Mud_{MudBlazor key}</c>; English and anything not translated stay MudBlazor's.
/// </summary>
public sealed class WorkbenchMudLocalizer(IStringLocalizer<Strings> strings) : MudLocalizer
{
    public override LocalizedString this[string key]
    {
        get
        {
            if (CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "ja")
            {
                var translated = strings["Mud_" + key];
                if (!translated.ResourceNotFound)
                {
                    return new LocalizedString(key, translated.Value);
                }
            }

            return base[key];
        }
    }

    /// <summary>A grid filter operator (<c>contains</c>, <c>is on or after</c>, <c>&gt;=</c>) as the filter menu shows it.</summary>
    public static string Operator(MudLocalizer words, string? op)
    {
        ArgumentNullException.ThrowIfNull(words);
        return op switch
        {
            null => string.Empty,
            "=" => words["MudDataGrid_EqualSign"],
            "!=" => words["MudDataGrid_NotEqualSign"],
            ">" => words["MudDataGrid_GreaterThanSign"],
            ">=" => words["MudDataGrid_GreaterThanOrEqualSign"],
            "<" => words["MudDataGrid_LessThanSign"],
            "<=" => words["MudDataGrid_LessThanOrEqualSign"],
            _ => words["MudDataGrid_" + string.Concat(op.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(w => char.ToUpperInvariant(w[0]) + w[1..]))],
        };
    }
}
