using Workbench.Data.Learning.Board;
using Workbench.Features.Reports.Learning;
using Workbench.Security;

namespace Workbench.Features.Reports;

internal static class ReportEndpoints
{
    public const string LearningPath = "/reports/learning/pdf";

    /// <summary>The address of the 学習状況レポート's download for the form's choices.</summary>
    public static string LearningUrl(int fiscalYear, int? term, BoardGrouping grouping) =>
        FormattableString.Invariant($"{LearningPath}?year={fiscalYear}")
        + (term is { } t ? FormattableString.Invariant($"&term={t}") : string.Empty)
        + (grouping == BoardGrouping.SchoolSize ? "&grouping=size" : string.Empty);

    /// <summary>
    /// <c>GET /reports/learning/pdf?year=2025[&amp;term=1][&amp;grouping=size]</c>: the PDF, made for the signed-in user's
    /// scope and audited as an export. Only the board, school admins and analysts may ask.
    /// </summary>
    public static void MapReportEndpoints(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet(LearningPath, async (int? year, int? term, string? grouping, HttpContext context, LearningReportService reports) =>
        {
            if (year is not (>= 2000 and <= 2100) || term is not (null or 1 or 2 or 3) || grouping is not (null or "district" or "size"))
            {
                return Results.Problem(
                    "year は西暦の年度（例: 2025）、term は 1〜3、grouping は district か size です。",
                    statusCode: StatusCodes.Status400BadRequest);
            }

            var request = new BoardRequest(new BoardPeriod(year.Value, term), grouping == "size" ? BoardGrouping.SchoolSize : BoardGrouping.District);
            var file = await reports.CreateAsync(context.User.ToCaller(), request, context.RequestAborted);
            return Results.File(file.Content, ReportFile.ContentType, file.FileName);
        }).RequireAuthorization(WorkbenchPolicies.LearningReports);
}
