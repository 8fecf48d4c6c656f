using Microsoft.Playwright;

namespace Workbench.Tests.Support;

/// <summary>Debian's Chromium driven by Playwright (never a downloaded browser), one per test collection.</summary>
public sealed class BrowserSession : IAsyncLifetime
{
    private IPlaywright? playwright;
    private IBrowser? browser;

    public async Task InitializeAsync()
    {
        if (!File.Exists(TestEnvironment.ChromiumPath))
        {
            return; // each test reports the missing browser through TestEnvironment.RequireChromium()
        }

        // The whole suite shares two cores with the browser and the app: give assertions time under that load.
        Assertions.SetDefaultExpectTimeout(15_000);
        playwright = await Playwright.CreateAsync();
        browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = TestEnvironment.ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    /// <summary>A fresh page in its own context (own cookies), opened at <paramref name="baseAddress"/>.</summary>
    public async Task<IPage> NewPageAsync(Uri baseAddress)
    {
        TestEnvironment.RequireChromium();
        var context = await browser!.NewContextAsync(new() { BaseURL = baseAddress.ToString(), Locale = "ja-JP" });
        return await context.NewPageAsync();
    }

    /// <summary>A fresh page signed in through the sign-in page as the demo account of <paramref name="role"/>.</summary>
    public async Task<IPage> SignedInPageAsync(RunningWorkbench workbench, string role)
    {
        var page = await NewPageAsync(workbench.BaseAddress);
        await page.SignInAsync(workbench.Account(role));
        return page;
    }

    public async Task DisposeAsync()
    {
        if (browser is not null)
        {
            await browser.DisposeAsync();
        }

        playwright?.Dispose();
    }
}

public static class PageExtensions
{
    public static async Task SignInAsync(this IPage page, DemoSignIn account)
    {
        await page.GotoAsync("/account/sign-in");
        await page.Locator("#user-name").FillAsync(account.UserName);
        await page.Locator("#password").FillAsync(account.Password);
        await page.GetByTestId("sign-in-submit").ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/account/sign-in", StringComparison.Ordinal));
    }

    /// <summary>Opens a path and waits until the Blazor circuit is up, so clicks reach the server.</summary>
    public static async Task OpenAsync(this IPage page, string path)
    {
        await page.GotoAsync(path);
        await page.GetByTestId("circuit-ready").WaitForAsync(new() { State = WaitForSelectorState.Attached });
    }
}
