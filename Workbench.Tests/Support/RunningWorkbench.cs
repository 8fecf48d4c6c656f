namespace Workbench.Tests.Support;

/// <summary>
/// One running workbench on a free loopback port with its own data folder, shared by a test collection. Its first start
/// seeds the <c>tiny</c> synthetic Tsuyama through the real importers, as the run command seeds <c>demo</c>.
/// </summary>
public sealed class RunningWorkbench : IAsyncLifetime
{
    private AppProcess? app;

    public string DataDirectory { get; } = Path.Combine(Path.GetTempPath(), "workbench-tests", Guid.NewGuid().ToString("N"));

    public Uri BaseAddress { get; private set; } = null!;

    public AppProcess App => app ?? throw new InvalidOperationException("The workbench has not started.");

    public async Task InitializeAsync()
    {
        var port = AppProcess.FreePort();
        BaseAddress = new Uri($"http://127.0.0.1:{port}/");
        app = AppProcess.Start($"--urls={BaseAddress.ToString().TrimEnd('/')}", $"--Warehouse:DataDirectory={DataDirectory}", "--Seed:Scale=tiny");
        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow.AddSeconds(180);
        while (DateTime.UtcNow < deadline)
        {
            if (app.HasExited)
            {
                throw new InvalidOperationException($"The workbench exited with {app.ExitCode}:\n{app.Output}\n{app.Errors}");
            }

            try
            {
                using var response = await http.GetAsync("healthz");
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Still starting.
            }

            await Task.Delay(250);
        }

        throw new TimeoutException($"The workbench did not answer /healthz within 180 s:\n{app.Output}\n{app.Errors}");
    }

    /// <summary>The demo sign-in the first start created for a role (from demo-accounts.txt in the data folder).</summary>
    public DemoSignIn Account(string role) => DemoSignIn.Read(DataDirectory).Single(a => a.Role == role);

    public async Task DisposeAsync()
    {
        if (app is not null)
        {
            await app.DisposeAsync();
        }

        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }
}

[CollectionDefinition(Name)]
public sealed class RunningWorkbenchCollection : ICollectionFixture<RunningWorkbench>, ICollectionFixture<BrowserSession>
{
    public const string Name = "Running workbench";
}

public sealed record DemoSignIn(string UserName, string Password, string Role)
{
    public static IReadOnlyList<DemoSignIn> Read(string dataDirectory) =>
    [
        .. File.ReadAllLines(Path.Combine(dataDirectory, "demo-accounts.txt"))
            .Where(line => !line.StartsWith('#'))
            .Select(line => line.Split('\t'))
            .Select(f => new DemoSignIn(f[0], f[1], f[2])),
    ];
}
