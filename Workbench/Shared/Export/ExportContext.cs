using Workbench.Domain.Access;

namespace Workbench.Shared.Export;

/// <summary>
/// The download request an export runs in: the caller signed in on <em>that</em> request (never one remembered with the
/// token), its services, and its cancellation (the browser went away).
/// </summary>
public sealed record ExportContext(Caller Caller, IServiceProvider Services, CancellationToken CancellationToken);

/// <summary>Export sources for grids whose query returns its rows at once.</summary>
public static class ExportSources
{
    /// <summary>The query, run on the download request for <see cref="ExportContext.Caller"/>, as a grid's <c>ExportSource</c>.</summary>
    public static Func<ExportContext, IAsyncEnumerable<T>> Of<T>(Func<ExportContext, Task<IEnumerable<T>>> query) => context => RowsAsync(query, context);

    private static async IAsyncEnumerable<T> RowsAsync<T>(Func<ExportContext, Task<IEnumerable<T>>> query, ExportContext context)
    {
        foreach (var row in await query(context))
        {
            yield return row;
        }
    }
}
