using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Workbench.Data.Warehouse;
using Workbench.Domain.Learning;

namespace Workbench.Tests.Learning;

public class LearningOptionsTests
{
    private static IHost Build(Dictionary<string, string?> settings)
    {
        var directory = Path.Combine(Path.GetTempPath(), "workbench-tests", Guid.NewGuid().ToString("N"));
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = Path.GetTempPath(), EnvironmentName = "Test" });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>(settings) { ["Warehouse:DataDirectory"] = directory });
        builder.AddWarehouse();
        return builder.Build();
    }

    [Fact]
    public void Thresholds_come_from_the_Learning_sections()
    {
        using var host = Build(new()
        {
            ["Learning:Warnings:LongAbsenceDays"] = "20",
            ["Learning:Warnings:ConsecutiveAbsenceDays"] = "5",
            ["Learning:Mastery:SecureFrom"] = "0.8",
        });

        var rules = host.Services.GetRequiredService<EarlyWarningRules>();
        var bands = host.Services.GetRequiredService<MasteryBands>();

        Assert.Equal((20, 5, 200), (rules.Options.LongAbsenceDays, rules.Options.ConsecutiveAbsenceDays, rules.Options.SchoolDaysPerYear));
        Assert.Equal((0.4, 0.8), (bands.AlmostFrom, bands.SecureFrom));
    }

    [Fact]
    public async Task A_wrong_threshold_stops_the_start_with_its_key()
    {
        using var host = Build(new() { ["Learning:Mastery:AlmostFrom"] = "0.9" });

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("Learning:Mastery:AlmostFrom", error.Message, StringComparison.Ordinal);
    }
}
