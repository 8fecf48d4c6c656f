using System.Globalization;

namespace Workbench.Data.Synthetic;

/// <summary>
/// Builds the school population of one or more 年度: pupils per school and grade as in schools.csv for the last 年度
/// (earlier years roll the same cohorts back, so a P6 of 2025 was the P2 of 2021), elementary P6 pupils moving on to
/// their district's junior high, a few pupils moving in or out during each year, homerooms split as Japanese schools
/// split them (at most 35 per class, the rest of the school's real 学級数 as 特別支援学級), and teachers.
/// </summary>
internal sealed class RosterBuilder(Determinism determinism)
{
    /// <summary>Share of pupils moving out (and, separately, in) during a year.</summary>
    private const double MoverShare = 0.0025;

    private const int ClassLimit = 35;

    private static readonly string[] SpecialClassNames = ["なかよし学級", "ひまわり学級", "わかば学級", "あおぞら学級"];

    private readonly List<Pupil> pupils = [];
    private readonly Dictionary<int, int> serialByEntryYear = [];
    private readonly Dictionary<string, Teacher> teachersByKey = new(StringComparer.Ordinal);
    private readonly List<Teacher> teachers = [];

    public Roster Build(IReadOnlyList<SchoolFact> schoolFacts, IReadOnlyList<int> years)
    {
        var schools = schoolFacts.Select(f => new School(f, determinism.Uuid("org/school/" + f.Code))).ToList();
        var rosters = new List<YearRoster>();
        YearRoster? previous = null;
        foreach (var year in years)
        {
            var roster = new YearRoster
            {
                FiscalYear = year,
                Calendar = SchoolCalendar.For(year),
                SchoolYearId = determinism.Uuid(Invariant($"session/{year}")),
                TermIds = [.. Enumerable.Range(1, 3).Select(t => determinism.Uuid(Invariant($"session/{year}/term{t}")))],
            };
            BuildYear(roster, previous, schools, years[0], years[^1]);
            rosters.Add(roster);
            previous = roster;
        }

        return new Roster
        {
            DistrictId = determinism.Uuid("org/district/33203"),
            Schools = schools,
            Years = rosters,
            Pupils = pupils,
            Teachers = teachers,
        };
    }

