using System.Security.Cryptography;
using System.Text;

namespace Workbench.Data.Etl.Education;

/// <summary>A pupil of the roster with the identifiers an xAPI actor may carry (etl/xapi_known_learners).</summary>
internal sealed record XapiLearner(string PupilKey, string? UserMasterIdentifier, string? Username, string? Email);

/// <summary>
/// Finds the pupil an actor names, in DOMAIN.md's order: <c>account.name</c> to the 学習eポータル UUID
/// (userMasterIdentifier), then to the OneRoster sourcedId (through its pseudonym, so no source id need be kept),
/// then to the username; <c>mbox</c> to the e-mail address; <c>mbox_sha1sum</c> to the SHA-1 of the roster's
/// <c>mailto:</c> addresses. The roster is read once per batch; each account name is resolved once and cached, so
/// the pseudonym's HMAC runs once per learner, not per statement.
/// </summary>
internal sealed class XapiActorMatcher
{
    private const int MaxCachedAccounts = 1_000_000;

    private readonly Dictionary<string, string> byMasterId = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, string> byUsername = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> byEmail = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, string> bySha1 = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> pupils = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string?> accounts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string?>.AlternateLookup<ReadOnlySpan<char>> accountsBySpan;
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> emailsBySpan;
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> sha1BySpan;
    private readonly Pseudonymiser pseudonyms;
    private readonly string educationSource;

    public XapiActorMatcher(IEnumerable<XapiLearner> learners, Pseudonymiser pseudonyms, string educationSource)
    {
        this.pseudonyms = pseudonyms;
        this.educationSource = educationSource;
        foreach (var learner in learners)
        {
            pupils.Add(learner.PupilKey);
            Add(byMasterId, learner.UserMasterIdentifier, learner.PupilKey);
            Add(byUsername, learner.Username, learner.PupilKey);
            if (learner.Email is { } email && !string.IsNullOrWhiteSpace(email))
            {
                Add(byEmail, email.Trim(), learner.PupilKey);
                Add(bySha1, Sha1Hex("mailto:" + email.Trim()), learner.PupilKey);
                Add(bySha1, Sha1Hex("mailto:" + email.Trim().ToLowerInvariant()), learner.PupilKey);
            }
        }

        accountsBySpan = accounts.GetAlternateLookup<ReadOnlySpan<char>>();
        emailsBySpan = byEmail.GetAlternateLookup<ReadOnlySpan<char>>();
        sha1BySpan = bySha1.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public int Pupils => pupils.Count;

    /// <summary>The pupil key of the actor, or null when the roster has no such pupil (or the identifier cannot be matched).</summary>
    public string? Match(XapiActorId kind, ReadOnlySpan<char> value) => kind switch
    {
        XapiActorId.Account => Account(value),
        XapiActorId.Mbox => emailsBySpan.TryGetValue(value, out var byMail) ? byMail : null,
        XapiActorId.MboxSha1Sum => sha1BySpan.TryGetValue(value, out var byHash) ? byHash : null,
        _ => null,
    };

    private string? Account(ReadOnlySpan<char> name)
    {
        if (accountsBySpan.TryGetValue(name, out var cached))
        {
            return cached;
        }

        var text = name.ToString();
        var pupil = byMasterId.GetValueOrDefault(text);
        if (pupil is null)
        {
            var bySourcedId = pseudonyms.Of(educationSource, text);
            pupil = pupils.Contains(bySourcedId) ? bySourcedId : byUsername.GetValueOrDefault(text);
        }

        if (accounts.Count < MaxCachedAccounts)
        {
            accounts[text] = pupil;
        }

        return pupil;
    }

    private static void Add(Dictionary<string, string> index, string? key, string pupilKey)
    {
        if (!string.IsNullOrWhiteSpace(key))
        {
            index.TryAdd(key.Trim(), pupilKey);
        }
    }

    private static string Sha1Hex(string text) =>
#pragma warning disable CA5350 // xAPI defines mbox_sha1sum as SHA-1 of the mailto IRI; it is matched here, not used for security.
        Convert.ToHexStringLower(SHA1.HashData(Encoding.UTF8.GetBytes(text)));
#pragma warning restore CA5350
}
