using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Workbench.Data.Access;
using Workbench.Data.Export;
using Workbench.Data.Learning;
using Workbench.Domain.Access;
using Workbench.Shared.Export;
using Workbench.Tests.Access;
using Workbench.Tests.Support;

namespace Workbench.Tests.Export;

[Collection(InMemoryWorkbenchCollection.Name)]
public class ExportEndpointTests(InMemoryWorkbench app)
{
    private static readonly ExportColumn<ClassSummary>[] Columns =
    [
        new("学校", c => c.SchoolName),
        new("学級", c => c.ClassTitle),
        new("児童生徒数", c => c.Pupils, ExportColumnKind.Integer),
    ];

    [Fact]
    public async Task Another_user_cannot_use_a_teachers_token_and_is_audited_while_the_teacher_still_can()
    {
        using var teacher = await app.ClientAsync(WorkbenchRoles.Teacher);
        using var other = await app.ClientAsync(WorkbenchRoles.SchoolAdmin);
        using var anonymous = await app.ClientAsync(null);
        var (token, _) = Register(Account(WorkbenchRoles.Teacher), await YearAsync(), "stolen");

        using var stolen = await other.GetAsync($"/export/{token}");
        using var strangers = await anonymous.GetAsync($"/export/{token}");
        using var own = await teacher.GetAsync($"/export/{token}");

        Assert.Equal(HttpStatusCode.NotFound, stolen.StatusCode);
        Assert.NotEqual(XlsxWorkbookWriter.ContentType, stolen.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.Redirect, strangers.StatusCode);
        Assert.Contains("/account/sign-in", strangers.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        var denied = await Audit().ListAsync(new AuditFilter(UserName: Account(WorkbenchRoles.SchoolAdmin), Action: AuditActions.AccessDenied), CancellationToken.None);
        Assert.Contains(denied, e => e.Target == "export");
    }

    [Fact]
    public async Task The_download_queries_for_the_signed_in_caller_streams_a_workbook_with_a_Japanese_name_and_writes_the_audit_log()
    {
        var userName = Account(WorkbenchRoles.Teacher);
        using var teacher = await app.ClientAsync(WorkbenchRoles.Teacher);
        var year = await YearAsync();
        var (token, callers) = Register(userName, year, "own");

        using var response = await teacher.GetAsync($"/export/{token}");
        using var again = await teacher.GetAsync($"/export/{token}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(XlsxWorkbookWriter.ContentType, response.Content.Headers.ContentType!.MediaType);
        var disposition = response.Content.Headers.ContentDisposition!;
        Assert.Equal("attachment", disposition.DispositionType);
        Assert.StartsWith("担当の学級_", Uri.UnescapeDataString(disposition.FileNameStar!), StringComparison.Ordinal);
        Assert.EndsWith(".xlsx", disposition.FileNameStar!, StringComparison.Ordinal);
        Assert.Contains("no-store", response.Headers.CacheControl!.ToString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode); // one download per token

        // The rows were asked for the caller signed in on the download request, with that request's roles.
        var caller = Assert.Single(callers);
        Assert.Equal(userName, caller.UserName);
        Assert.True(caller.IsIn(WorkbenchRoles.Teacher));
        var expected = await app.Services.GetRequiredService<ClassQueries>().MyClassesAsync(caller, year, CancellationToken.None);
        Assert.NotEmpty(expected);

        using var book = Workbook.Open(await response.Content.ReadAsByteArrayAsync());
        var rows = book.Rows("データ");
        Assert.Equal(expected.Select(c => c.ClassTitle), rows.Skip(1).Select(r => r[1]));
        Assert.Equal(userName, book.Rows("条件").Single(r => r[0] == "出力者")[1]);

        var audit = await Audit().ListAsync(new AuditFilter(UserName: userName, Action: AuditActions.Export), CancellationToken.None);
        var entry = Assert.Single(audit, e => e.FilterText == $"年度={year}年度; test=own");
        Assert.Equal(("learning/my_classes", (long?)expected.Count), (entry.Target, entry.RowCount));
    }

    private (string Token, List<Caller> Callers) Register(string userName, int year, string marker)
    {
        var callers = new List<Caller>();
        var job = new ExportJob<ClassSummary>("learning/my_classes", "担当の学級", Columns, context =>
        {
            callers.Add(context.Caller);
            return Rows(context, year);
        })
        {
            Filters = [new ExportFilter("年度", $"{year}年度"), new ExportFilter("test", marker)],
        };
        return (app.Services.GetRequiredService<ExportTokens>().Register(userName, job), callers);
    }

    private static async IAsyncEnumerable<ClassSummary> Rows(ExportContext context, int year)
    {
        foreach (var row in await context.Services.GetRequiredService<ClassQueries>().MyClassesAsync(context.Caller, year, context.CancellationToken))
        {
            yield return row;
        }
    }

    private async Task<int> YearAsync()
    {
        _ = app.Server; // starts the app (its first start seeds the warehouse)
        return (await app.Services.GetRequiredService<ClassQueries>().RosterFiscalYearAsync(CancellationToken.None))!.Value;
    }

    private string Account(string role)
    {
        _ = app.Server; // the first start writes the demo accounts
        return DemoSignIn.Read(app.DataDirectory).Single(a => a.Role == role).UserName;
    }

    private AuditLog Audit() => app.Services.GetRequiredService<AuditLog>();
}
