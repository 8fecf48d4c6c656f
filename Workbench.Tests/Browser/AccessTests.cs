using Microsoft.Playwright;
using Workbench.Domain.Access;
using Workbench.Tests.Support;

namespace Workbench.Tests.Browser;

[Collection(RunningWorkbenchCollection.Name)]
public class AccessTests(RunningWorkbench workbench, BrowserSession browser)
{
    [SkippableFact]
    public async Task A_teacher_sees_only_their_classes_is_refused_another_by_url_and_the_admin_sees_it_all_in_the_audit_log()
    {
        var other = await browser.SignedInPageAsync(workbench, WorkbenchRoles.SchoolAdmin);
        await other.OpenAsync("/learning");
        await other.Locator("[data-testid='my-classes'] tr a[data-class]").First.WaitForAsync();
        var otherClasses = await other.Locator("[data-testid='my-classes'] tr a[data-class]").EvaluateAllAsync<string[]>("links => links.map(a => a.dataset.class)");

        var teacher = workbench.Account(WorkbenchRoles.Teacher);
        var page = await browser.SignedInPageAsync(workbench, WorkbenchRoles.Teacher);
        await page.OpenAsync("/learning");
        await page.Locator("[data-testid='my-classes'] tr a[data-class]").First.WaitForAsync();
        var ownClasses = await page.Locator("[data-testid='my-classes'] tr a[data-class]").EvaluateAllAsync<string[]>("links => links.map(a => a.dataset.class)");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "管理" })).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "健康" })).ToHaveCountAsync(0);

        Assert.NotEmpty(ownClasses);
        Assert.NotEmpty(otherClasses);
        Assert.Empty(ownClasses.Intersect(otherClasses));

        await page.Locator($"tr a[data-class='{ownClasses[0]}']").ClickAsync();
        await Assertions.Expect(page.GetByTestId("class-overview").Locator("tbody tr")).Not.ToHaveCountAsync(0);

        await page.OpenAsync("/learning/classes/" + Uri.EscapeDataString(otherClasses[0]));
        await Assertions.Expect(page.GetByTestId("class-refused")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("class-overview")).ToHaveCountAsync(0);

        var forbidden = await page.GotoAsync("/admin");
        Assert.Equal(403, forbidden!.Status);

        var admin = await browser.SignedInPageAsync(workbench, WorkbenchRoles.Admin);
        await admin.OpenAsync("/admin");
        await admin.Locator("[data-testid='audit-user'] input, input[data-testid='audit-user']").First.FillAsync(teacher.UserName);
        await admin.GetByTestId("audit-apply").ClickAsync();
        var log = admin.GetByTestId("audit-log");
        await Assertions.Expect(log.Locator("tr[data-action='sign-in']")).Not.ToHaveCountAsync(0);
        // Both views are logged, the refused one too (other tests of this collection may add the teacher's later views).
        var views = log.Locator("tr[data-action='person-view']");
        await Assertions.Expect(views.Filter(new() { HasText = $"class={otherClasses[0]}" })).Not.ToHaveCountAsync(0);
        await Assertions.Expect(views.Filter(new() { HasText = $"class={ownClasses[0]}" })).Not.ToHaveCountAsync(0);
    }

    [SkippableFact]
    public async Task A_wrong_password_is_refused_in_Japanese_and_pages_send_strangers_to_sign_in()
    {
        var page = await browser.NewPageAsync(workbench.BaseAddress);

        await page.GotoAsync("/learning");
        Assert.Contains("/account/sign-in?ReturnUrl=%2Flearning", page.Url, StringComparison.Ordinal);
        await page.Locator("#user-name").FillAsync(workbench.Account(WorkbenchRoles.Teacher).UserName);
        await page.Locator("#password").FillAsync("not the password");
        await page.GetByTestId("sign-in-submit").ClickAsync();

        await Assertions.Expect(page.GetByTestId("sign-in-error")).ToHaveTextAsync("ユーザー名またはパスワードが正しくありません。");
    }
}
