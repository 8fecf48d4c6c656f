using static Workbench.Domain.Learning.JapaneseText;

namespace Workbench.Domain.Learning;

/// <summary>
/// The early warnings of a pupil, as pure functions of their series, judged as of a day (data after it are ignored).
/// Each rule fires at most one <see cref="LearningFlag"/> saying why, since when and from which data.
/// 出席停止 and 忌引 are not absences anywhere: they count neither towards 長期欠席 nor in a run of absences, and do not
/// break a run either (a pupil absent on Monday, 出席停止 on Tuesday and absent on Wednesday and Thursday has missed
/// three days they had to attend with no day at school between them).
/// </summary>
public sealed class EarlyWarningRules(LearningWarningOptions options)
{
    public EarlyWarningRules()
        : this(new LearningWarningOptions())
    {
    }

    public LearningWarningOptions Options => options;

    public IReadOnlyList<LearningFlag> Evaluate(PupilSeries series, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(series);
        return new[]
        {
            LongAbsencePace(series.Attendance, asOf),
            ConsecutiveAbsences(series.Attendance, asOf),
            ActivityHalving(series.Weeks, asOf),
            FallingScores(series.Units, asOf),
        }.OfType<LearningFlag>().ToList();
    }

    /// <summary>
    /// On pace for 長期欠席: the absence rate so far (欠席 ÷ days the pupil had to attend) times the 年度's school days
    /// reaches <see cref="LearningWarningOptions.LongAbsenceDays"/>, once <see cref="LearningWarningOptions.MinimumDaysForPace"/>
    /// days are recorded. Since: the day from which the pace has stayed at or above the line.
    /// </summary>
    public LearningFlag? LongAbsencePace(IReadOnlyList<AttendanceDay> days, DateOnly asOf)
    {
        var ordered = Ordered(days, asOf);
        int recorded = 0, required = 0, absent = 0;
        double projected = 0;
        DateOnly? since = null;
        foreach (var day in ordered)
        {
            recorded++;
            required += AttendanceStatus.IsExcused(day.Status) ? 0 : 1;
            absent += AttendanceStatus.IsAbsence(day.Status) ? 1 : 0;
            if ((recorded < options.MinimumDaysForPace && absent < options.LongAbsenceDays) || required == 0)
            {
                continue;
            }

            projected = Math.Max(absent, absent * (double)options.SchoolDaysPerYear / required);
            since = projected >= options.LongAbsenceDays ? since ?? day.Date : null;
        }

        if (since is not { } from)
        {
            return null;
        }

        var line = Count(options.LongAbsenceDays);
        var reason = absent >= options.LongAbsenceDays
            ? $"欠席が{Count(absent)}日になり、長期欠席（年{line}日以上）に当たります。"
            : $"このままのペースでは、年度内の欠席が{line}日（長期欠席）に達する見込みです（見込み 約{Number(projected, 0)}日）。";
        var evidence = $"{Slash(ordered[0].Date)}〜{Slash(ordered[^1].Date)} の出欠 {Count(recorded)}日"
            + $"（出席停止・忌引 {Count(recorded - required)}日を除く {Count(required)}日）のうち欠席 {Count(absent)}日。"
            + $"欠席率 {Percent(absent / (double)required)} × 年間授業日 {Count(options.SchoolDaysPerYear)}日 = 見込み {Number(projected, 1)}日（基準 {line}日）。"
            + "欠席の理由: " + string.Join("、", ordered.Where(d => AttendanceStatus.IsAbsence(d.Status)).GroupBy(d => d.Reason ?? "不明")
                .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key} {Count(g.Count())}日")) + "。";
        return new LearningFlag(WarningRule.LongAbsencePace, reason, from, evidence);
    }

    /// <summary>
    /// <see cref="LearningWarningOptions.ConsecutiveAbsenceDays"/> or more 欠席 with no day at school between them, in the
    /// latest such run if it is ongoing or ended at most <see cref="LearningWarningOptions.RecentSchoolDays"/> recorded
    /// days ago. Since: the run's first 欠席.
    /// </summary>
    public LearningFlag? ConsecutiveAbsences(IReadOnlyList<AttendanceDay> days, DateOnly asOf)
    {
        var ordered = Ordered(days, asOf);
        List<AttendanceDay>? run = null, latest = null;
        int runAbsences = 0, latestEnd = -1;
        for (var i = 0; i < ordered.Count; i++)
        {
            var day = ordered[i];
            if (AttendanceStatus.IsAbsence(day.Status))
            {
                (run ??= []).Add(day);
                if (++runAbsences >= options.ConsecutiveAbsenceDays)
                {
                    (latest, latestEnd) = (run, i);
                }
            }
            else if (AttendanceStatus.IsExcused(day.Status))
            {
                run?.Add(day);
            }
            else
            {
                (run, runAbsences) = (null, 0);
            }
        }

        if (latest is null || ordered.Count - 1 - latestEnd > options.RecentSchoolDays)
        {
            return null;
        }

        var absences = latest.Where(d => AttendanceStatus.IsAbsence(d.Status)).ToList();
        var first = absences[0].Date;
        var last = absences[^1].Date;
        var ongoing = ReferenceEquals(latest, run);
        var reason = ongoing
            ? $"{Date(first)}から{Count(absences.Count)}日続けて欠席しています（継続中）。"
            : $"{Date(first)}から{Date(last)}まで{Count(absences.Count)}日続けて欠席しました。";
        var evidence = "欠席 " + string.Join("、", absences.Select(d => Slash(d.Date) + (d.Reason is { } r ? $"（{r}）" : string.Empty))) + "。";
        var excused = latest.Where(d => AttendanceStatus.IsExcused(d.Status) && d.Date < last).ToList();
        if (excused.Count > 0)
        {
            evidence += "間の " + string.Join("、", excused.Select(d => $"{d.Status} {Slash(d.Date)}")) + " は欠席に数えず、連続も途切れさせていません。";
        }

        return new LearningFlag(WarningRule.ConsecutiveAbsences, reason, first, evidence);
    }

