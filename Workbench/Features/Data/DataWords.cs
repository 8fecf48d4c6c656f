using MudBlazor;
using Microsoft.Extensions.Localization;
using Workbench.Resources;

namespace Workbench.Features.Data;

/// <summary>Kinds and statuses in the reader's language; a kind without its own words (a new importer) shows its name.</summary>
public sealed class DataWords(IStringLocalizer<Strings> words)
{
    public static readonly IReadOnlyList<string> Statuses = ["succeeded", "refused", "failed", "interrupted", "running"];

    public string Kind(string kind)
    {
        var text = words["Data_Kind_" + kind];
        return text.ResourceNotFound ? kind : text.Value;
    }

    public string Status(string status)
    {
        var text = words["Data_Status_" + status];
        return text.ResourceNotFound ? status : text.Value;
    }

    public static Color StatusColor(string status) => status switch
    {
        "succeeded" => Color.Success,
        "refused" => Color.Warning,
        "running" => Color.Info,
        _ => Color.Error,
    };
}
