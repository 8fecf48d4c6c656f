using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Workbench.Data.Warehouse;
using Workbench.Domain.Access;
using Workbench.Tests.Support;

namespace Workbench.Tests.Browser;

[Collection(RunningWorkbenchCollection.Name)]
public class ShellTests(RunningWorkbench workbench, BrowserSession browser)
{
    [SkippableFact]
    public async Task After_the_first_start_seed_the_home_page_shows_the_rows_of_every_education_fact()
    {
        var page = await browser.SignedInPageAsync(workbench, WorkbenchRoles.Analyst);

        await page.OpenAsync("/");

        var latest = SqlCatalogue.Load(WarehouseProvider.DuckDb).Migrations[^1].Version;
        await Assertions.Expect(page.GetByTestId("schema-version")).ToHaveTextAsync(latest.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await Assertions.Expect(page.GetByTestId("provider")).ToContainTextAsync("DuckDB");
        foreach (var fact in new[] { "fact_learning_activity", "fact_assessment_result", "fact_attendance", "fact_boarding", "fact_demand_taxi_trip", "fact_waste_weighing", "fact_bulky_waste_request" })
        {
            await Assertions.Expect(page.Locator($"tr[data-table='{fact}'] [data-testid='row-total']")).ToHaveTextAsync(new Regex("^[1-9][0-9,]*$"));
        }

        await Assertions.Expect(page.GetByTestId("last-batch")).ToContainTextAsync("bulky-waste"); // the seed imports transit and waste last
        Assert.Contains("初回起動: デモ用の津山市データを作成し、取り込みます", workbench.App.Output, StringComparison.Ordinal);
        Assert.Contains("デモデータの準備ができました", workbench.App.Output, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task The_language_switch_turns_the_interface_English_and_back_to_Japanese()
    {
        var page = await browser.SignedInPageAsync(workbench, WorkbenchRoles.Analyst);
        await page.OpenAsync("/transit");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("交通");
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "ja");

        // The switch reloads the page: the new document's lang says it has come, and its own circuit must be up
        // before the switch is clicked again (the old page's marker and URL match at once).
        await page.GetByTestId("language-switch").ClickAsync();
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await page.GetByTestId("circuit-ready").WaitForAsync(new() { State = WaitForSelectorState.Attached });

        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Transit");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Learning" })).ToBeVisibleAsync();
        Assert.EndsWith("/transit", page.Url, StringComparison.Ordinal);

        await page.GetByTestId("language-switch").ClickAsync();
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "ja");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("交通");
    }

    [SkippableFact]
    public async Task Areas_not_built_yet_say_so_plainly()
    {
        var page = await browser.SignedInPageAsync(workbench, WorkbenchRoles.HealthStaff);

        await page.OpenAsync("/health");

        await Assertions.Expect(page.GetByTestId("coming-soon")).ToContainTextAsync("準備中");
    }

    [SkippableFact]
    public async Task The_shell_and_the_sign_in_page_have_no_serious_or_critical_accessibility_violations()
    {
        var anonymous = await browser.NewPageAsync(workbench.BaseAddress);
        await anonymous.GotoAsync("/account/sign-in");
        var page = await browser.SignedInPageAsync(workbench, WorkbenchRoles.Analyst);
        await page.OpenAsync("/");
        await Assertions.Expect(page.GetByTestId("schema-version")).ToBeVisibleAsync();

        foreach (var results in new[] { await anonymous.RunAxe(), await page.RunAxe() })
        {
            var serious = results.Violations.Where(v => v.Impact is "serious" or "critical").Select(v => $"{v.Id}: {v.Help}").ToList();
            Assert.True(serious.Count == 0, string.Join("\n", serious));
        }
    }

    [Fact]
    public async Task Healthz_reports_the_warehouse_healthy()
    {
        using var http = new HttpClient { BaseAddress = workbench.BaseAddress };

        using var response = await http.GetAsync("healthz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Healthy", json.RootElement.GetProperty("status").GetString());
        Assert.Equal("warehouse", json.RootElement.GetProperty("checks")[0].GetProperty("name").GetString());
    }

    [SkippableFact]
    public async Task An_unknown_address_gets_the_Japanese_not_found_page_once_signed_in()
    {
        var page = await browser.SignedInPageAsync(workbench, WorkbenchRoles.Analyst);

        var response = await page.GotoAsync("/no/such/page");

        Assert.Equal((int)HttpStatusCode.NotFound, response!.Status);
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("ページが見つかりません");
    }

    [Fact]
    public async Task The_culture_switch_never_redirects_off_site()
    {
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = workbench.BaseAddress };

        using var response = await http.GetAsync("culture/set?culture=en-US&returnUrl=//evil.example/");

        Assert.Equal("/", response.Headers.Location?.OriginalString);
    }
}
