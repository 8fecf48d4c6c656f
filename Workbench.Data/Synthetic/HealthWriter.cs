using System.Globalization;
using System.Text;

namespace Workbench.Data.Synthetic;

/// <summary>Where the health sources went.</summary>
internal sealed record HealthSources(string ConsentFile, IReadOnlyList<string> ChecklistFiles, IReadOnlyList<string> CheckupFiles, IReadOnlyList<string> VitalsFiles);

/// <summary>
/// Writes the health sources from the resident register: 基本チェックリスト answers of the residents aged 65+ who send
/// the form back, 特定健診 results of the 40–74-year-olds who come (国保 members, with regulars and occasional
/// attenders), each year over the plan's 年度 with every person's state drifting from one year to the next; PHR consent
/// for a minority of the adults (a few withdraw), and a year of home vitals (FHIR R4 Observations, NDJSON) for those whose
/// consent is current. Each resident draws from their own named streams, so the files are byte-identical for a seed.
/// </summary>
internal sealed class HealthWriter(Determinism determinism)
{
    /// <summary>Items 1–25 (12 aside): how often each points to risk at the median frailty of a 75-year-old.</summary>
    private static readonly double[] ItemBase =
    [
        0.08, 0.06, 0.05, 0.20, 0.08, 0.30, 0.16, 0.12, 0.17, 0.35, 0.07, 0, 0.20, 0.15, 0.18, 0.06, 0.17, 0.12, 0.05, 0.18,
        0.08, 0.06, 0.15, 0.08, 0.12,
    ];

    /// <summary>Items where はい points to risk (DOMAIN.md); the form's answer is written, not the score.</summary>
    private static readonly HashSet<int> YesIsRisk = [9, 10, 11, 13, 14, 15, 17, 18, 20, 21, 22, 23, 24, 25];

    private const string MedisVitalSigns = "http://jpfhir.jp/fhir/core/CodeSystem/JP_ObservationVitalSignsCode_CS";
    private const string MedisBody = "http://jpfhir.jp/fhir/core/CodeSystem/JP_ObservationBodyMeasurementCode_CS";

    public long ChecklistRows { get; private set; }

    public long CheckupRows { get; private set; }

    public long ConsentRows { get; private set; }

    public long VitalsLines { get; private set; }

    /// <summary>Checklists and checkups over the plan's 年度, or the last two when it has one (so there is a year-on-year
    /// change to see). Home measurements on most days at city scale (the volume the vitals benchmark needs); about one day
    /// in eight at demo scale, so that the first start stays quick; one in four at tiny scale, for a few readings each.</summary>
    public static (IReadOnlyList<int> Years, double MeasureShare) PlanFor(SeedScale scale, IReadOnlyList<int> planYears) =>
        (planYears.Count > 1 ? planYears : [planYears[0] - 1, planYears[0]], scale switch { SeedScale.City => 0.85, SeedScale.Demo => 0.12, _ => 0.25 });

    /// <param name="years">The 年度 of checklists and checkups (the last one is the vitals' year).</param>
    /// <param name="measureShare">The share of days a consenting resident measures at home (the scale's volume knob).</param>
    public void Write(string residentsFile, IReadOnlyList<int> years, double measureShare, HealthSources files)
    {
        var residents = ReadResidents(residentsFile);
        var asOf = FirstDay(years[^1]);
        for (var i = 0; i < years.Count; i++)
        {
            ChecklistRows += WriteChecklists(residents, years[i], years[0], files.ChecklistFiles[i]);
            CheckupRows += WriteCheckups(residents, years[i], years[0], files.CheckupFiles[i]);
        }

        var consenting = WriteConsent(residents, asOf, files.ConsentFile);
        VitalsLines = WriteVitals(consenting, years[^1], measureShare, files.VitalsFiles[0]);
    }

    private static DateOnly FirstDay(int fiscalYear) => new(fiscalYear, 4, 1);

