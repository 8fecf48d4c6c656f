using System.Globalization;
using System.Text;

namespace Workbench.Data.Synthetic;

/// <summary>
/// Simulates each pupil's school days and writes attendance/attendance-{year}.csv. Ordinary absence is about 1 % a
/// day (more in winter and in junior high); pupils drifting into risk are absent more and more after their onset,
/// mostly for 不登校, so most of them pass the 30 days of 長期欠席; influenza closes in on a class now and then in
/// winter (出席停止 for five school days); 忌引 is rare.
/// </summary>
internal sealed class AttendanceWriter(Determinism determinism)
{
    private static readonly byte[][] StatusBytes = Enum.GetValues<DayStatus>()
        .Select(s => Encoding.UTF8.GetBytes(s switch
        {
            DayStatus.Present => ",出席,\n",
            DayStatus.AbsentIllness => ",欠席,病気\n",
            DayStatus.AbsentEconomic => ",欠席,経済的理由\n",
            DayStatus.AbsentTruancy => ",欠席,不登校\n",
            DayStatus.AbsentOther => ",欠席,その他\n",
            DayStatus.Late => ",遅刻,\n",
            DayStatus.LeftEarly => ",早退,\n",
            DayStatus.Suspended => ",出席停止,\n",
            DayStatus.Mourning => ",忌引,\n",
            _ => "\n",
        }))
        .ToArray();

    /// <summary>Fills <see cref="PupilYear.Attendance"/> for every pupil of the year (in parallel; each pupil has its
    /// own random stream, so the result does not depend on the order).</summary>
    public void Simulate(YearRoster year)
    {
        var outbreaks = year.Homerooms.ToDictionary(h => h, h => Outbreaks(year, h));
        Parallel.ForEach(year.Pupils, pupil => pupil.Attendance = Simulate(pupil, outbreaks[pupil.Homeroom]));
    }

    public long Write(YearRoster year, string path)
    {
        var calendar = year.Calendar;
        var dates = calendar.DateText.Select(d => Encoding.UTF8.GetBytes("," + d)).ToArray();
        long rows = 0;
        using var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20);
        stream.Write("userSourcedId,date,status,reason\n"u8);
        foreach (var pupil in year.Pupils)
        {
            var id = Encoding.UTF8.GetBytes(pupil.Pupil.SourcedId);
            for (var day = pupil.BeginDay; day < pupil.EndDay; day++)
            {
                stream.Write(id);
                stream.Write(dates[day]);
                stream.Write(StatusBytes[(int)pupil.Attendance[day]]);
                rows++;
            }
        }

        return rows;
    }

    private List<(int Start, double AttackRate)> Outbreaks(YearRoster year, Homeroom homeroom)
    {
        var calendar = year.Calendar;
        var random = determinism.Stream(string.Create(CultureInfo.InvariantCulture, $"flu/{year.FiscalYear}/{homeroom.SourcedId}"));
        var from = calendar.IndexOnOrAfter(new DateOnly(year.FiscalYear, 12, 1));
        var to = calendar.IndexOnOrAfter(new DateOnly(year.FiscalYear + 1, 3, 1));
        var list = new List<(int, double)>();
        var count = random.Poisson(0.7);
        for (var i = 0; i < count && to > from; i++)
        {
            list.Add((random.Next(from, to), random.Uniform(0.08, 0.3)));
        }

        return list;
    }

    private DayStatus[] Simulate(PupilYear pupil, List<(int Start, double AttackRate)> outbreaks)
    {
        var calendar = pupil.Year.Calendar;
        var random = determinism.Stream(string.Create(CultureInfo.InvariantCulture, $"attendance/{pupil.Year.FiscalYear}/{pupil.Pupil.Key}"));
        var days = new DayStatus[calendar.Count];
        var baseRate = pupil.Pupil.AbsenceBase * (pupil.School.IsJuniorHigh ? 1.25 : 1.0);

        for (var day = pupil.BeginDay; day < pupil.EndDay; day++)
        {
            var date = calendar.Days[day];
            var season = date.Month switch
            {
                12 or 1 or 2 => 1.5,
                6 or 7 => 0.85,
                _ => 1.0,
            };
            var monday = date.DayOfWeek == DayOfWeek.Monday ? 1.2 : 1.0;
            var risk = pupil.RiskLevel(day) * pupil.RiskPeak * monday;
            var ordinary = baseRate * season;

            if (pupil.IllnessStart >= 0 && day >= pupil.IllnessStart && day < pupil.IllnessStart + pupil.IllnessLength)
            {
                days[day] = DayStatus.AbsentIllness;
                continue;
            }

            var draw = random.NextDouble();
            if (draw < risk)
            {
                var reason = random.NextDouble();
                days[day] = reason < 0.8 ? DayStatus.AbsentTruancy : reason < 0.92 ? DayStatus.AbsentOther : DayStatus.AbsentIllness;
            }
            else if (draw < risk + ordinary)
            {
                var reason = random.NextDouble();
                days[day] = reason < 0.88 ? DayStatus.AbsentIllness
                    : reason < 0.975 ? DayStatus.AbsentOther
                    : reason < 0.98 ? DayStatus.AbsentEconomic
                    : DayStatus.AbsentTruancy;
            }
            else
            {
                var other = random.NextDouble();
                var late = 0.006 + (0.06 * pupil.RiskLevel(day));
                days[day] = other < late ? DayStatus.Late : other < late + 0.004 ? DayStatus.LeftEarly : DayStatus.Present;
            }
        }

        // 出席停止: influenza in the class, and now and then another notifiable illness.
        foreach (var (start, attackRate) in outbreaks)
        {
            if (random.Chance(attackRate))
            {
                Mark(pupil, days, start + random.Next(0, 7), 5, DayStatus.Suspended);
            }
        }

        if (random.Chance(0.04))
        {
            Mark(pupil, days, random.Next(0, calendar.Count), random.Next(3, 6), DayStatus.Suspended);
        }

        if (random.Chance(0.025))
        {
            Mark(pupil, days, random.Next(0, calendar.Count), random.Next(1, 4), DayStatus.Mourning);
        }

        return days;
    }

    private static void Mark(PupilYear pupil, DayStatus[] days, int start, int length, DayStatus status)
    {
        for (var day = Math.Max(start, pupil.BeginDay); day < Math.Min(start + length, pupil.EndDay); day++)
        {
            days[day] = status;
        }
    }
}
