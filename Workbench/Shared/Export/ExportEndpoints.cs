using Microsoft.AspNetCore.Http.Features;
using Microsoft.Net.Http.Headers;
using Workbench.Data.Access;
using Workbench.Data.Export;
using Workbench.Security;

namespace Workbench.Shared.Export;

internal static class ExportEndpoints
{
    /// <summary>
    /// <c>GET /export/{token}</c> streams a registered export to the browser as an .xlsx download. Signed-in users only
    /// (the fallback policy); the token must be the signed-in user's own, and the rows are queried for that user on this
    /// request. An unknown, used, expired or someone else's token answers 404 alike; someone else's is also audited.
    /// </summary>
    public static void MapExportDownload(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/export/{token}", DownloadAsync);

    private static async Task DownloadAsync(string token, HttpContext context, ExportTokens tokens, AuditLog audit, TimeProvider time)
    {
        var caller = context.User.ToCaller();
        var result = tokens.TryTake(token, caller.UserName, out var job);
        if (result == ExportTokenResult.OtherUser)
        {
            await audit.WriteAsync(caller.UserName, AuditActions.AccessDenied, "export", "another user's export token", null, context.RequestAborted);
        }

        if (job is null)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        var disposition = new ContentDispositionHeaderValue("attachment");
        disposition.SetHttpFileName(job.FileName(time.GetUtcNow()));
        context.Response.ContentType = XlsxWorkbookWriter.ContentType;
        context.Response.Headers.ContentDisposition = disposition.ToString();
        context.Response.Headers.CacheControl = "no-store";

        // The zip and OpenXmlWriter write synchronously; this response allows it, through a buffer so writes are few.
        context.Features.GetRequiredFeature<IHttpBodyControlFeature>().AllowSynchronousIO = true;
        var body = new BufferedStream(context.Response.Body, 1 << 16);
        await job.WriteAsync(new ExportContext(caller, context.RequestServices, context.RequestAborted), body);
        await body.FlushAsync(context.RequestAborted);
    }
}