    private static List<Resident> ReadResidents(string path)
    {
        var list = new List<Resident>();
        foreach (var line in File.ReadLines(path).Skip(1))
        {
            var cells = line.Split(',');
            list.Add(new Resident(cells[0], cells[2] == "male", DateOnly.ParseExact(cells[3], "yyyy-MM-dd", CultureInfo.InvariantCulture)));
        }

        return list;
    }

    private static int AgeOn(DateOnly birth, DateOnly day) => day.Year - birth.Year - (day < birth.AddYears(day.Year - birth.Year) ? 1 : 0);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static string Number(double value, int decimals) => Math.Round(value, decimals).ToString(CultureInfo.InvariantCulture);

    private long WriteChecklists(List<Resident> residents, int year, int firstYear, string path)
    {
        using var csv = new CsvFile(path);
        var header = new List<string?> { "resident_id", "date" };
        header.AddRange(Enumerable.Range(1, 25).Where(i => i != 12).Select(i => Invariant($"q{i:D2}")));
        header.AddRange(["height_cm", "weight_kg"]);
        csv.Row([.. header]);
        var cells = new string?[header.Count];
        foreach (var r in residents)
        {
            var age = AgeOn(r.Birth, FirstDay(year));
            if (age < 65)
            {
                continue;
            }

            // The person's lasting traits, then this year's draws.
            var person = determinism.Stream("health/person/" + r.Id);
            var frailty = person.Gaussian() + (0.07 * (age - 75));
            var bmi = (r.Male ? 22.8 : 22.0) + (2.8 * person.Gaussian());
            var height = (r.Male ? 163.0 : 150.0) - (0.18 * (age - 65)) + ((r.Male ? 6.0 : 5.5) * person.Gaussian());
            var responds = person.NextDouble() < (age >= 85 ? 0.45 : 0.68);
            var random = determinism.Stream(Invariant($"health/checklist/{year}/{r.Id}"));
            if (!responds || !random.Chance(0.9))
            {
                continue;
            }

            // Frailty moves with age and a little luck each year (some recover after a bad year).
            var yearsOn = year - firstYear;
            var drift = determinism.Stream("health/frailty-drift/" + r.Id);
            for (var y = 0; y < yearsOn; y++)
            {
                frailty += 0.12 + (0.35 * drift.Gaussian());
                bmi += -0.1 + (0.5 * drift.Gaussian());
            }

            var day = FirstDay(year).AddDays(61 + random.Next(0, 61)); // June–July, the month after the form is posted
            cells[0] = r.Id;
            cells[1] = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            var c = 2;
            var weightLoss = false;
            for (var item = 1; item <= 25; item++)
            {
                if (item == 12)
                {
                    continue;
                }

                var baseRate = ItemBase[item - 1];
                var risk = random.NextDouble() < RandomExtensions.Logistic(Math.Log(baseRate / (1 - baseRate)) + (0.8 * frailty));
                weightLoss |= item == 11 && risk;
                var yes = YesIsRisk.Contains(item) == risk;
                cells[c++] = yes ? "はい" : "いいえ";
            }

            var bmiNow = Math.Clamp(bmi - (weightLoss ? 1.0 : 0.0) + (0.3 * random.Gaussian()), 14.5, 38);
            var heightNow = Math.Clamp(height, 130, 190);
            cells[c++] = Number(heightNow, 1);
            cells[c] = Number(bmiNow * Math.Pow(heightNow / 100, 2), 1);
            csv.Row(cells);
        }

        return csv.Rows - 1;
    }

