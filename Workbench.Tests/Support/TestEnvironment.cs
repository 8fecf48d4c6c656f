namespace Workbench.Tests.Support;

/// <summary>
/// Where the repo, the shared test data and the browser are. On a developer's machine a missing browser or missing
/// shared data skips the tests that need them; with CI=true it fails them, so CI cannot go green by skipping.
/// </summary>
public static class TestEnvironment
{
    public const string ChromiumPath = "/usr/bin/chromium";

    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    public static string RepoRoot { get; } = FindRepoRoot();

    public static string SharedData => Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared", "data"));

    /// <summary>The configuration this test assembly was built in (Debug or Release), so the app under test matches it.</summary>
    public static string BuildConfiguration => new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;

    public static void RequireChromium() => Require(File.Exists(ChromiumPath), $"Chromium is not installed at {ChromiumPath} (the README's test command installs it).");

    public static void RequireSharedData() => Require(Directory.Exists(SharedData), $"The shared test data folder {SharedData} is missing.");

    private static void Require(bool present, string reason)
    {
        if (present)
        {
            return;
        }

        if (IsCi)
        {
            Assert.Fail($"{reason} CI requires it.");
        }

        Skip.If(true, reason);
    }

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Workbench.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Workbench.sln not found above the test assembly.");
    }
}
