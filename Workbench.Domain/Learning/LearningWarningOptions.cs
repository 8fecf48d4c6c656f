using System.ComponentModel.DataAnnotations;

namespace Workbench.Domain.Learning;

/// <summary>The <c>Learning:Warnings</c> configuration section: the thresholds of <see cref="EarlyWarningRules"/>.</summary>
public sealed class LearningWarningOptions
{
    public const string SectionName = "Learning:Warnings";

    /// <summary>長期欠席: absent this many days or more in a 年度 (MEXT's definition: 30).</summary>
    [Range(1, 366)]
    public int LongAbsenceDays { get; set; } = 30;

    /// <summary>School days of a 年度, over which the absence rate so far is projected (about 200 in Japan).</summary>
    [Range(1, 366)]
    public int SchoolDaysPerYear { get; set; } = 200;

    /// <summary>The pace rule speaks only after this many recorded school days, so a first-week cold is not a trend.</summary>
    [Range(1, 366)]
    public int MinimumDaysForPace { get; set; } = 20;

    /// <summary>欠席 in a row that fire the consecutive-absence rule.</summary>
    [Range(2, 366)]
    public int ConsecutiveAbsenceDays { get; set; } = 3;

    /// <summary>A run of absences still flags when at most this many school days have been recorded since it ended.</summary>
    [Range(0, 366)]
    public int RecentSchoolDays { get; set; } = 10;

    /// <summary>Activity per school day this week at or below this share of last week's fires the activity rule.</summary>
    [Range(0.0, 1.0)]
    public double ActivityDropShare { get; set; } = 0.5;

    /// <summary>Last week's statements must reach this base: a drop from 3 to 1 is noise.</summary>
    [Range(1, 100_000)]
    public int ActivityMinimumStatements { get; set; } = 10;

    /// <summary>The falling-scores rule reads the best scores of this many most recent units of a subject.</summary>
    [Range(2, 20)]
    public int FallingUnits { get; set; } = 3;

    /// <summary>…which must each be below the one before, and fall by at least this much from first to last.</summary>
    [Range(0.0, 2.0)]
    public double FallingMinimumDrop { get; set; } = 0.1;
}
