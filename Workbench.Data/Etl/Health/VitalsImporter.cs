using System.Globalization;
using System.Text.Json;
using Workbench.Data.Etl.Education;
using Workbench.Domain.Calendar;

namespace Workbench.Data.Etl.Health;

/// <summary>
/// PHR vitals as FHIR R4 Observations — one resource, a Bundle, NDJSON (a resource per line), or a folder of such
/// files — into fact_phr_reading. Codes are LOINC or JP Core's MEDIS codes (<see cref="VitalCodes"/>), stored as LOINC;
/// UCUM units are converted; a blood-pressure panel gives its systolic and diastolic components. Readings load only
/// for residents whose current PHR consent is given; the others are rejected with the reason <c>no consent</c>.
/// Resources other than Observations, grouping panels and Observations of codes the workbench does not keep are
/// skipped and counted in the batch's message. Times are stored as Japan time. Readings are masked in etl_reject.
/// </summary>
public sealed class VitalsImporter : IImporter
{
    public const string Table = "fact_phr_reading";
    public const string NoConsent = "no consent";

    private static readonly string[] Columns = ["resident_key", "date_key", "measured_at", "code", "reading_value", "unit", "batch_id"];
    private static readonly string[] Extensions = [".json", ".ndjson", ".jsonl"];
    private static readonly HashSet<string> UsableStatuses = ["final", "amended", "corrected"];
    private static readonly TimeSpan JapanOffset = TimeSpan.FromHours(9);

    public string Kind => "vitals";

    public async Task ImportAsync(ImportContext context, CancellationToken cancellationToken)
    {
        var files = FilesOf(context.SourcePath);
        var consenting = (await context.QueryAsync<string>("etl/phr_consenting_residents", null, cancellationToken)).ToHashSet(StringComparer.Ordinal);
        var batch = new Batch(context, consenting);
        await context.StageAsync("stage_" + Table, Columns, RowsAhead.Of(() => batch.Rows(files)), cancellationToken);
        await context.ExecuteAsync("etl/phr_merge", null, cancellationToken);
        context.Table(Table).Loaded = (await context.QueryAsync<long>("etl/phr_batch_loaded", new { batch_id = context.BatchId }, cancellationToken)).Single();
        if (batch.Skipped > 0)
        {
            context.Note($"バイタル以外のリソースやこのワークベンチが扱わないコードの Observation {batch.Skipped:N0} 件は対象外として読み飛ばしました。");
        }
    }

