namespace Workbench.Data.Etl.Education;

/// <summary>How a statement names its actor (xAPI's inverse functional identifiers).</summary>
internal enum XapiActorId
{
    None,
    Account,
    Mbox,
    MboxSha1Sum,
    OpenId,
}

internal enum XapiObjectKind
{
    Missing,
    Activity,
    Agent,
    Group,
    StatementRef,
    SubStatement,
    Unknown,
}

/// <summary>A problem found while reading one part of a statement: the field, a reason for staff, the value to show.</summary>
internal readonly record struct XapiProblem(string? Field, string Reason, string? Value = null);

/// <summary>
/// What the parser took from one statement: only the parts the warehouse keeps or the rules look at. One instance is
/// reused for every statement of a batch (the parser resets it), so reading allocates little beyond the values kept.
/// </summary>
internal sealed class XapiStatement
{
    private char[] actorValue = new char[128];

    public string? JsonError { get; set; }

    public bool NotAnObject { get; set; }

    public string? DuplicateProperty { get; set; }

    /// <summary>The statement id as a lower-case UUID, or null when the statement has none.</summary>
    public string? Id { get; set; }

    public Guid IdValue { get; set; }

    public string? InvalidId { get; set; }

    public bool HasActor { get; set; }

    public bool ActorIsGroup { get; set; }

    public XapiProblem? ActorProblem { get; set; }

    public XapiActorId ActorId { get; set; }

    public int ActorIdCount { get; set; }

    /// <summary>The identifier's value: account name, e-mail address (without <c>mailto:</c>), SHA-1 hex or OpenID.</summary>
    public ReadOnlySpan<char> ActorValue => actorValue.AsSpan(0, ActorValueLength);

    public int ActorValueLength { get; private set; }

    public bool HasVerb { get; set; }

    public string? Verb { get; set; }

    public XapiObjectKind Object { get; set; }

    public string? ObjectType { get; set; }

    public string? ObjectId { get; set; }

    public string? ObjectTitle { get; set; }

    public string? ParentId { get; set; }

    public string? ParentTitle { get; set; }

    public string? GroupingId { get; set; }

    public string? GroupingTitle { get; set; }

    public double? Scaled { get; set; }

    public double? Raw { get; set; }

    public double? Min { get; set; }

    public double? Max { get; set; }

    public bool? Success { get; set; }

    public bool? Completion { get; set; }

    public double? DurationSeconds { get; set; }

    public XapiProblem? ResultProblem { get; set; }

    public DateTimeOffset? Timestamp { get; set; }

    public DateTimeOffset? Stored { get; set; }

    public XapiProblem? TimeProblem { get; set; }

    public Span<char> ActorValueBuffer(int length)
    {
        if (actorValue.Length < length)
        {
            actorValue = new char[Math.Max(length, actorValue.Length * 2)];
        }

        ActorValueLength = length;
        return actorValue.AsSpan(0, length);
    }

    public void Reset()
    {
        JsonError = null;
        NotAnObject = false;
        DuplicateProperty = null;
        Id = null;
        IdValue = Guid.Empty;
        InvalidId = null;
        HasActor = false;
        ActorIsGroup = false;
        ActorProblem = null;
        ActorId = XapiActorId.None;
        ActorIdCount = 0;
        ActorValueLength = 0;
        HasVerb = false;
        Verb = null;
        Object = XapiObjectKind.Missing;
        ObjectType = null;
        ObjectId = null;
        ObjectTitle = null;
        ParentId = null;
        ParentTitle = null;
        GroupingId = null;
        GroupingTitle = null;
        Scaled = null;
        Raw = null;
        Min = null;
        Max = null;
        Success = null;
        Completion = null;
        DurationSeconds = null;
        ResultProblem = null;
        Timestamp = null;
        Stored = null;
        TimeProblem = null;
    }
}
