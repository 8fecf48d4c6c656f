using Workbench.Data.Learning;
using Workbench.Domain.Learning;

namespace Workbench.Features.Learning;

/// <summary>
/// A pupil of the class overview as the grid shows, sorts, filters and exports it. Unit scores stay keyed by unit so the
/// page can add one column per unit of whatever the filter chose.
/// </summary>
public sealed record PupilRow(
    string PupilKey,
    short? ShussekiNo,
    string Name,
    string? Kana,
    string Moves,
    long Statements,
    double Minutes,
    double? AttendanceRate,
    int Absences,
    string Flags,
    IReadOnlyList<LearningFlag> FlagList,
    IReadOnlyDictionary<string, PupilUnitScore> Units)
{
    public double? Best(string unitKey) => Units.GetValueOrDefault(unitKey)?.Best;

    public double? Mean(string unitKey) => Units.GetValueOrDefault(unitKey)?.Mean;

    public MasteryBand? Band(string unitKey) => Units.GetValueOrDefault(unitKey)?.Band;

    public string? BandLabel(string unitKey) => Units.GetValueOrDefault(unitKey)?.BandLabel;

    public static PupilRow From(ClassOverviewRow row, Func<PupilInClass, string> moves)
    {
        ArgumentNullException.ThrowIfNull(row);
        ArgumentNullException.ThrowIfNull(moves);
        var p = row.Pupil;
        return new(p.PupilKey, p.ShussekiNo, p.DisplayName, p.Kana, moves(p), row.Statements, Math.Round(row.Minutes, 1),
            row.AttendanceRate, row.Attendance.Absent, string.Join("、", row.Flags.Select(f => f.Title)), row.Flags, row.Units);
    }
}