    private long WriteCheckups(List<Resident> residents, int year, int firstYear, string path)
    {
        using var csv = new CsvFile(path);
        csv.Row("resident_id", "date", "sex", "age", "waist_cm", "bmi", "systolic", "diastolic", "fasting", "fasting_glucose", "casual_glucose",
            "hba1c", "triglycerides", "hdl", "smoking", "bp_medication", "glucose_medication", "lipid_medication");
        var endOfYear = FirstDay(year + 1).AddDays(-1);
        foreach (var r in residents)
        {
            var age = AgeOn(r.Birth, endOfYear);
            if (age is < 40 or > 74)
            {
                continue;
            }

            var person = determinism.Stream("health/checkup-person/" + r.Id);
            var insured = person.NextDouble() < (age >= 65 ? 0.8 : age >= 60 ? 0.45 : 0.25); // 国民健康保険
            var attender = person.NextDouble();
            var bmi = (r.Male ? 23.6 : 22.3) + (3.2 * person.Gaussian());
            var pressure = person.Gaussian();
            var sugar = person.Gaussian();
            var lipids = person.Gaussian();
            var smoker = person.Chance(r.Male ? 0.30 - (0.003 * (age - 40)) : 0.08);
            var random = determinism.Stream(Invariant($"health/checkup/{year}/{r.Id}"));
            var attendRate = attender < 0.45 ? 0.85 : attender < 0.7 ? 0.3 : 0.0;
            if (!insured || !random.Chance(attendRate))
            {
                continue;
            }

            var drift = determinism.Stream("health/checkup-drift/" + r.Id);
            for (var y = 0; y < year - firstYear; y++)
            {
                bmi += 0.1 + (0.45 * drift.Gaussian());
                pressure += 0.05 + (0.25 * drift.Gaussian());
                sugar += 0.05 + (0.2 * drift.Gaussian());
                smoker &= !drift.Chance(0.04); // some quit
            }

            var bmiNow = Math.Clamp(bmi + (0.3 * random.Gaussian()), 15, 45);
            var waist = r.Male ? 83 + (2.7 * (bmiNow - 23.5)) + (3 * random.Gaussian()) : 80 + (2.5 * (bmiNow - 22.5)) + (3.5 * random.Gaussian());
            var systolic = 116 + (0.55 * (age - 40)) + (1.3 * (bmiNow - 23)) + (11 * pressure) + (6 * random.Gaussian());
            var hba1c = 5.3 + (0.012 * (age - 40)) + (0.04 * (bmiNow - 23)) + (0.25 * sugar) + (sugar > 1.6 ? 0.9 * (sugar - 1.6) : 0) + (0.08 * random.Gaussian());
            var glucose = 88 + (0.3 * (age - 40)) + (1.5 * (bmiNow - 23)) + (8 * sugar) + (sugar > 1.6 ? 30 * (sugar - 1.6) : 0) + (5 * random.Gaussian());
            var onPressure = random.Chance(RandomExtensions.Logistic(-3.2 + (0.06 * (age - 40)) + (0.05 * (systolic - 135))));
            var onSugar = random.Chance(RandomExtensions.Logistic(-5.0 + (0.03 * (age - 40)) + (2.2 * (hba1c - 6.2))));
            var onLipids = random.Chance(RandomExtensions.Logistic(-3.0 + (0.05 * (age - 40)) + (0.6 * lipids)));
            if (onPressure)
            {
                systolic -= 12; // treated
            }

            var diastolic = (0.55 * systolic) + 8 + (6 * random.Gaussian());
            var fasting = random.Chance(0.8);
            var tg = Math.Exp(Math.Log(r.Male ? 110 : 85) + (0.04 * (bmiNow - 23)) + (0.35 * lipids) + (0.25 * random.Gaussian())) * (fasting ? 1.0 : 1.25);
            var hdl = (r.Male ? 55 : 67) - (1.1 * (bmiNow - 23)) - (5 * lipids) + (6 * random.Gaussian());
            var day = FirstDay(year).AddDays(45 + random.Next(0, 200)); // mid-May to November
            var withHba1c = random.Chance(0.92);
            csv.Row(
                r.Id,
                day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                r.Male ? "男" : "女",
                age.ToString(CultureInfo.InvariantCulture),
                Number(Math.Clamp(waist, 55, 150), 1),
                Number(bmiNow, 1),
                Number(Math.Clamp(systolic, 85, 220), 0),
                Number(Math.Clamp(diastolic, 45, 130), 0),
                fasting ? "はい" : "いいえ",
                fasting ? Number(Math.Clamp(glucose, 60, 400), 0) : null,
                fasting ? null : Number(Math.Clamp(glucose * 1.15, 60, 500), 0),
                withHba1c ? Number(Math.Clamp(hba1c, 4.0, 14), 1) : null,
                Number(Math.Clamp(tg, 25, 1500), 0),
                Number(Math.Clamp(hdl, 20, 130), 0),
                smoker ? "はい" : "いいえ",
                onPressure ? "1" : "0",
                onSugar ? "1" : "0",
                onLipids ? "1" : "0");
        }

        return csv.Rows - 1;
    }

