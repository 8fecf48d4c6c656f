using Workbench.Domain.Learning;

namespace Workbench.Tests.Learning;

public class EarlyWarningRulesTests
{
    private static readonly DateOnly Monday = new(2025, 9, 1);
    private static readonly DateOnly YearEnd = new(2026, 3, 31);
    private readonly EarlyWarningRules rules = new();

    /// <summary>
    /// One attendance row per weekday from Monday 1 September: o 出席, x 欠席 (病気), f 不登校, l 遅刻, e 早退,
    /// s 出席停止, k 忌引.
    /// </summary>
    private static List<AttendanceDay> Days(string codes) =>
        [.. codes.Select((code, i) => code switch
        {
            'x' => new AttendanceDay(SchoolDay(i), AttendanceStatus.Absent, "病気"),
            'f' => new AttendanceDay(SchoolDay(i), AttendanceStatus.Absent, "不登校"),
            'l' => new AttendanceDay(SchoolDay(i), AttendanceStatus.Late, null),
            'e' => new AttendanceDay(SchoolDay(i), AttendanceStatus.LeftEarly, null),
            's' => new AttendanceDay(SchoolDay(i), AttendanceStatus.Suspended, null),
            'k' => new AttendanceDay(SchoolDay(i), AttendanceStatus.Mourning, null),
            _ => new AttendanceDay(SchoolDay(i), AttendanceStatus.Present, null),
        })];

    /// <summary>The i-th weekday from Monday 1 September 2025.</summary>
    private static DateOnly SchoolDay(int i) => Monday.AddDays((i / 5 * 7) + (i % 5));

    private static WeeklyActivity Week(int month, int day, long statements, int schoolDays = 5) =>
        new(new DateOnly(2025, month, day), statements, statements * 3.0, schoolDays);

    private static UnitResult Unit(int n, double best, string subject = "算数", int month = 6) =>
        new($"https://portal.tsuyama.ed.jp/activities/sansu/p3/u{n:D2}", $"単元{n}", subject, new DateOnly(2025, month, n), best);

    // 長期欠席 pace ----------------------------------------------------------------------------------------------

    [Fact]
    public void A_pupil_absent_one_day_in_five_is_on_pace_for_30_days_from_the_twentieth_recorded_day()
    {
        // 4 of the first 20 days: 4 / 20 × 200 = 40 ≥ 30; then 5 of 25 stays at 40.
        var flag = rules.LongAbsencePace(Days("oxooo" + "oxooo" + "oxooo" + "oxooo" + "oxooo"), YearEnd);

        Assert.NotNull(flag);
        Assert.Equal(WarningRule.LongAbsencePace, flag.Rule);
        Assert.Equal(SchoolDay(19), flag.Since);
        Assert.Equal("このままのペースでは、年度内の欠席が30日（長期欠席）に達する見込みです（見込み 約40日）。", flag.Reason);
        Assert.Equal("2025/09/01〜2025/10/03 の出欠 25日（出席停止・忌引 0日を除く 25日）のうち欠席 5日。欠席率 20% × 年間授業日 200日 = 見込み 40.0日（基準 30日）。欠席の理由: 病気 5日。", flag.Evidence);
    }

    [Fact]
    public void Two_absences_in_25_days_are_not_on_pace() => Assert.Null(rules.LongAbsencePace(Days("oxooo" + "ooooo" + "ooxoo" + "ooooo" + "ooooo"), YearEnd));

    [Fact]
    public void The_pace_rule_waits_for_20_recorded_days() => Assert.Null(rules.LongAbsencePace(Days("xxooo" + "xoooo" + "ooxoo" + "ooox"), YearEnd));

    [Fact]
    public void Suspension_and_mourning_are_not_absences_on_the_way_to_30_days()
    {
        // Counted as absences these 8 days would project 64; as they are, 2 of 19 required days project 21.
        var days = Days("oxooo" + "sssss" + "ooooo" + "kooox" + "ooooo");

        Assert.Null(rules.LongAbsencePace(days, YearEnd));
    }

    [Fact]
    public void The_pace_flag_dates_from_the_latest_crossing_after_a_recovery()
    {
        // 4 of 20 (pace 40) then 20 days at school (pace 20), then absent every day: 7 of 43 projects 32.6.
        var codes = "oxooo" + "oxooo" + "oxooo" + "oxooo" + new string('o', 20) + new string('x', 10);

        var flag = rules.LongAbsencePace(Days(codes), YearEnd);

        Assert.Equal(SchoolDay(42), flag!.Since);
        Assert.Null(rules.LongAbsencePace(Days(codes[..40]), YearEnd));
    }

