using System.Globalization;

namespace Workbench.Data.Etl.Education;

internal enum XapiVerdict
{
    /// <summary>A learning fact for fact_learning_activity (once its actor is found in the roster).</summary>
    Learning,

    /// <summary>A voiding statement: it removes the statement its StatementRef names and is no fact itself.</summary>
    Void,

    Reject,
}

/// <summary>
/// Judges a parsed statement, in a fixed order whatever the order of its properties: the JSON, the three parts every
/// statement must have (actor, verb, object), voiding, the kind of object, the actor's identifier, the result and the
/// time. Whether the actor is in the roster is asked last, by the importer. Reasons are written for school staff.
/// </summary>
internal static class XapiRules
{
    public const string VoidedVerb = "http://adlnet.gov/expapi/verbs/voided";

    public static (XapiVerdict Verdict, XapiProblem Problem) Judge(XapiStatement s)
    {
        if (s.JsonError is { } error)
        {
            return Reject(null, error);
        }

        if (s.NotAnObject)
        {
            return Reject(null, "ステートメントが JSON のオブジェクト（{ … }）ではありません。");
        }

        if (s.DuplicateProperty is { } duplicate)
        {
            return Reject(duplicate, $"同じ項目「{duplicate}」が2回あります。どちらが正しいか決められないため取り込めません。");
        }

        if (s.InvalidId is { } invalidId)
        {
            return Reject("id", "id が UUID の形式ではありません（例: 8f87ccde-bb56-4c2e-ab83-44982ef22df0）。", invalidId);
        }

        if (!s.HasActor)
        {
            return Reject("actor", "行為者（actor）がありません。誰の学習の記録か分からないため取り込めません。");
        }

        if (!s.HasVerb)
        {
            return Reject("verb", "動詞（verb）がありません。何をした記録か分からないため取り込めません。");
        }

        if (s.Verb is null)
        {
            return Reject("verb.id", "動詞（verb）に id がありません（例: http://adlnet.gov/expapi/verbs/answered）。");
        }

        if (s.Object == XapiObjectKind.Missing)
        {
            return Reject("object", "目的（object）がありません。何についての記録か分からないため取り込めません。");
        }

        if (s.Verb == VoidedVerb)
        {
            if (s.Object != XapiObjectKind.StatementRef)
            {
                return Reject("object.objectType", "取り消し（voided）の文の object は、取り消す文を指す StatementRef でなければなりません。");
            }

            return Guid.TryParseExact(s.ObjectId, "D", out _)
                ? (XapiVerdict.Void, default)
                : Reject("object.id", "取り消す文の id（object.id）がないか、UUID ではありません。", s.ObjectId);
        }

        switch (s.Object)
        {
            case XapiObjectKind.StatementRef:
                return Reject("object.objectType", "StatementRef（ほかの文への参照）を object とする文は、取り消し（voided）のときだけ取り込めます。");
            case XapiObjectKind.Agent or XapiObjectKind.Group or XapiObjectKind.SubStatement:
                return Reject("object.objectType", $"object が学習活動（Activity）ではなく {s.Object} です。学習活動についての文だけを取り込みます。");
            case XapiObjectKind.Unknown:
                return Reject("object.objectType", $"object.objectType「{s.ObjectType}」は xAPI の種類（Activity・Agent・Group・StatementRef・SubStatement）ではありません。", s.ObjectType);
        }

        if (s.ObjectId is null)
        {
            return Reject("object.id", "学習活動（object）に id がありません。");
        }

        if (s.ActorIsGroup)
        {
            return Reject("actor.objectType", "行為者がグループ（Group）です。学習者一人ひとり（Agent）の文だけを取り込みます。");
        }

        if (s.ActorProblem is { } actorProblem)
        {
            return (XapiVerdict.Reject, actorProblem);
        }

        if (s.ActorIdCount == 0)
        {
            return Reject("actor", "行為者（actor）に識別子（account・mbox・mbox_sha1sum）がありません。誰の記録か分かりません。");
        }

        if (s.ActorIdCount > 1)
        {
            return Reject("actor", "行為者（actor）に識別子が複数あります。xAPI では account・mbox・mbox_sha1sum・openid のどれか1つです。");
        }

        if (s.ResultProblem is { } resultProblem)
        {
            return (XapiVerdict.Reject, resultProblem);
        }

        if (s.Scaled is < -1 or > 1)
        {
            return Reject("result.score.scaled", "result.score.scaled は -1 から 1 の範囲でなければなりません。", Invariant(s.Scaled.Value));
        }

        if (s.Min is { } min && s.Max is { } max && min > max)
        {
            return Reject("result.score.min", "result.score の min が max より大きくなっています。", $"{Invariant(min)}〜{Invariant(max)}");
        }

        if (s.Raw is { } raw && ((s.Min is { } low && raw < low) || (s.Max is { } high && raw > high)))
        {
            return Reject("result.score.raw", "result.score.raw が min〜max の範囲を外れています。", Invariant(raw));
        }

        if (s.TimeProblem is { } timeProblem)
        {
            return (XapiVerdict.Reject, timeProblem);
        }

        if (s.Timestamp is null && s.Stored is null)
        {
            return Reject("timestamp", "日時（timestamp）がなく、LRS の記録日時（stored）もありません。いつの学習か分からないため取り込めません。");
        }

        return (XapiVerdict.Learning, default);
    }

    /// <summary>The reason for an actor the roster does not have.</summary>
    public static XapiProblem UnknownActor(XapiActorId kind, string value) => kind switch
    {
        XapiActorId.OpenId => new("actor.openid", "名簿にない学習者です（openid は名簿と照合できません。account・mbox・mbox_sha1sum で送ってください）。", SourceValues.MaskId(value)),
        _ => new(
            kind switch { XapiActorId.Account => "actor.account.name", XapiActorId.Mbox => "actor.mbox", _ => "actor.mbox_sha1sum" },
            "名簿にない学習者です。名簿（OneRoster）を先に取り込んでから、このファイルをもう一度取り込んでください。",
            SourceValues.MaskId(value)),
    };

    private static (XapiVerdict, XapiProblem) Reject(string? field, string reason, string? value = null) => (XapiVerdict.Reject, new(field, reason, value));

    private static string Invariant(double value) => value.ToString(CultureInfo.InvariantCulture);
}
