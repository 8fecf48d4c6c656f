using System.Buffers;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Workbench.Data.Synthetic;

/// <summary>
/// Writes xapi/statements-{year}.ndjson, one xAPI statement per line, as the 学習eポータル's LRS would export them.
/// Pupils work in sessions during lessons on the days they are in school: on the unit their class is on (now and then
/// an earlier one), a few exercises each (experienced / attempted / answered / completed / progressed, and passed or
/// failed on a unit's まとめ問題), with scores drawn from their ability. Pupils at risk use the portal less and less
/// after their onset. About 0.1 % of statements are sent twice (same id) and a few are voided.
/// </summary>
internal sealed class XapiWriter
{
    /// <summary>Statements in an average session (measured on the generator's own output), to turn a target per
    /// pupil into a session rate.</summary>
    private const double StatementsPerSession = 4.2;

    private const double DuplicateChance = 0.001;
    private const double VoidChance = 0.0006;

    private static readonly JsonWriterOptions Options = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        SkipValidation = true,
    };

    // Lesson periods (8:45 … 14:30); P1–P2 have five a day.
    private static readonly int[] PeriodStartMinutes = [525, 580, 645, 700, 815, 870];

    private static readonly Verb Answered = new("http://adlnet.gov/expapi/verbs/answered", "回答した");
    private static readonly Verb Attempted = new("http://adlnet.gov/expapi/verbs/attempted", "挑戦した");
    private static readonly Verb Completed = new("http://adlnet.gov/expapi/verbs/completed", "完了した");
    private static readonly Verb Passed = new("http://adlnet.gov/expapi/verbs/passed", "合格した");
    private static readonly Verb Failed = new("http://adlnet.gov/expapi/verbs/failed", "不合格だった");
    private static readonly Verb Progressed = new("http://adlnet.gov/expapi/verbs/progressed", "進めた");
    private static readonly Verb Experienced = new("http://adlnet.gov/expapi/verbs/experienced", "体験した");
    private static readonly Verb LoggedIn = new("https://w3id.org/xapi/adl/verbs/logged-in", "ログインした");
    private static readonly Verb Voided = new("http://adlnet.gov/expapi/verbs/voided", "取り消した");

    private static readonly JsonEncodedText PortalHome = JsonEncodedText.Encode("https://portal.tsuyama.ed.jp", Options.Encoder);
    private static readonly JsonEncodedText PortalName = JsonEncodedText.Encode("津山市学習eポータル", Options.Encoder);
    private static readonly JsonEncodedText JpEduProfile = JsonEncodedText.Encode("https://w3id.org/xapi/jpedudataspec/v/1", Options.Encoder);
    private static readonly JsonEncodedText ProgressExtension = JsonEncodedText.Encode("https://w3id.org/xapi/cmi5/result/extensions/progress", Options.Encoder);

    private readonly Determinism determinism;
    private readonly double statementsPerPupil;
    private readonly Dictionary<Unit, UnitText> unitText = [];
    private readonly ArrayBufferWriter<byte> buffer = new(4096);
    private readonly Utf8JsonWriter json;
    private readonly List<(string Id, DateTime Time)> session = [];
    private Stream output = Stream.Null;
    private Random random = new(0);
    private long pupilKey;
    private long pupilStatements;

    public XapiWriter(Determinism determinism, double statementsPerPupil)
    {
        this.determinism = determinism;
        this.statementsPerPupil = statementsPerPupil;
        json = new Utf8JsonWriter(buffer, Options);
    }

    public long Statements { get; private set; }

    public long Duplicates { get; private set; }

    public long Voids { get; private set; }

    public void Write(YearRoster year, string path)
    {
        using var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20);
        output = stream;
        foreach (var pupil in year.Pupils)
        {
            WritePupil(pupil);
        }

        output = Stream.Null;
    }

    private void WritePupil(PupilYear pupil)
    {
        var calendar = pupil.Year.Calendar;
        random = determinism.Stream(string.Create(CultureInfo.InvariantCulture, $"xapi/{pupil.Year.FiscalYear}/{pupil.Pupil.Key}"));
        var actor = JsonEncodedText.Encode(pupil.Pupil.MasterId, Options.Encoder);
        pupilKey = ((long)pupil.Year.FiscalYear << 32) | (uint)pupil.Pupil.Index;
        pupilStatements = 0;
        var subjects = Curriculum.SubjectsFor(pupil.Grade);
        var weights = RandomExtensions.Cumulative(subjects.Select(s => s.SessionWeight));
        var periods = pupil.Grade <= 2 ? 5 : 6;

        var gradeFactor = pupil.Grade switch
        {
            <= 2 => 0.7,
            >= 7 => 1.15,
            _ => 1.0,
        };
        var target = statementsPerPupil * pupil.Pupil.Engagement * gradeFactor;
        var inSchool = 0;
        for (var day = pupil.BeginDay; day < pupil.EndDay; day++)
        {
            inSchool += pupil.Attendance[day].InSchool() ? 1 : 0;
        }

        var rate = inSchool == 0 ? 0 : target / StatementsPerSession / inSchool;
        Span<int> starts = stackalloc int[6];
        for (var day = pupil.BeginDay; day < pupil.EndDay; day++)
        {
            if (!pupil.Attendance[day].InSchool())
            {
                continue;
            }

            var fade = 1.0 - (0.9 * pupil.RiskLevel(day));
            var sessions = Math.Min(periods, random.Poisson(rate * fade));
            if (sessions == 0)
            {
                continue;
            }

            // Distinct lesson periods, in time order.
            var chosen = 0;
            while (chosen < sessions)
            {
                var period = random.Next(periods);
                if (!starts[..chosen].Contains(period))
                {
                    starts[chosen++] = period;
                }
            }

            starts[..chosen].Sort();
            for (var s = 0; s < chosen; s++)
            {
                var minute = PeriodStartMinutes[starts[s]] + random.Next(0, 30);
                var start = calendar.Days[day].ToDateTime(new TimeOnly(minute / 60, minute % 60, random.Next(60)));
                var subject = subjects[random.PickCumulative(weights)];
                WriteSession(pupil, actor, subject, day, start);
            }
        }
    }

    private void WriteSession(PupilYear pupil, JsonEncodedText actor, Subject subject, int day, DateTime time)
    {
        var schoolDays = pupil.Year.Calendar.Count;
        var units = Curriculum.UnitsFor(subject, pupil.Grade);
        var current = LearningModel.UnitOn(day, units.Count, schoolDays);
        var review = current > 1 && random.Chance(0.12);
        var unit = units[(review ? random.Next(1, current) : current) - 1];
        var (windowStart, windowEnd) = LearningModel.Window(unit.Number, units.Count, schoolDays);
        var progress = review ? 1.0 : Math.Clamp((day - windowStart + 0.5) / (windowEnd - windowStart), 0, 1);
        var text = TextOf(unit);
        var ability = LearningModel.AbilityOn(pupil, day);
        session.Clear();

        if (random.Chance(0.06))
        {
            Emit(actor, LoggedIn, PortalHome, PortalName, null, default, time.AddSeconds(-random.Next(20, 180)));
        }

        var exercises = 1 + random.Binomial(2, 0.45);
        // Pupils work through a unit's exercises as the weeks go by; the まとめ問題 comes at the end.
        var first = Math.Clamp(1 + (int)(progress * (unit.Exercises - 1)) + random.Next(-1, 2), 1, unit.Exercises);
        for (var e = 0; e < exercises; e++)
        {
            var n = first + e;
            if (n > unit.Exercises)
            {
                break;
            }

            var iri = text.ExerciseIri[n - 1];
            var name = text.ExerciseName[n - 1];
            if (random.Chance(0.3))
            {
                var watched = random.Next(60, 300);
                Emit(actor, Experienced, iri, name, text, new Outcome { Duration = watched }, time);
                time = time.AddSeconds(watched);
            }

            if (random.Chance(0.45))
            {
                Emit(actor, Attempted, iri, name, text, default, time);
            }

            var max = n == unit.Exercises ? 10 : 5;
            var correct = LearningModel.Correct(ability + (0.35 * random.Gaussian()), unit, progress);
            var seconds = (int)(max * random.Uniform(20, 60) * (1.3 - (0.4 * correct)));
            if (random.Chance(0.12))
            {
                // Left half-way; some come back to it in the same lesson.
                var part = random.Next(20, 81);
                var spent = seconds * part / 100;
                time = time.AddSeconds(spent);
                Emit(actor, Progressed, iri, name, text, new Outcome { Completion = false, Duration = spent, Progress = part }, time);
                if (random.Chance(0.5))
                {
                    time = time.AddSeconds(random.Next(20, 90));
                    continue;
                }
            }

            var raw = random.Binomial(max, correct);
            var success = raw * 10 >= max * 6;
            time = time.AddSeconds(seconds);
            var scored = new Outcome { Score = true, Raw = raw, Max = max, Success = success, Completion = true, Duration = seconds };
            Emit(actor, Answered, iri, name, text, scored, time);
            if (random.Chance(0.55))
            {
                Emit(actor, Completed, iri, name, text, scored, time.AddSeconds(1));
            }

            if (n == unit.Exercises)
            {
                Emit(actor, success ? Passed : Failed, iri, name, text, scored with { Duration = 0 }, time.AddSeconds(2));
            }

            time = time.AddSeconds(random.Next(20, 90));
        }

        if (session.Count > 0 && random.Chance(VoidChance * session.Count))
        {
            // A teacher's correction: the LRS voids one of the session's statements.
            var (voided, at) = session[random.Next(session.Count)];
            var voidTime = (time > at ? time : at).AddSeconds(random.Next(60, 900));
            EmitVoid(actor, voided, voidTime);
        }
    }

    private void Emit(JsonEncodedText actor, Verb verb, JsonEncodedText objectId, JsonEncodedText objectName, UnitText? parent, Outcome outcome, DateTime time)
    {
        Span<char> id = stackalloc char[36];
        determinism.Uuid("xapi", pupilKey, pupilStatements++, id);
        Begin(id, actor, verb);

        json.WritePropertyName("object"u8);
        json.WriteStartObject();
        json.WriteString("objectType"u8, "Activity"u8);
        json.WriteString("id"u8, objectId);
        json.WritePropertyName("definition"u8);
        json.WriteStartObject();
        json.WritePropertyName("name"u8);
        json.WriteStartObject();
        json.WriteString("ja"u8, objectName);
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteEndObject();

        if (outcome.Score || outcome.Duration > 0 || outcome.Completion is not null)
        {
            WriteResult(outcome);
        }

        json.WritePropertyName("context"u8);
        json.WriteStartObject();
        json.WritePropertyName("contextActivities"u8);
        json.WriteStartObject();
        if (parent is not null)
        {
            json.WritePropertyName("parent"u8);
            json.WriteStartArray();
            json.WriteStartObject();
            json.WriteString("id"u8, parent.Iri);
            json.WritePropertyName("definition"u8);
            json.WriteStartObject();
            json.WritePropertyName("name"u8);
            json.WriteStartObject();
            json.WriteString("ja"u8, parent.Title);
            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteEndArray();
        }

        json.WritePropertyName("category"u8);
        json.WriteStartArray();
        json.WriteStartObject();
        json.WriteString("id"u8, JpEduProfile);
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndObject();

        End(time);
        session.Add((new string(id), time));
    }

    private void EmitVoid(JsonEncodedText actor, string voided, DateTime time)
    {
        Span<char> id = stackalloc char[36];
        determinism.Uuid("xapi-void", pupilKey, pupilStatements++, id);
        Begin(id, actor, Voided);
        json.WritePropertyName("object"u8);
        json.WriteStartObject();
        json.WriteString("objectType"u8, "StatementRef"u8);
        json.WriteString("id"u8, voided);
        json.WriteEndObject();
        End(time);
        Voids++;
    }

    private void Begin(ReadOnlySpan<char> id, JsonEncodedText actor, Verb verb)
    {
        buffer.ResetWrittenCount();
        json.Reset();
        json.WriteStartObject();
        json.WriteString("id"u8, id);
        json.WritePropertyName("actor"u8);
        json.WriteStartObject();
        json.WriteString("objectType"u8, "Agent"u8);
        json.WritePropertyName("account"u8);
        json.WriteStartObject();
        json.WriteString("homePage"u8, PortalHome);
        json.WriteString("name"u8, actor);
        json.WriteEndObject();
        json.WriteEndObject();
        json.WritePropertyName("verb"u8);
        json.WriteStartObject();
        json.WriteString("id"u8, verb.Id);
        json.WritePropertyName("display"u8);
        json.WriteStartObject();
        json.WriteString("ja"u8, verb.Display);
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private void End(DateTime time)
    {
        Span<char> stamp = stackalloc char[25];
        time.TryFormat(stamp, out _, "yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture);
        "+09:00".CopyTo(stamp[19..]);
        json.WriteString("timestamp"u8, stamp);
        json.WriteEndObject();
        json.Flush();

        output.Write(buffer.WrittenSpan);
        output.WriteByte((byte)'\n');
        Statements++;
        if (random.Chance(DuplicateChance))
        {
            // The portal sent it again after a timeout: the very same statement, same id.
            output.Write(buffer.WrittenSpan);
            output.WriteByte((byte)'\n');
            Duplicates++;
        }
    }

    private void WriteResult(Outcome outcome)
    {
        json.WritePropertyName("result"u8);
        json.WriteStartObject();
        if (outcome.Score)
        {
            json.WritePropertyName("score"u8);
            json.WriteStartObject();
            json.WriteNumber("scaled"u8, Math.Round(outcome.Raw / (double)outcome.Max, 4));
            json.WriteNumber("raw"u8, outcome.Raw);
            json.WriteNumber("min"u8, 0);
            json.WriteNumber("max"u8, outcome.Max);
            json.WriteEndObject();
        }

        if (outcome.Success is { } success)
        {
            json.WriteBoolean("success"u8, success);
        }

        if (outcome.Completion is { } completion)
        {
            json.WriteBoolean("completion"u8, completion);
        }

        if (outcome.Duration > 0)
        {
            Span<char> text = stackalloc char[24];
            json.WriteString("duration"u8, text[..FormatDuration(outcome.Duration, text)]);
        }

        if (outcome.Progress > 0)
        {
            json.WritePropertyName("extensions"u8);
            json.WriteStartObject();
            json.WriteNumber(ProgressExtension, outcome.Progress);
            json.WriteEndObject();
        }

        json.WriteEndObject();
    }

    /// <summary>ISO 8601 duration: PT4M12S, PT45S, PT1H2M3S.</summary>
    private static int FormatDuration(int seconds, Span<char> text)
    {
        var length = 0;
        "PT".CopyTo(text);
        length += 2;
        var hours = seconds / 3600;
        var minutes = seconds / 60 % 60;
        var rest = seconds % 60;
        if (hours > 0)
        {
            hours.TryFormat(text[length..], out var w, default, CultureInfo.InvariantCulture);
            length += w;
            text[length++] = 'H';
        }

        if (minutes > 0)
        {
            minutes.TryFormat(text[length..], out var w, default, CultureInfo.InvariantCulture);
            length += w;
            text[length++] = 'M';
        }

        if (rest > 0 || (hours == 0 && minutes == 0))
        {
            rest.TryFormat(text[length..], out var w, default, CultureInfo.InvariantCulture);
            length += w;
            text[length++] = 'S';
        }

        return length;
    }

    private UnitText TextOf(Unit unit)
    {
        if (!unitText.TryGetValue(unit, out var text))
        {
            text = new UnitText(
                JsonEncodedText.Encode(unit.Iri, Options.Encoder),
                JsonEncodedText.Encode(unit.Title, Options.Encoder),
                [.. Enumerable.Range(1, unit.Exercises).Select(n => JsonEncodedText.Encode(unit.ExerciseIri(n), Options.Encoder))],
                [.. Enumerable.Range(1, unit.Exercises).Select(n => JsonEncodedText.Encode(unit.ExerciseName(n), Options.Encoder))]);
            unitText[unit] = text;
        }

        return text;
    }

    private sealed record UnitText(JsonEncodedText Iri, JsonEncodedText Title, JsonEncodedText[] ExerciseIri, JsonEncodedText[] ExerciseName);

    private readonly record struct Outcome(bool Score, int Raw, int Max, bool? Success, bool? Completion, int Duration, int Progress);

    private sealed class Verb(string id, string display)
    {
        public JsonEncodedText Id { get; } = JsonEncodedText.Encode(id, Options.Encoder);

        public JsonEncodedText Display { get; } = JsonEncodedText.Encode(display, Options.Encoder);
    }
}