    [Fact]
    public void Thirty_absences_are_long_term_absence_already_and_the_evidence_gives_the_reasons()
    {
        var flag = rules.LongAbsencePace(Days(new string('f', 28) + "xxooooo"), YearEnd)!;

        Assert.Equal("欠席が30日になり、長期欠席（年30日以上）に当たります。", flag.Reason);
        Assert.EndsWith("欠席の理由: 不登校 28日、病気 2日。", flag.Evidence, StringComparison.Ordinal);
    }

    [Fact]
    public void Days_after_the_as_of_date_are_not_read() =>
        Assert.Null(rules.LongAbsencePace(Days("oxooo" + "oxooo" + "oxooo" + "oxooo" + "oxooo"), SchoolDay(18)));

    [Fact]
    public void The_pace_follows_the_configured_days()
    {
        var strict = new EarlyWarningRules(new LearningWarningOptions { LongAbsenceDays = 20, SchoolDaysPerYear = 210, MinimumDaysForPace = 10 });

        // 2 of 10 days: 2 / 10 × 210 = 42 ≥ 20 from the tenth day.
        Assert.Equal(SchoolDay(9), strict.LongAbsencePace(Days("oxooo" + "oooxo"), YearEnd)!.Since);
    }

    // Consecutive absences -----------------------------------------------------------------------------------

    [Fact]
    public void Three_absences_in_a_row_fire_since_the_first_and_say_the_run_goes_on()
    {
        var flag = rules.ConsecutiveAbsences(Days("ooo" + "xxf"), YearEnd);

        Assert.NotNull(flag);
        Assert.Equal(SchoolDay(3), flag.Since);
        Assert.Equal("2025年9月4日から3日続けて欠席しています（継続中）。", flag.Reason);
        Assert.Equal("欠席 2025/09/04（病気）、2025/09/05（病気）、2025/09/08（不登校）。", flag.Evidence);
    }

    [Fact]
    public void Two_absences_in_a_row_do_not_fire() => Assert.Null(rules.ConsecutiveAbsences(Days("oxxoxxo"), YearEnd));

    [Fact]
    public void Suspension_between_absences_neither_breaks_nor_extends_the_run()
    {
        var flag = rules.ConsecutiveAbsences(Days("ox" + "s" + "xxo"), YearEnd);

        Assert.NotNull(flag);
        Assert.Equal(SchoolDay(1), flag.Since);
        Assert.Equal("2025年9月2日から2025年9月5日まで3日続けて欠席しました。", flag.Reason);
        Assert.Contains("出席停止 2025/09/03 は欠席に数えず", flag.Evidence, StringComparison.Ordinal);
    }

    [Fact]
    public void Mourning_days_do_not_make_two_absences_a_run_of_three() => Assert.Null(rules.ConsecutiveAbsences(Days("xkkkxo"), YearEnd));

    [Theory]
    [InlineData("l")]
    [InlineData("e")]
    [InlineData("o")]
    public void A_day_at_school_even_late_or_leaving_early_breaks_the_run(string atSchool) =>
        Assert.Null(rules.ConsecutiveAbsences(Days("xx" + atSchool + "x"), YearEnd));

    [Fact]
    public void A_run_that_ended_more_than_ten_school_days_ago_no_longer_fires()
    {
        Assert.NotNull(rules.ConsecutiveAbsences(Days("xxx" + new string('o', 10)), YearEnd));
        Assert.Null(rules.ConsecutiveAbsences(Days("xxx" + new string('o', 11)), YearEnd));
    }

    [Fact]
    public void The_latest_run_is_reported() =>
        Assert.Equal(SchoolDay(6), rules.ConsecutiveAbsences(Days("xxxoo" + "oxxxx"), YearEnd)!.Since);

    // Activity halving ----------------------------------------------------------------------------------------

    [Fact]
    public void Activity_down_to_half_of_last_week_fires_since_the_latest_monday()
    {
        var flag = rules.ActivityHalving([Week(10, 6, 20), Week(10, 13, 10)], new DateOnly(2025, 10, 19));

        Assert.NotNull(flag);
        Assert.Equal(new DateOnly(2025, 10, 13), flag.Since);
        Assert.Equal("学習活動（記録数）が前週の50%以下に減りました（授業日1日あたり 4.0件 → 2.0件）。", flag.Reason);
        Assert.Equal("2025/10/06の週 20件（授業日5日）→ 2025/10/13の週 10件（授業日5日）。前週が10件以上のときに判定。", flag.Evidence);
    }

