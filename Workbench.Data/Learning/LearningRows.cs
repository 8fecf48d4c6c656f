namespace Workbench.Data.Learning;

// The rows of the learning SQL files as Dapper fills them (settable properties, so an INT from one engine and a
// BIGINT from the other both land); the query classes turn them into the view records.

internal sealed class ScopedPupilRow
{
    public string ClassKey { get; set; } = string.Empty;

    public string ClassTitle { get; set; } = string.Empty;

    public string ClassType { get; set; } = string.Empty;

    public string PupilKey { get; set; } = string.Empty;

    public short? ShussekiNo { get; set; }

    public string? Name { get; set; }

    public string? Kana { get; set; }

    public string? Grade { get; set; }

    public DateOnly? BeginDate { get; set; }

    public DateOnly? EndDate { get; set; }
}

internal sealed class UnitScoreRow
{
    public string PupilKey { get; set; } = string.Empty;

    public string? UnitKey { get; set; }

    public string? UnitTitle { get; set; }

    public string? Subject { get; set; }

    public long Statements { get; set; }

    public double Seconds { get; set; }

    public long ScoredStatements { get; set; }

    public double? Mean { get; set; }

    public double? Best { get; set; }

    public DateOnly FirstActivity { get; set; }
}

internal sealed class AttendanceDayRow
{
    public string PupilKey { get; set; } = string.Empty;

    public DateOnly Date { get; set; }

    public string Status { get; set; } = string.Empty;

    public string? Reason { get; set; }
}

internal sealed class ActivityWeekRow
{
    public string PupilKey { get; set; } = string.Empty;

    public DateOnly WeekStart { get; set; }

    public long Statements { get; set; }

    public double Minutes { get; set; }
}

internal sealed class OtherPupilsRow
{
    public string UnitKey { get; set; } = string.Empty;

    public long SchoolPupils { get; set; }

    public double? SchoolBestSum { get; set; }

    public long CityPupils { get; set; }

    public double? CityBestSum { get; set; }
}

/// <summary>A unit's class figures beside its school's and the city's, before suppression.</summary>
internal sealed record UnitComparisonRow(
    string UnitKey, long ClassPupils, double? ClassMean, long SchoolPupils, double? SchoolMean, long CityPupils, double? CityMean);
