using Workbench.Cli;
using Workbench.Hosting;

if (WorkbenchCli.Handles(args))
{
    return await WorkbenchCli.RunAsync(args);
}

var builder = WebApplication.CreateBuilder(args);
builder.AddWorkbench();

var app = builder.Build();
if (!await app.PrepareWarehouseAsync())
{
    return 1;
}

app.UseWorkbench();
await app.RunAsync();
return 0;

/// <summary>Named so the tests can start the app in memory (WebApplicationFactory) and read its endpoints.</summary>
public partial class Program;