    [Fact]
    public void Activity_just_above_half_does_not_fire() =>
        Assert.Null(rules.ActivityHalving([Week(10, 6, 20), Week(10, 13, 11)], YearEnd));

    [Fact]
    public void A_small_base_week_is_noise() => Assert.Null(rules.ActivityHalving([Week(10, 6, 9), Week(10, 13, 0)], YearEnd));

    [Fact]
    public void The_running_week_is_not_judged_until_it_is_over()
    {
        var weeks = new[] { Week(9, 29, 20), Week(10, 6, 20), Week(10, 13, 2) };

        Assert.Null(rules.ActivityHalving(weeks, new DateOnly(2025, 10, 18)));
        Assert.NotNull(rules.ActivityHalving(weeks, new DateOnly(2025, 10, 19)));
    }

    [Fact]
    public void A_week_without_school_days_is_skipped() =>
        Assert.Null(rules.ActivityHalving([Week(10, 6, 20), Week(10, 13, 0, schoolDays: 0), Week(10, 20, 18)], YearEnd));

    [Fact]
    public void A_short_school_week_is_compared_per_school_day() =>
        Assert.Null(rules.ActivityHalving([Week(10, 6, 20), Week(10, 13, 6, schoolDays: 2)], YearEnd));

    // Falling scores ------------------------------------------------------------------------------------------

    [Fact]
    public void Best_scores_falling_over_the_last_three_units_fire_since_the_first_lower_unit()
    {
        var flag = rules.FallingScores([Unit(2, 0.9), Unit(9, 0.6), Unit(20, 0.3)], YearEnd);

        Assert.NotNull(flag);
        Assert.Equal(new DateOnly(2025, 6, 9), flag.Since);
        Assert.Equal("算数で、直近3単元の最高得点が続けて下がっています（0.90 → 0.30）。", flag.Reason);
        Assert.Equal("算数: 単元2 0.90（2025/06/02〜） → 単元9 0.60（2025/06/09〜） → 単元20 0.30（2025/06/20〜）。", flag.Evidence);
    }

    [Fact]
    public void An_equal_score_is_not_a_fall() => Assert.Null(rules.FallingScores([Unit(1, 0.9), Unit(2, 0.6), Unit(3, 0.6)], YearEnd));

    [Fact]
    public void A_fall_smaller_than_the_minimum_drop_is_noise() =>
        Assert.Null(rules.FallingScores([Unit(1, 0.80), Unit(2, 0.78), Unit(3, 0.75)], YearEnd));

    [Fact]
    public void Only_the_most_recent_units_count()
    {
        Assert.NotNull(rules.FallingScores([Unit(1, 0.2), Unit(2, 0.9), Unit(3, 0.6), Unit(4, 0.3)], YearEnd));
        Assert.Null(rules.FallingScores([Unit(1, 0.9), Unit(2, 0.6), Unit(3, 0.3), Unit(4, 0.5)], YearEnd));
    }

    [Fact]
    public void Units_are_read_per_subject()
    {
        // By date alone 0.9, 0.2, 0.6, 0.5, 0.3 does not fall; 算数 alone does.
        var units = new[] { Unit(1, 0.9), Unit(2, 0.2, "国語"), Unit(3, 0.6), Unit(4, 0.5, "国語"), Unit(5, 0.3) };

        Assert.StartsWith("算数で、", rules.FallingScores(units, YearEnd)!.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_units_are_too_few_and_units_after_the_as_of_date_are_not_read()
    {
        Assert.Null(rules.FallingScores([Unit(1, 0.9), Unit(2, 0.6)], YearEnd));
        Assert.Null(rules.FallingScores([Unit(1, 0.9), Unit(2, 0.6), Unit(3, 0.3)], new DateOnly(2025, 6, 2)));
    }

    [Fact]
    public void Evaluate_gives_each_fired_rule_once_in_rule_order()
    {
        var series = new PupilSeries(Days("oxooo" + "oxooo" + "oxooo" + "oxooo" + "oxxxo"), [Week(10, 6, 20), Week(10, 13, 4)], [Unit(1, 0.9), Unit(2, 0.6), Unit(3, 0.3)]);

        var flags = rules.Evaluate(series, YearEnd);

        Assert.Equal([WarningRule.LongAbsencePace, WarningRule.ConsecutiveAbsences, WarningRule.ActivityHalving, WarningRule.FallingScores], flags.Select(f => f.Rule));
        Assert.Equal(["長期欠席のおそれ", "連続欠席", "学習活動の急減", "得点の低下"], flags.Select(f => f.Title));
        Assert.Empty(rules.Evaluate(PupilSeries.Empty, YearEnd));
    }
}