    /// <summary>
    /// Statements per school day in the latest complete week with school days at or below
    /// <see cref="LearningWarningOptions.ActivityDropShare"/> of the week before, when that week had at least
    /// <see cref="LearningWarningOptions.ActivityMinimumStatements"/> statements. Weeks without school days (holidays)
    /// are skipped, and per-day rates keep a short week from looking like a drop. Since: the Monday of the latest week.
    /// </summary>
    public LearningFlag? ActivityHalving(IReadOnlyList<WeeklyActivity> weeks, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(weeks);
        var school = weeks.Where(w => w.SchoolDays > 0 && w.WeekStart.AddDays(6) <= asOf).OrderBy(w => w.WeekStart).ToList();
        if (school.Count < 2)
        {
            return null;
        }

        var (before, latest) = (school[^2], school[^1]);
        if (before.Statements < options.ActivityMinimumStatements)
        {
            return null;
        }

        var beforeRate = before.Statements / (double)before.SchoolDays;
        var latestRate = latest.Statements / (double)latest.SchoolDays;
        if (latestRate > options.ActivityDropShare * beforeRate)
        {
            return null;
        }

        var reason = $"学習活動（記録数）が前週の{Percent(options.ActivityDropShare)}以下に減りました（授業日1日あたり {Number(beforeRate, 1)}件 → {Number(latestRate, 1)}件）。";
        var evidence = $"{Slash(before.WeekStart)}の週 {Count(before.Statements)}件（授業日{Count(before.SchoolDays)}日）→ "
            + $"{Slash(latest.WeekStart)}の週 {Count(latest.Statements)}件（授業日{Count(latest.SchoolDays)}日）。"
            + $"前週が{Count(options.ActivityMinimumStatements)}件以上のときに判定。";
        return new LearningFlag(WarningRule.ActivityHalving, reason, latest.WeekStart, evidence);
    }

    /// <summary>
    /// In a subject, the best scores of the <see cref="LearningWarningOptions.FallingUnits"/> most recent units (in the
    /// order the pupil began them) each below the one before, falling by at least
    /// <see cref="LearningWarningOptions.FallingMinimumDrop"/> overall. Since: when the pupil began the first lower unit.
    /// </summary>
    public LearningFlag? FallingScores(IReadOnlyList<UnitResult> units, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(units);
        var falling = units.Where(u => u.FirstActivity <= asOf)
            .GroupBy(u => u.Subject ?? string.Empty, StringComparer.Ordinal)
            .Select(g => g.OrderBy(u => u.FirstActivity).ThenBy(u => u.UnitKey, StringComparer.Ordinal).TakeLast(options.FallingUnits).ToList())
            .Where(recent => recent.Count == options.FallingUnits && IsFalling(recent))
            .OrderByDescending(recent => recent[0].Best - recent[^1].Best)
            .ToList();
        if (falling.Count == 0)
        {
            return null;
        }

        var subjects = string.Join("・", falling.Select(recent => recent[0].Subject ?? "教科不明"));
        var steepest = falling[0];
        var reason = $"{subjects}で、直近{Count(options.FallingUnits)}単元の最高得点が続けて下がっています（{Score(steepest[0].Best)} → {Score(steepest[^1].Best)}）。";
        var evidence = string.Join("；", falling.Select(recent => (recent[0].Subject ?? "教科不明") + ": "
            + string.Join(" → ", recent.Select(u => $"{u.Title ?? u.UnitKey} {Score(u.Best)}（{Slash(u.FirstActivity)}〜）")))) + "。";
        return new LearningFlag(WarningRule.FallingScores, reason, falling.Min(recent => recent[1].FirstActivity), evidence);
    }

    private bool IsFalling(List<UnitResult> recent)
    {
        for (var i = 1; i < recent.Count; i++)
        {
            if (recent[i].Best >= recent[i - 1].Best)
            {
                return false;
            }
        }

        return recent[0].Best - recent[^1].Best >= options.FallingMinimumDrop - 1e-9;
    }

    private static List<AttendanceDay> Ordered(IReadOnlyList<AttendanceDay> days, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(days);
        return [.. days.Where(d => d.Date <= asOf).OrderBy(d => d.Date)];
    }
}
