using System.Globalization;
using Microsoft.Extensions.Localization;
using Workbench.Data.Learning;
using Workbench.Domain.Learning;
using Workbench.Resources;
using Workbench.Shared.Components;

namespace Workbench.Features.Learning;

/// <summary>What the learning pages say the same way: moves in and out, bands and their colours, the filter in domain terms.</summary>
public static class LearningWords
{
    public static string Moves(PupilInClass pupil, IStringLocalizer<Strings> words)
    {
        ArgumentNullException.ThrowIfNull(pupil);
        ArgumentNullException.ThrowIfNull(words);
        return pupil.MovedOut && pupil.EndDate is { } end ? string.Format(CultureInfo.CurrentCulture, words["Learning_MovedOut"], end)
            : pupil.MovedIn && pupil.BeginDate is { } begin ? string.Format(CultureInfo.CurrentCulture, words["Learning_MovedIn"], begin)
            : string.Empty;
    }

    /// <summary>The CSS class of a band's cell (<c>band-secure</c>…), colour-blind safe in the app's stylesheet.</summary>
    public static string BandClass(MasteryBand? band) => band switch
    {
        MasteryBand.Secure => "band-secure",
        MasteryBand.AlmostThere => "band-almost",
        MasteryBand.NeedsSupport => "band-support",
        _ => "band-none",
    };

    /// <summary>The same colours for Plotly charts.</summary>
    public static string BandColour(MasteryBand band) => band switch
    {
        MasteryBand.Secure => "#1a7f64",
        MasteryBand.AlmostThere => "#e0a526",
        _ => "#c0392b",
    };

    public static string Score(double? score) => score is { } s ? s.ToString("0.00", CultureInfo.CurrentCulture) : "—";

    /// <summary>A pupil's profile in the same period and subject as the page that links to it.</summary>
    public static string PupilHref(string classKey, string pupilKey, LearningFilter filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var query = "?year=" + filter.FiscalYear.ToString(CultureInfo.InvariantCulture)
            + (filter.Term is { } term ? "&term=" + term.ToString(CultureInfo.InvariantCulture) : string.Empty)
            + (filter.Subject is { } subject ? "&subject=" + Uri.EscapeDataString(subject) : string.Empty);
        return $"learning/classes/{Uri.EscapeDataString(classKey)}/pupils/{Uri.EscapeDataString(pupilKey)}{query}";
    }

    public static LearningFilter ToLearningFilter(FilterValues values, int fallbackYear)
    {
        ArgumentNullException.ThrowIfNull(values);
        return new LearningFilter(values.FiscalYear ?? fallbackYear, values.Term, values.Subject);
    }
}
