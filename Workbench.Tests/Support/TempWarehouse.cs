using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Workbench.Data.Warehouse;

namespace Workbench.Tests.Support;

/// <summary>A real DuckDB warehouse in a temporary folder, wired through the app's own registrations.</summary>
public sealed class TempWarehouse : IAsyncDisposable
{
    private readonly IHost host;

    private TempWarehouse(string directory, IHost host)
    {
        Directory = directory;
        this.host = host;
    }

    public string Directory { get; }

    public IServiceProvider Services => host.Services;

    public T Get<T>()
        where T : notnull => host.Services.GetRequiredService<T>();

    /// <summary>Writes a source file into the warehouse's folder and returns its path.</summary>
    public string WriteFile(string name, string content)
    {
        var path = Path.Combine(Directory, name);
        File.WriteAllText(path, content);
        return path;
    }

    /// <param name="directory">An existing data folder to open; by default a new empty one.</param>
    public static async Task<TempWarehouse> CreateAsync(bool prepare = true, string? directory = null)
    {
        directory ??= Path.Combine(Path.GetTempPath(), "workbench-tests", Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(directory);
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = directory, EnvironmentName = "Test" });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Warehouse:Provider"] = "DuckDb",
            ["Warehouse:DataDirectory"] = directory,
        });
        builder.AddWarehouse();
        var warehouse = new TempWarehouse(directory, builder.Build());
        if (prepare)
        {
            await warehouse.Get<WarehouseStartup>().PrepareAsync(CancellationToken.None);
        }

        return warehouse;
    }

    /// <summary>Closes the warehouse (releasing the DuckDB file for another process) and keeps the folder.</summary>
    public async Task CloseAsync()
    {
        if (host is IAsyncDisposable asyncDisposable)
        {
            await asyncDisposable.DisposeAsync();
        }
        else
        {
            host.Dispose();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (host is IAsyncDisposable asyncDisposable)
        {
            await asyncDisposable.DisposeAsync();
        }
        else
        {
            host.Dispose();
        }

        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }
}