    /// <summary>Consent to the PHR app's data for about 4 % of the adults aged 40+, given over the year before the
    /// vitals' 年度 or in its first half; about one in ten withdraw later. Returns those whose consent is current.</summary>
    private List<(Resident Resident, DateOnly Given)> WriteConsent(List<Resident> residents, DateOnly asOf, string path)
    {
        var current = new List<(Resident, DateOnly)>();
        using var csv = new CsvFile(path);
        csv.Row("resident_id", "scope", "status", "date");
        foreach (var r in residents)
        {
            var age = AgeOn(r.Birth, asOf);
            var random = determinism.Stream("health/consent/" + r.Id);
            if (age < 40 || !random.Chance(age < 65 ? 0.05 : 0.035))
            {
                continue;
            }

            var given = asOf.AddDays(random.Next(-365, 180));
            csv.Row(r.Id, "phr", "given", given.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            if (random.Chance(0.1))
            {
                var withdrawn = given.AddDays(random.Next(20, 300));
                csv.Row(r.Id, "phr", "withdrawn", withdrawn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                continue;
            }

            current.Add((r, given));
        }

        ConsentRows = csv.Rows - 1;
        return current;
    }

    /// <summary>
    /// A year of home measurements per consenting resident from the day consent was given: blood pressure in the
    /// morning (a LOINC or JP Core panel), weight on most of those days, and the day's steps for those with a pedometer.
    /// About a third run high blood pressure; a few lose weight over the year; some walk less as winter comes.
    /// </summary>
    private long WriteVitals(List<(Resident Resident, DateOnly Given)> consenting, int year, double measureShare, string path)
    {
        using var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
        using var writer = new StreamWriter(stream, CsvFile.Utf8NoBom, 1 << 16) { NewLine = "\n" };
        var first = FirstDay(year);
        var days = FirstDay(year + 1).DayNumber - first.DayNumber;
        long lines = 0;
        Span<char> id = stackalloc char[36];
        var builder = new StringBuilder(512);
        foreach (var (r, given) in consenting)
        {
            var random = determinism.Stream(Invariant($"health/vitals/{year}/{r.Id}"));
            var age = AgeOn(r.Birth, first);
            var systolicBase = 118 + (0.45 * (age - 40)) + (12 * random.Gaussian());
            var weightBase = (r.Male ? 66 : 53) + (9 * random.Gaussian());
            var losing = random.Chance(0.06);
            var pedometer = random.Chance(0.7);
            var stepsBase = Math.Max(1500, 7000 - (60 * (age - 40)) + (2000 * random.Gaussian()));
            var jpCore = random.Chance(0.25); // their app speaks JP Core (MEDIS codes)
            var patient = r.Id;
            var residentNumber = long.Parse(r.Id.AsSpan(1), CultureInfo.InvariantCulture);
            var number = (long)year << 32;
            for (var d = Math.Max(0, given.DayNumber - first.DayNumber); d < days; d++)
            {
                if (!random.Chance(measureShare))
                {
                    continue;
                }

                var day = first.AddDays(d);
                var winter = Math.Cos(2 * Math.PI * (d - 290) / 365.0); // 1 in mid-January
                var at = day.ToDateTime(new TimeOnly(6, 0)).AddMinutes(random.Next(0, 150));
                var systolic = systolicBase + (5 * winter) + (8 * random.Gaussian());
                var diastolic = (0.6 * systolic) + 2 + (5 * random.Gaussian());
                determinism.Uuid("phr", residentNumber, number++, id);
                Observation(builder, id, patient, at, jpCore
                    ? Panel(MedisVitalSigns, "31002365", "血圧", (MedisVitalSigns, "31001848", Math.Round(systolic)), (MedisVitalSigns, "31001849", Math.Round(diastolic)))
                    : Panel("http://loinc.org", "85354-9", "Blood pressure panel", ("http://loinc.org", "8480-6", Math.Round(systolic)), ("http://loinc.org", "8462-4", Math.Round(diastolic))));
                writer.Write(builder);
                writer.Write('\n');
                lines++;

                if (random.Chance(0.6))
                {
                    var weight = weightBase - (losing ? 4.0 * d / days : 0) + (0.4 * random.Gaussian());
                    determinism.Uuid("phr", residentNumber, number++, id);
                    Observation(builder, id, patient, at.AddMinutes(3), jpCore
                        ? Value(MedisBody, "31000296", "体重", weight, "kg")
                        : Value("http://loinc.org", "29463-7", "Body weight", weight, "kg"));
                    writer.Write(builder);
                    writer.Write('\n');
                    lines++;
                }

                if (pedometer)
                {
                    var steps = Math.Max(0, stepsBase * (1 - (0.25 * Math.Max(0, winter))) * (1 + (0.25 * random.Gaussian())));
                    determinism.Uuid("phr", residentNumber, number++, id);
                    Observation(builder, id, patient, day.ToDateTime(new TimeOnly(23, 59)), Value("http://loinc.org", "41950-7", "Number of steps in 24 hour Measured", Math.Round(steps), "/d"));
                    writer.Write(builder);
                    writer.Write('\n');
                    lines++;
                }
            }
        }

        return lines;
    }

    private static void Observation(StringBuilder builder, ReadOnlySpan<char> id, string patient, DateTime at, string codeAndValue)
    {
        builder.Clear();
        builder.Append("{\"resourceType\":\"Observation\",\"id\":\"").Append(id)
            .Append("\",\"status\":\"final\",\"category\":[{\"coding\":[{\"system\":\"http://terminology.hl7.org/CodeSystem/observation-category\",\"code\":\"vital-signs\"}]}],")
            .Append(codeAndValue)
            .Append(",\"subject\":{\"reference\":\"Patient/").Append(patient)
            .Append("\"},\"effectiveDateTime\":\"").Append(at.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture)).Append("+09:00\"}");
    }

    private static string Value(string system, string code, string display, double value, string unit) => Invariant(
        $"\"code\":{{\"coding\":[{{\"system\":\"{system}\",\"code\":\"{code}\",\"display\":\"{display}\"}}]}},\"valueQuantity\":{{\"value\":{Math.Round(value, 1)},\"unit\":\"{unit}\",\"system\":\"http://unitsofmeasure.org\",\"code\":\"{unit}\"}}");

    private static string Panel(string system, string code, string display, params (string System, string Code, double Value)[] parts) => Invariant(
        $"\"code\":{{\"coding\":[{{\"system\":\"{system}\",\"code\":\"{code}\",\"display\":\"{display}\"}}]}},\"component\":[{string.Join(',', parts.Select(p => Invariant($"{{\"code\":{{\"coding\":[{{\"system\":\"{p.System}\",\"code\":\"{p.Code}\"}}]}},\"valueQuantity\":{{\"value\":{p.Value},\"unit\":\"mmHg\",\"system\":\"http://unitsofmeasure.org\",\"code\":\"mm[Hg]\"}}}}")))}]");

    private sealed record Resident(string Id, bool Male, DateOnly Birth);
}