    /// <summary>Regular classes per grade (at most 35 pupils, a junior high may go to 40 to stay within its real
    /// 学級数) and the 特別支援学級 that make up the rest of the school's classes.</summary>
    public static (int[] Regular, int Special) ClassPlan(SchoolFact school, IReadOnlyList<int> pupilsPerGrade)
    {
        var regular = pupilsPerGrade.Select(n => Math.Max(1, (n + ClassLimit - 1) / ClassLimit)).ToArray();
        if (school.Kind == SchoolKind.JuniorHigh)
        {
            while (regular.Sum() > school.Classes)
            {
                var candidates = Enumerable.Range(0, regular.Length)
                    .Where(g => regular[g] > 1 && pupilsPerGrade[g] <= 40 * (regular[g] - 1))
                    .OrderBy(g => pupilsPerGrade[g] / (double)(regular[g] - 1))
                    .ToList();
                if (candidates.Count == 0)
                {
                    break;
                }

                regular[candidates[0]]--;
            }
        }

        var special = Math.Clamp(school.Classes - regular.Sum(), 0, SpecialClassNames.Length);
        return (regular, special);
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private void BuildYear(YearRoster roster, YearRoster? previous, List<School> schools, int firstYear, int lastYear)
    {
        var year = roster.FiscalYear;
        var days = roster.Calendar.Count;
        var cohorts = new Dictionary<(School School, int Grade), List<PupilYear>>();
        var previousCohorts = previous?.Pupils.Where(p => !p.MovedOut)
            .GroupBy(p => (p.School.Fact.Code, p.Grade))
            .ToDictionary(g => g.Key, g => g.Select(p => p.Pupil).ToList());

        foreach (var school in schools)
        {
            for (var grade = school.Fact.FirstGrade; grade <= school.Fact.LastGrade; grade++)
            {
                var target = Target(school.Fact, grade, year, lastYear);
                var members = new List<Pupil>();
                if (previousCohorts is not null)
                {
                    if (grade == school.Fact.FirstGrade && school.IsJuniorHigh)
                    {
                        // P6 pupils of the district's elementary schools go on to its junior high.
                        members = previousCohorts
                            .Where(c => c.Key.Grade == 6 && schools.Any(s => s.Fact.Code == c.Key.Code && s.Fact.DistrictCode == school.Fact.DistrictCode))
                            .SelectMany(c => c.Value)
                            .ToList();
                    }
                    else if (previousCohorts.TryGetValue((school.Fact.Code, grade - 1), out var cohort))
                    {
                        members = [.. cohort];
                    }
                }

                if (members.Count > target)
                {
                    // The rest moved away in the spring holiday, or went to the prefectural 津山中学校.
                    var random = determinism.Stream(Invariant($"cohort/{year}/{school.Fact.Code}/{grade}"));
                    random.Shuffle(members);
                    members = [.. members.Take(target).OrderBy(p => p.Index)];
                }

                while (members.Count < target)
                {
                    members.Add(NewPupil(year, grade));
                }

                cohorts[(school, grade)] = [.. members.Select(p => NewPupilYear(p, roster, school, grade, 0))];
            }
        }

        AddMovers(roster, cohorts, days);

        foreach (var school in schools)
        {
            BuildSchool(roster, school, cohorts, firstYear);
        }

        foreach (var pupilYear in roster.Pupils)
        {
            Profile(pupilYear);
        }
    }

    private void AddMovers(YearRoster roster, Dictionary<(School School, int Grade), List<PupilYear>> cohorts, int days)
    {
        var random = determinism.Stream(Invariant($"movers/{roster.FiscalYear}"));
        var all = cohorts.Values.SelectMany(c => c).ToList();
        var count = Math.Max(1, (int)Math.Round(all.Count * MoverShare));
        for (var i = 0; i < count; i++)
        {
            var leaving = all[random.Next(all.Count)];
            if (!leaving.MovedOut)
            {
                leaving.EndDay = random.Next(15, days - 15);
            }
        }

        for (var i = 0; i < count; i++)
        {
            var like = all[random.Next(all.Count)];
            var begin = random.Next(15, days - 15);
            var pupil = NewPupil(roster.FiscalYear, like.Grade);
            cohorts[(like.School, like.Grade)].Add(NewPupilYear(pupil, roster, like.School, like.Grade, begin));
        }
    }

    private void BuildSchool(YearRoster roster, School school, Dictionary<(School School, int Grade), List<PupilYear>> cohorts, int firstYear)
    {
        var year = roster.FiscalYear;
        var random = determinism.Stream(Invariant($"classes/{year}/{school.Fact.Code}"));
        var grades = Enumerable.Range(school.Fact.FirstGrade, school.Fact.PupilsPerGrade.Count).ToList();
        var (regular, specialCount) = ClassPlan(school.Fact, [.. grades.Select(g => cohorts[(school, g)].Count(p => !p.MovedIn))]);
        var schoolPupils = grades.SelectMany(g => cohorts[(school, g)]).ToList();

        // 特別支援学級: pupils who need one, at least one per class, at most eight per class (the legal limit).
        var inSpecialClass = new List<PupilYear>();
        if (specialCount > 0)
        {
            var needing = schoolPupils.Where(p => p.Pupil.SpecialNeeds).ToList();
            var others = schoolPupils.Where(p => !p.Pupil.SpecialNeeds && !p.MovedIn).ToList();
            random.Shuffle(others);
            foreach (var extra in others.Take(Math.Max(0, specialCount - needing.Count)))
            {
                extra.Pupil.SpecialNeeds = true;
                needing.Add(extra);
            }

            inSpecialClass = [.. needing.OrderBy(p => p.Pupil.Index).Take(8 * specialCount)];
        }

        var courses = new Dictionary<(int Grade, string Subject), Course>();
        Course AddCourse(int grade, Subject? subject, string title, IReadOnlyList<int> courseGrades)
        {
            var course = new Course
            {
                SourcedId = determinism.Uuid(Invariant($"course/{year}/{school.Fact.Code}/{grade}/{subject?.Code ?? "homeroom"}")),
                School = school,
                Title = title,
                Grades = courseGrades,
                Subject = subject,
            };
            roster.Courses.Add(course);
            courses[(grade, subject?.Code ?? "homeroom")] = course;
            return course;
        }

        var homerooms = new List<Homeroom>();
        var special = new HashSet<PupilYear>(inSpecialClass);
        for (var gi = 0; gi < grades.Count; gi++)
        {
            var grade = grades[gi];
            var local = Curriculum.LocalGrade(grade);
            var homeroomCourse = AddCourse(grade, null, Invariant($"{local}年 ホームルーム"), [grade]);
            foreach (var subject in Curriculum.SubjectsFor(grade))
            {
                AddCourse(grade, subject, Invariant($"{local}年 {subject.Name}"), [grade]);
            }

            var classes = Enumerable.Range(1, regular[gi]).Select(k => new Homeroom
            {
                SourcedId = determinism.Uuid(Invariant($"class/{year}/{school.Fact.Code}/{grade}/{k}")),
                School = school,
                Title = Invariant($"{local}年{k}組"),
                ClassCode = Invariant($"{local}-{k}"),
                Grade = grade,
                SpecialNeeds = false,
                Course = homeroomCourse,
            }).ToList();

            // Classes are balanced by sex, as schools do it; pupils who move in join the smallest class.
            var initial = cohorts[(school, grade)].Where(p => !p.MovedIn && !special.Contains(p)).ToList();
            random.Shuffle(initial);
            var dealt = initial.Where(p => p.Pupil.Male).Concat(initial.Where(p => !p.Pupil.Male)).ToList();
            for (var i = 0; i < dealt.Count; i++)
            {
                Join(classes[i % classes.Count], dealt[i]);
            }

            foreach (var mover in cohorts[(school, grade)].Where(p => p.MovedIn && !special.Contains(p)).OrderBy(p => p.BeginDay).ThenBy(p => p.Pupil.Index))
            {
                Join(classes.OrderBy(c => c.Pupils.Count).First(), mover);
            }

            homerooms.AddRange(classes);
        }

        var specialClasses = new List<Homeroom>();
        if (specialCount > 0)
        {
            var specialCourse = AddCourse(0, null, "特別支援学級", grades);
            specialClasses = [.. Enumerable.Range(0, specialCount).Select(i => new Homeroom
            {
                SourcedId = determinism.Uuid(Invariant($"class/{year}/{school.Fact.Code}/special/{i + 1}")),
                School = school,
                Title = SpecialClassNames[i],
                ClassCode = Invariant($"S{i + 1}"),
                Grade = 0,
                SpecialNeeds = true,
                Course = specialCourse,
            })];
            var members = inSpecialClass.ToList();
            random.Shuffle(members);
            for (var i = 0; i < members.Count; i++)
            {
                Join(specialClasses[i % specialClasses.Count], members[i]);
            }
        }

        foreach (var homeroom in homerooms.Concat(specialClasses))
        {
            // 出席番号 in kana order (男女混合名簿); pupils who arrive during the year are added at the end.
            var ordered = homeroom.Pupils.Where(p => !p.MovedIn)
                .OrderBy(p => homeroom.SpecialNeeds ? p.Grade : 0)
                .ThenBy(p => p.Pupil.Family.Kana, StringComparer.Ordinal)
                .ThenBy(p => p.Pupil.Given.Kana, StringComparer.Ordinal)
                .ThenBy(p => p.Pupil.Index)
                .Concat(homeroom.Pupils.Where(p => p.MovedIn).OrderBy(p => p.BeginDay).ThenBy(p => p.Pupil.Index))
                .ToList();
            homeroom.Pupils.Clear();
            homeroom.Pupils.AddRange(ordered);
            for (var i = 0; i < ordered.Count; i++)
            {
                ordered[i].ShussekiNo = i + 1;
            }
        }

        // Subject classes: elementary ones per homeroom, junior-high ones per homeroom and subject with a subject
        // teacher. Pupils of a 特別支援学級 join the subject classes of a regular class of their grade (交流学級).
        foreach (var homeroom in homerooms)
        {
            foreach (var subject in Curriculum.SubjectsFor(homeroom.Grade))
            {
                var subjectClass = new SubjectClass
                {
                    SourcedId = determinism.Uuid(Invariant($"class/{year}/{school.Fact.Code}/{homeroom.Grade}/{homeroom.ClassCode}/{subject.Code}")),
                    Homeroom = homeroom,
                    Subject = subject,
                    Course = courses[(homeroom.Grade, subject.Code)],
                    Title = $"{homeroom.Title} {subject.Name}",
                    ClassCode = $"{homeroom.ClassCode}-{subject.Code}",
                };
                homeroom.SubjectClasses.Add(subjectClass);
                foreach (var pupil in homeroom.Pupils)
                {
                    subjectClass.Pupils.Add(pupil);
                    pupil.SubjectClasses.Add(subjectClass);
                }
            }
        }

        foreach (var pupil in specialClasses.SelectMany(c => c.Pupils))
        {
            var ofGrade = homerooms.Where(h => h.Grade == pupil.Grade).ToList();
            var host = ofGrade[pupil.Pupil.Index % ofGrade.Count];
            foreach (var subjectClass in host.SubjectClasses)
            {
                subjectClass.Pupils.Add(pupil);
                pupil.SubjectClasses.Add(subjectClass);
            }
        }

        AssignTeachers(school, homerooms, specialClasses, year - firstYear);

        var all = homerooms.Concat(specialClasses).ToList();
        roster.Homerooms.AddRange(all);
        roster.Pupils.AddRange(all.SelectMany(h => h.Pupils));
    }

    private static void Join(Homeroom homeroom, PupilYear pupil)
    {
        homeroom.Pupils.Add(pupil);
        pupil.Homeroom = homeroom;
    }

    private void AssignTeachers(School school, List<Homeroom> regular, List<Homeroom> special, int yearOffset)
    {
        // The same staff stay at a school; who takes which class turns over from year to year.
        var all = regular.Concat(special).ToList();
        for (var j = 0; j < all.Count; j++)
        {
            var teacher = TeacherFor(school, Invariant($"{school.Fact.Code}/homeroom/{(j + (3 * yearOffset)) % all.Count}"));
            all[j].Teacher = teacher;
            if (!school.IsJuniorHigh)
            {
                foreach (var subjectClass in all[j].SubjectClasses)
                {
                    subjectClass.Teacher = teacher;
                }
            }
        }

        if (!school.IsJuniorHigh)
        {
            return;
        }

        var perSubject = Math.Max(1, (int)Math.Ceiling(regular.Count / 6.0));
        foreach (var group in regular.SelectMany(h => h.SubjectClasses).GroupBy(c => c.Subject.Code))
        {
            var i = 0;
            foreach (var subjectClass in group)
            {
                subjectClass.Teacher = TeacherFor(school, Invariant($"{school.Fact.Code}/{group.Key}/{(i + yearOffset) % perSubject}"));
                i++;
            }
        }
    }

    private Teacher TeacherFor(School school, string key)
    {
        if (teachersByKey.TryGetValue(key, out var existing))
        {
            return existing;
        }

        var random = determinism.Stream("teacher/" + key);
        var male = random.Chance(school.IsJuniorHigh ? 0.58 : 0.38);
        var index = teachers.Count;
        var teacher = new Teacher
        {
            Index = index,
            SourcedId = determinism.Uuid("user/teacher/" + key),
            MasterId = determinism.Uuid("learner/teacher/" + key),
            Username = Invariant($"t{100001 + index:D6}"),
            Family = JapaneseNames.Family(random),
            Given = JapaneseNames.Adult(random, male),
            School = school,
        };
        teachersByKey[key] = teacher;
        teachers.Add(teacher);
        return teacher;
    }

    /// <summary>Pupils in a cohort: the real count for cohorts still at the school in the last 年度, and for older
    /// cohorts the school's top grade a little larger (births fell year on year).</summary>
    private int Target(SchoolFact school, int grade, int year, int lastYear)
    {
        var gradeInLastYear = grade + (lastYear - year);
        if (gradeInLastYear <= school.LastGrade)
        {
            return school.PupilsIn(gradeInLastYear);
        }

        var entry = year - (grade - school.FirstGrade);
        var random = determinism.Stream(Invariant($"target/{school.Code}/{entry}"));
        var extraYears = gradeInLastYear - school.LastGrade;
        var size = school.PupilsIn(school.LastGrade) * (1 + (0.012 * extraYears)) * (1 + (0.04 * random.Gaussian()));
        return Math.Max(1, (int)Math.Round(size));
    }

    private Pupil NewPupil(int year, int grade)
    {
        var entryYear = year - grade + 1;
        serialByEntryYear.TryGetValue(entryYear, out var serial);
        serial++;
        serialByEntryYear[entryYear] = serial;
        var key = Invariant($"pupil/{entryYear}/{serial}");
        var random = determinism.Stream(key);
        var male = random.Chance(0.513);

        // Born between 2 April and 1 April of the next year, six years before entering P1.
        var earliest = new DateOnly(entryYear - 7, 4, 2);
        var span = new DateOnly(entryYear - 6, 4, 1).DayNumber - earliest.DayNumber + 1;
        var ability = random.Gaussian();
        var pupil = new Pupil
        {
            Index = pupils.Count,
            Key = key,
            SourcedId = determinism.Uuid("user/" + key),
            MasterId = determinism.Uuid("learner/" + key),
            Username = Invariant($"s{entryYear:D4}{serial:D4}"),
            Family = JapaneseNames.Family(random),
            Given = JapaneseNames.Child(random, male),
            Male = male,
            BirthDate = earliest.AddDays(random.Next(span)),
            Ability = ability,
            Engagement = Math.Exp(0.55 * ((0.3 * ability) + (0.954 * random.Gaussian())) - 0.15),
            AbsenceBase = Math.Min(0.08, Math.Exp(Math.Log(0.008) + (0.7 * random.Gaussian()))),
            SpecialNeeds = random.Chance(0.03),
        };
        pupils.Add(pupil);
        return pupil;
    }

    private static PupilYear NewPupilYear(Pupil pupil, YearRoster roster, School school, int grade, int beginDay)
    {
        var pupilYear = new PupilYear
        {
            Pupil = pupil,
            Year = roster,
            School = school,
            Grade = grade,
            BeginDay = beginDay,
            EndDay = roster.Calendar.Count,
        };
        pupil.Years.Add(pupilYear);
        return pupilYear;
    }

    /// <summary>This year's ability and risk: about 2 % of elementary and 4 % of junior-high pupils drift into risk
    /// (most from 2学期), half of last year's stay at risk from April, and a few are away ill for weeks.</summary>
    private void Profile(PupilYear pupilYear)
    {
        var calendar = pupilYear.Year.Calendar;
        var random = determinism.Stream(Invariant($"profile/{pupilYear.Year.FiscalYear}/{pupilYear.Pupil.Key}"));
        var years = pupilYear.Pupil.Years;
        var index = years.IndexOf(pupilYear);
        var previous = index > 0 ? years[index - 1] : null;
        if (previous is not null)
        {
            pupilYear.Pupil.Ability += 0.12 * random.Gaussian();
        }

        var previousRisk = previous is not null && previous.RiskOnset >= 0;
        pupilYear.Ability = pupilYear.Pupil.Ability - (previousRisk ? 0.25 : 0);

        var riskChance = previousRisk ? 0.55 : pupilYear.School.IsJuniorHigh ? 0.042 : 0.02;
        if (random.Chance(riskChance))
        {
            var second = calendar.SecondTermStart;
            var third = calendar.ThirdTermStart;
            var draw = random.NextDouble();
            pupilYear.RiskOnset = previousRisk ? random.Next(0, 25)
                : draw < 0.15 ? random.Next(25, second)
                : draw < 0.70 ? random.Next(second, second + 35)
                : random.Next(second + 35, third + 10);
            pupilYear.RiskRamp = random.Next(15, 46);
            pupilYear.RiskPeak = random.Uniform(0.3, 0.75);
        }

        if (random.Chance(0.004))
        {
            pupilYear.IllnessLength = random.Next(25, 46);
            pupilYear.IllnessStart = random.Next(10, calendar.Count - pupilYear.IllnessLength);
        }
    }
}
