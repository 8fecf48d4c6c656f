using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Workbench.Tests.Etl;

/// <summary>Builds xAPI statements as the 学習eポータル sends them, for the pupils of <see cref="RosterFiles"/>.</summary>
public static class XapiStatements
{
    public const string Verbs = "http://adlnet.gov/expapi/verbs/";
    public const string Unit = "https://portal.tsuyama.ed.jp/activities/sansu/p3/u04";
    public const string UnitTitle = "かけ算の筆算";

    private static readonly JsonSerializerOptions Pretty = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private static readonly JsonSerializerOptions Compact = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>A unique statement id per test number: 00000000-0000-4000-a000-000000000042.</summary>
    public static string Id(int n) => $"00000000-0000-4000-a000-{n:D12}";

    /// <summary>The pupil's account as the portal names it: the 学習eポータル UUID (userMasterIdentifier).</summary>
    public static JsonObject PortalAccount(int pupil) => Account(RosterFiles.PupilId(pupil + 500));

    public static JsonObject Account(string name) => new()
    {
        ["objectType"] = "Agent",
        ["account"] = new JsonObject { ["homePage"] = "https://portal.tsuyama.ed.jp", ["name"] = name },
    };

    public static JsonObject Mbox(string email) => new() { ["objectType"] = "Agent", ["mbox"] = "mailto:" + email };

    public static JsonObject MboxSha1(string email) => new()
    {
        ["objectType"] = "Agent",
        ["mbox_sha1sum"] = Convert.ToHexStringLower(SHA1.HashData(Encoding.UTF8.GetBytes("mailto:" + email))),
    };

    /// <summary>An answered exercise of unit <see cref="Unit"/>, at 10:15 Japan time on 2 June 2025 unless told.</summary>
    public static JsonObject Answered(int? id, JsonObject actor, double scaled = 0.8, string timestamp = "2025-06-02T10:15:00+09:00", int question = 1)
    {
        var statement = new JsonObject();
        if (id is { } n)
        {
            statement["id"] = Id(n);
        }

        statement["actor"] = actor;
        statement["verb"] = new JsonObject { ["id"] = Verbs + "answered", ["display"] = new JsonObject { ["ja"] = "回答した" } };
        statement["object"] = new JsonObject
        {
            ["objectType"] = "Activity",
            ["id"] = string.Create(CultureInfo.InvariantCulture, $"{Unit}/q{question}"),
            ["definition"] = new JsonObject { ["name"] = new JsonObject { ["ja"] = $"{UnitTitle} 練習問題{question}" } },
        };
        statement["result"] = new JsonObject
        {
            ["score"] = new JsonObject { ["scaled"] = scaled, ["raw"] = scaled * 5, ["min"] = scaled < 0 ? -5 : 0, ["max"] = 5 },
            ["success"] = scaled >= 0.6,
            ["completion"] = true,
            ["duration"] = "PT4H35M20.00S",
        };
        statement["context"] = new JsonObject
        {
            ["contextActivities"] = new JsonObject
            {
                ["parent"] = new JsonArray(new JsonObject
                {
                    ["id"] = Unit,
                    ["definition"] = new JsonObject { ["name"] = new JsonObject { ["ja"] = UnitTitle } },
                }),
                ["category"] = new JsonArray(new JsonObject { ["id"] = "https://w3id.org/xapi/jpedudataspec/v/1" }),
            },
        };
        statement["timestamp"] = timestamp;
        return statement;
    }

    /// <summary>A statement voiding <paramref name="voided"/>.</summary>
    public static JsonObject Voiding(int id, int voided) => new()
    {
        ["id"] = Id(id),
        ["actor"] = Mbox("t000001@tsuyama.ed.jp"),
        ["verb"] = new JsonObject { ["id"] = Verbs + "voided", ["display"] = new JsonObject { ["ja"] = "取り消した" } },
        ["object"] = new JsonObject { ["objectType"] = "StatementRef", ["id"] = Id(voided) },
        ["timestamp"] = "2025-06-03T08:00:00+09:00",
    };

    public static JsonObject With(this JsonObject statement, string property, JsonNode? value)
    {
        statement[property] = value;
        return statement;
    }

    public static string Line(JsonObject statement) => statement.ToJsonString(Compact);

    public static string Ndjson(params JsonObject[] statements) => string.Concat(statements.Select(s => Line(s) + "\n"));

    public static string PrettyArray(params JsonObject[] statements) => new JsonArray([.. statements.Select(s => s.DeepClone())]).ToJsonString(Pretty) + "\n";

    public static string PrettyObject(JsonObject statement) => statement.ToJsonString(Pretty) + "\n";
}