    private static List<string> FilesOf(string path)
    {
        if (!Directory.Exists(path))
        {
            return [path];
        }

        var files = Directory.EnumerateFiles(path)
            .Where(f => Extensions.Contains(Path.GetExtension(f), StringComparer.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal)
            .ToList();
        return files.Count > 0
            ? files
            : throw new EtlFileException($"フォルダ {Path.GetFileName(path)} に FHIR のファイル（.json・.ndjson・.jsonl）がありません。");
    }

    /// <summary>One batch's reading state. Runs on the producer thread of <see cref="RowsAhead"/>, the only one touching the context.</summary>
    private sealed class Batch(ImportContext context, HashSet<string> consenting)
    {
        private readonly Dictionary<string, string> keys = new(StringComparer.Ordinal);
        private readonly DateTime now = context.Time.GetUtcNow().ToOffset(JapanOffset).DateTime;
        private readonly List<object?[]> readings = new(2);

        public long Skipped { get; private set; }

        public IEnumerable<object?[]> Rows(IEnumerable<string> files)
        {
            foreach (var file in files)
            {
                using var reader = Reworded(() => XapiStatementReader.Open(file));
                while (Reworded(reader.MoveNext))
                {
                    JsonDocument document;
                    try
                    {
                        document = JsonDocument.Parse(reader.Current);
                    }
                    catch (JsonException)
                    {
                        context.RowRead(Table);
                        context.Reject(Table, reader.PartName, reader.LineNumber, null, "JSON として読めません。", null);
                        continue;
                    }

                    using (document)
                    {
                        foreach (var resource in Resources(document.RootElement))
                        {
                            if (Text(resource, "resourceType") != "Observation")
                            {
                                Skipped++;
                                continue;
                            }

                            var problem = Read(resource, out var skipped);
                            if (skipped)
                            {
                                Skipped++;
                                continue;
                            }

                            if (problem is { } p)
                            {
                                context.Reject(Table, reader.PartName, reader.LineNumber, p.Field, p.Reason, p.Value);
                                continue;
                            }

                            foreach (var row in readings)
                            {
                                yield return row;
                            }
                        }
                    }
                }
            }
        }

        /// <summary>The JSON splitter is xAPI's (the same shapes: one object, an array, a value per line); its messages
        /// speak of statements, so they are reworded for FHIR here.</summary>
        private static T Reworded<T>(Func<T> read)
        {
            try
            {
                return read();
            }
            catch (EtlFileException ex)
            {
                throw new EtlFileException(ex.Message
                    .Replace("xAPI ステートメント", "FHIR リソース", StringComparison.Ordinal)
                    .Replace("xAPI", "FHIR", StringComparison.Ordinal)
                    .Replace("ステートメント", "リソース", StringComparison.Ordinal));
            }
        }

        private static IEnumerable<JsonElement> Resources(JsonElement root)
        {
            if (root.ValueKind != JsonValueKind.Object)
            {
                yield break;
            }

            if (Text(root, "resourceType") != "Bundle")
            {
                yield return root;
                yield break;
            }

            if (root.TryGetProperty("entry", out var entries) && entries.ValueKind == JsonValueKind.Array)
            {
                foreach (var entry in entries.EnumerateArray())
                {
                    if (entry.ValueKind == JsonValueKind.Object && entry.TryGetProperty("resource", out var resource))
                    {
                        foreach (var inner in Resources(resource))
                        {
                            yield return inner;
                        }
                    }
                }
            }
        }

        /// <summary>Fills <see cref="readings"/> from one Observation; returns the reason it cannot load, or null.</summary>
        /// <param name="skipped">Set when the Observation is not a vital the workbench keeps (a grouping panel such as
        /// the vital-signs panel 85353-1, whose members come on their own, or another code); it is not counted as read.</param>
        private (string? Field, string Reason, string? Value)? Read(JsonElement observation, out bool skipped)
        {
            readings.Clear();
            var (measure, panel) = observation.TryGetProperty("code", out var code) ? Classify(code) : (null, false);
            skipped = measure is null && !panel;
            if (skipped)
            {
                return null;
            }

            context.RowRead(Table);
            var status = Text(observation, "status");
            if (status is null || !UsableStatuses.Contains(status))
            {
                return ("status", "確定した測定値ではありません（status が final・amended・corrected 以外）。", status);
            }

            var residentId = ResidentIdOf(observation);
            if (residentId is null)
            {
                return ("subject", "subject に住民（Patient）の参照がありません。", null);
            }

            var resident = KeyOf(residentId);
            if (!consenting.Contains(resident))
            {
                return ("subject", NoConsent + "（PHR の利用に同意していない住民です。同意がないか、撤回されています）", SourceValues.MaskId(residentId));
            }

            var measuredAt = EffectiveOf(observation);
            if (measuredAt is null)
            {
                return ("effective", "測定日時（effectiveDateTime・effectiveInstant・effectivePeriod.start）が読めません。", null);
            }

            if (measuredAt > now)
            {
                return ("effective", "未来の日時の測定値は取り込めません。", null);
            }

            var dateKey = FiscalCalendar.DateKeyOf(DateOnly.FromDateTime(measuredAt.Value));
            if (panel)
            {
                if (!observation.TryGetProperty("component", out var components) || components.ValueKind != JsonValueKind.Array)
                {
                    return ("component", "血圧の Observation に収縮期・拡張期の component がありません。", null);
                }

                foreach (var component in components.EnumerateArray())
                {
                    if (!component.TryGetProperty("code", out var componentCode) || Classify(componentCode).Measure is not { } part)
                    {
                        continue;
                    }

                    var problem = Add(resident, dateKey, measuredAt.Value, part, component);
                    if (problem is not null)
                    {
                        return problem;
                    }
                }

                return readings.Count > 0 ? null : ("component", "血圧の Observation に収縮期・拡張期の値がありません。", null);
            }

            return Add(resident, dateKey, measuredAt.Value, measure!, observation);
        }

        private (string? Field, string Reason, string? Value)? Add(string resident, int dateKey, DateTime measuredAt, VitalMeasure measure, JsonElement holder)
        {
            if (!holder.TryGetProperty("valueQuantity", out var quantity) || !quantity.TryGetProperty("value", out var valueElement)
                || valueElement.ValueKind != JsonValueKind.Number)
            {
                return ("valueQuantity", $"{measure.Label}の値（valueQuantity.value）がありません。", null);
            }

            var unit = Text(quantity, "code") ?? Text(quantity, "unit");
            if (measure.Convert(valueElement.GetDouble(), unit) is not { } value)
            {
                return ("valueQuantity.code", $"{measure.Label}の単位 {unit} を {measure.Unit} に換算できません。", unit);
            }

            if (value < measure.Min || value > measure.Max)
            {
                return ("valueQuantity.value", $"{measure.Label}が {measure.Min}〜{measure.Max} {measure.Unit} の範囲にありません。", SourceValues.MaskSensitive(value.ToString(CultureInfo.InvariantCulture)));
            }

            readings.Add([resident, dateKey, measuredAt, measure.Loinc, value, measure.Unit, context.BatchId]);
            return null;
        }

        private static (VitalMeasure? Measure, bool Panel) Classify(JsonElement code)
        {
            if (code.ValueKind != JsonValueKind.Object || !code.TryGetProperty("coding", out var codings) || codings.ValueKind != JsonValueKind.Array)
            {
                return (null, false);
            }

            foreach (var coding in codings.EnumerateArray())
            {
                var (system, value) = (Text(coding, "system"), Text(coding, "code"));
                if (VitalCodes.IsBloodPressurePanel(system, value))
                {
                    return (null, true);
                }

                if (VitalCodes.Of(system, value) is { } measure)
                {
                    return (measure, false);
                }
            }

            return (null, false);
        }

        /// <summary>The resident's id: subject.identifier.value, or the id of a <c>Patient/…</c> reference.</summary>
        private static string? ResidentIdOf(JsonElement observation)
        {
            if (!observation.TryGetProperty("subject", out var subject) || subject.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            if (subject.TryGetProperty("identifier", out var identifier) && Text(identifier, "value") is { Length: > 0 } value)
            {
                return value;
            }

            var reference = Text(subject, "reference");
            var at = reference?.LastIndexOf("Patient/", StringComparison.Ordinal) ?? -1;
            if (at < 0)
            {
                return null;
            }

            var id = reference![(at + "Patient/".Length)..];
            var history = id.IndexOf('/', StringComparison.Ordinal);
            id = history >= 0 ? id[..history] : id;
            return id.Length > 0 ? id : null;
        }

        /// <summary>The moment measured, as Japan time; a date without a time is taken as midnight.</summary>
        private static DateTime? EffectiveOf(JsonElement observation)
        {
            var text = Text(observation, "effectiveDateTime") ?? Text(observation, "effectiveInstant");
            if (text is null && observation.TryGetProperty("effectivePeriod", out var period))
            {
                text = Text(period, "start");
            }

            if (text is null)
            {
                return null;
            }

            if (text.Length == 10)
            {
                return DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
                    ? day.ToDateTime(TimeOnly.MinValue)
                    : null;
            }

            var hasOffset = text.EndsWith('Z') || (text.Length > 19 && (text[^6] == '+' || text[^6] == '-'));
            if (hasOffset)
            {
                return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var instant)
                    ? instant.ToOffset(JapanOffset).DateTime
                    : null;
            }

            return DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local) ? local : null;
        }

        private string KeyOf(string residentId)
        {
            if (!keys.TryGetValue(residentId, out var key))
            {
                key = HealthValues.ResidentKey(context, residentId);
                keys[residentId] = key;
            }

            return key;
        }

        private static string? Text(JsonElement element, string property) =>
            element.ValueKind == JsonValueKind.Object && element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String
                ? value.GetString()
                : null;
    }
}
