using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Workbench.Tests.Support;

/// <summary>
/// The real workbench executable, run as a child process the way a user runs it (web app or CLI), against
/// a temporary data folder. Output is captured for assertions and for failure messages.
/// </summary>
public sealed class AppProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly StringBuilder output = new();
    private readonly StringBuilder errors = new();

    private AppProcess(Process process)
    {
        this.process = process;
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(errors, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public static string AppDirectory => Path.Combine(TestEnvironment.RepoRoot, "Workbench", "bin", TestEnvironment.BuildConfiguration, "net10.0");

    public string Output
    {
        get
        {
            lock (output)
            {
                return output.ToString();
            }
        }
    }

    public string Errors
    {
        get
        {
            lock (errors)
            {
                return errors.ToString();
            }
        }
    }

    public bool HasExited => process.HasExited;

    public int ExitCode => process.ExitCode;

    public int Id => process.Id;

    public static AppProcess Start(params string[] args) => StartWith(new Dictionary<string, string>(), args);

    public static AppProcess StartWith(IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = AppDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppDirectory, "Workbench.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["DOTNET_NOLOGO"] = "1";

        // No demo seed unless a test asks for one with --Seed:Scale=… (the command line wins over the environment).
        start.Environment["Seed__Scale"] = "None";
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }
        return new AppProcess(Process.Start(start)!);
    }

    /// <summary>Runs a CLI command to its end.</summary>
    public static Task<AppProcess> RunAsync(TimeSpan timeout, params string[] args) => RunWithAsync(timeout, new Dictionary<string, string>(), args);

    public static async Task<AppProcess> RunWithAsync(TimeSpan timeout, IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var app = StartWith(environment, args);
        using var cancel = new CancellationTokenSource(timeout);
        await app.process.WaitForExitAsync(cancel.Token);
        app.process.WaitForExit(); // drains the redirected output
        return app;
    }

    public Task WaitForExitAsync(CancellationToken cancellationToken) => process.WaitForExitAsync(cancellationToken);

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public void Kill()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }
    }

    public ValueTask DisposeAsync()
    {
        Kill();
        process.Dispose();
        return ValueTask.CompletedTask;
    }

    private static void Append(StringBuilder buffer, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (buffer)
        {
            buffer.AppendLine(line);
        }
    }
}
