using System.Globalization;

namespace Workbench.Data.Synthetic;

/// <summary>
/// Writes assessment/assessment-{year}.csv: one 単元テスト per unit per pupil, on the last days of the unit (a pupil
/// away that day sits it at the next school day in, within a week, or not at all), scored 0–100 from the pupil's
/// ability on that day.
/// </summary>
internal sealed class AssessmentWriter(Determinism determinism)
{
    public const int MaxScore = 100;

    public long Write(YearRoster year, string path)
    {
        var calendar = year.Calendar;
        var ids = new Dictionary<string, string>(StringComparer.Ordinal);
        using var csv = new CsvFile(path);
        csv.Row("assessmentId", "subject", "unitId", "userSourcedId", "score", "maxScore", "date");
        var maxScore = MaxScore.ToString(CultureInfo.InvariantCulture);
        foreach (var pupil in year.Pupils)
        {
            var random = determinism.Stream(string.Create(CultureInfo.InvariantCulture, $"assessment/{year.FiscalYear}/{pupil.Pupil.Key}"));

            // Schools set their tests a day or two apart.
            var shift = pupil.School.Fact.Order % 3;
            foreach (var subject in Curriculum.SubjectsFor(pupil.Grade))
            {
                var units = Curriculum.UnitsFor(subject, pupil.Grade);
                foreach (var unit in units)
                {
                    var (start, end) = LearningModel.Window(unit.Number, units.Count, calendar.Count);
                    var day = SittingDay(pupil, Math.Max(start, end - 1 - shift));
                    if (day < 0)
                    {
                        continue;
                    }

                    var ability = LearningModel.AbilityOn(pupil, day) + (0.25 * random.Gaussian());
                    var expected = RandomExtensions.Logistic((1.1 * ability) + 1.4 - unit.Difficulty);
                    var score = Math.Clamp((int)Math.Round((MaxScore * expected) + (6 * random.Gaussian())), 0, MaxScore);
                    if (!ids.TryGetValue(unit.Iri, out var id))
                    {
                        id = determinism.Uuid(string.Create(CultureInfo.InvariantCulture, $"assessment/{year.FiscalYear}/{unit.Iri}"));
                        ids[unit.Iri] = id;
                    }

                    csv.Row(id, subject.Name, unit.Iri, pupil.Pupil.SourcedId, score.ToString(CultureInfo.InvariantCulture), maxScore, calendar.DateText[day]);
                }
            }
        }

        return csv.Rows - 1;
    }

    /// <summary>The test day if the pupil is in, else the next school day in within a week; -1 if none.</summary>
    private static int SittingDay(PupilYear pupil, int testDay)
    {
        for (var day = Math.Max(testDay, pupil.BeginDay); day < Math.Min(testDay + 6, pupil.EndDay); day++)
        {
            if (pupil.Attendance[day].InSchool())
            {
                return day;
            }
        }

        return -1;
    }
}
