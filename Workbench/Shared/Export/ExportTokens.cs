using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace Workbench.Shared.Export;

public enum ExportTokenResult
{
    Taken,
    NotFound,

    /// <summary>The token exists but was registered for someone else; it stays usable by its owner.</summary>
    OtherUser,
}

/// <summary>
/// Exports waiting for their download: a page registers a job for the signed-in user and sends the browser to
/// <c>/export/{token}</c>. A token is random (256 bits), belongs to one user, works once, and expires after
/// <see cref="Lifetime"/>. Held in memory: the workbench runs as one process (DuckDB allows one writer).
/// </summary>
public sealed class ExportTokens(TimeProvider time)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(2);

    private readonly ConcurrentDictionary<string, Entry> entries = new(StringComparer.Ordinal);

    public string Register(string userName, IExportJob job)
    {
        ArgumentException.ThrowIfNullOrEmpty(userName);
        ArgumentNullException.ThrowIfNull(job);
        RemoveExpired();
        var token = Base64Url(RandomNumberGenerator.GetBytes(32));
        entries[token] = new Entry(userName, job, time.GetUtcNow() + Lifetime);
        return token;
    }

    /// <summary>Hands the job to the user it was registered for, once, before it expires.</summary>
    public ExportTokenResult TryTake(string token, string userName, out IExportJob? job)
    {
        job = null;
        if (!entries.TryGetValue(token, out var entry) || entry.Expires <= time.GetUtcNow())
        {
            RemoveExpired();
            return ExportTokenResult.NotFound;
        }

        if (!string.Equals(entry.UserName, userName, StringComparison.Ordinal))
        {
            return ExportTokenResult.OtherUser;
        }

        if (!entries.TryRemove(new KeyValuePair<string, Entry>(token, entry)))
        {
            return ExportTokenResult.NotFound; // taken a moment ago by a second request
        }

        job = entry.Job;
        return ExportTokenResult.Taken;
    }

    internal int Count => entries.Count;

    private void RemoveExpired()
    {
        var now = time.GetUtcNow();
        foreach (var (token, entry) in entries)
        {
            if (entry.Expires <= now)
            {
                entries.TryRemove(new KeyValuePair<string, Entry>(token, entry));
            }
        }
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private sealed record Entry(string UserName, IExportJob Job, DateTimeOffset Expires);
}
