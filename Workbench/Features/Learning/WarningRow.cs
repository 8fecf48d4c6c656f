using Workbench.Data.Learning;
using Workbench.Domain.Learning;

namespace Workbench.Features.Learning;

/// <summary>One early warning of one pupil, as the warnings grid lists and exports it; a pupil without flags has one row with none.</summary>
public sealed record WarningRow(
    string ClassKey,
    string ClassTitle,
    string PupilKey,
    short? ShussekiNo,
    string Name,
    string Moves,
    string? Rule,
    string? Reason,
    DateOnly? Since,
    string? Evidence)
{
    public static IEnumerable<WarningRow> From(EarlyWarningRow row, Func<PupilInClass, string> moves)
    {
        ArgumentNullException.ThrowIfNull(row);
        ArgumentNullException.ThrowIfNull(moves);
        var p = row.Pupil;
        IEnumerable<LearningFlag?> flags = row.Flags.Count == 0 ? [null] : row.Flags.Cast<LearningFlag?>();
        return flags.Select(f => new WarningRow(p.ClassKey, p.ClassTitle, p.PupilKey, p.ShussekiNo, p.DisplayName, moves(p), f?.Title, f?.Reason, f?.Since, f?.Evidence));
    }
}
