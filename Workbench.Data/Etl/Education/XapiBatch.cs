using System.Globalization;
using System.Runtime.CompilerServices;

namespace Workbench.Data.Etl.Education;

/// <summary>
/// One xAPI batch in flight: turns each statement into a staged fact row (or a void, or a reject) and gathers the
/// voids and the 単元 seen, which are staged after the facts. Rows are produced lazily, as the bulk loader asks.
/// </summary>
internal sealed class XapiBatch(ImportContext context, XapiActorMatcher matcher)
{
    private readonly XapiStatementParser parser = new();
    private readonly Dictionary<string, Unit> units = new(StringComparer.Ordinal);
    private readonly List<object?[]> voids = [];
    private readonly HashSet<Guid> seen = [];
    private readonly object batchId = context.BatchId;

    public IReadOnlyList<object?[]> Voids => voids;

    public IEnumerable<object?[]> Units => units.Select(u => new object?[] { u.Key, u.Value.Title, u.Value.Subject, u.Value.Grade, batchId });

    /// <summary>The fact rows, read and checked on another thread while the caller loads them.</summary>
    public IEnumerable<object?[]> Facts(IEnumerable<string> files) => RowsAhead.Of(() => Read(files));

    private IEnumerable<object?[]> Read(IEnumerable<string> files)
    {
        foreach (var file in files)
        {
            using var reader = XapiStatementReader.Open(file);
            while (reader.MoveNext())
            {
                if (Take(reader) is { } row)
                {
                    yield return row;
                }
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private object?[]? Take(XapiStatementReader reader)
    {
        var s = parser.Parse(reader.Current.Span);
        var (verdict, problem) = XapiRules.Judge(s);
        var table = verdict == XapiVerdict.Void ? XapiImporter.VoidTable : XapiImporter.FactTable;
        context.RowRead(table);
        if (verdict == XapiVerdict.Reject)
        {
            return Reject(reader, table, problem);
        }

        var id = s.Id is null ? XapiValues.DeterministicId(reader.Current) : s.IdValue;
        if (verdict == XapiVerdict.Void)
        {
            voids.Add([Guid.ParseExact(s.ObjectId!, "D").ToString("D"), s.Id ?? id.ToString("D"), batchId]);
            return null;
        }

        if (!seen.Add(id))
        {
            return null; // the same statement again (an LRS resending after a timeout): the first copy stays
        }

        if (matcher.Match(s.ActorId, s.ActorValue) is not { } pupil)
        {
            return Reject(reader, table, XapiRules.UnknownActor(s.ActorId, s.ActorValue.ToString()));
        }

        var (occurredAt, dateKey) = XapiValues.InJapan(s.Timestamp ?? s.Stored!.Value);
        return
        [
            s.Id ?? id.ToString("D"), pupil, dateKey, occurredAt, s.Verb, s.ObjectId, UnitOf(s), s.Scaled, s.Raw, s.Min, s.Max,
            s.Success, s.Completion, s.DurationSeconds, batchId,
        ];
    }

    private object?[]? Reject(XapiStatementReader reader, string table, XapiProblem problem)
    {
        // In an array (perhaps all on one line) the statement's place tells more than its line.
        var reason = reader.Shape == XapiStatementReader.FileShape.Array
            ? string.Create(CultureInfo.InvariantCulture, $"{problem.Reason}（配列の {reader.Ordinal} 件目）")
            : problem.Reason;
        context.Reject(table, reader.PartName, reader.LineNumber, problem.Field, reason, problem.Value);
        return null;
    }

    /// <summary>The 単元: the first parent activity, else the first grouping activity, else the activity itself.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private string UnitOf(XapiStatement s)
    {
        var (key, title) = s.ParentId is not null ? (s.ParentId, s.ParentTitle)
            : s.GroupingId is not null ? (s.GroupingId, s.GroupingTitle)
            : (s.ObjectId!, s.ObjectTitle);
        if (!units.TryGetValue(key, out var unit))
        {
            var (subject, grade) = XapiValues.SubjectAndGrade(key);
            units[key] = new Unit(title, subject, grade);
        }
        else if (unit.Title is null && title is not null)
        {
            units[key] = unit with { Title = title };
        }

        return key;
    }

    private sealed record Unit(string? Title, string? Subject, string? Grade);
}
