using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Workbench.Data.Export;
using Workbench.Resources;
using Workbench.Shared.Components;
using Workbench.Tests.Support;

namespace Workbench.Tests.Components;

public class FilterBarTests : MudBunitContext
{
    private readonly List<FilterValues> emitted = [];

    [Fact]
    public void The_year_select_offers_each_year_in_both_forms_and_emits_the_chosen_year_keeping_the_rest()
    {
        var bar = RenderBar(new FilterValues(FiscalYear: 2025, Term: 2, Subject: "算数"), years: [2025, 2024, 2018], subjects: ["算数"], term: true);

        Assert.Contains("2025年度（令和7年度）", bar.Find("[data-testid='filter-year']").TextContent, StringComparison.Ordinal);
        Choose("filter-year", bar, "2024年度（令和6年度）", expectedOptions: ["2025年度（令和7年度）", "2024年度（令和6年度）", "2018年度（平成30年度）"]);

        Assert.Equal(new FilterValues(FiscalYear: 2024, Term: 2, Subject: "算数"), Assert.Single(emitted));
    }

    [Fact]
    public void The_term_select_emits_a_term_or_null_for_all_terms()
    {
        var bar = RenderBar(new FilterValues(FiscalYear: 2025, Term: 1), years: [2025], term: true);

        Choose("filter-term", bar, "3学期", expectedOptions: ["全学期", "1学期", "2学期", "3学期"]);
        Choose("filter-term", bar, "全学期");

        Assert.Equal([new FilterValues(FiscalYear: 2025, Term: 3), new FilterValues(FiscalYear: 2025)], emitted);
    }

    [Fact]
    public void A_subject_and_a_page_field_are_emitted_and_described_for_the_export()
    {
        var district = new FilterField("district", "中学校区", [new FilterOption("33203-1", "津山東"), new FilterOption("33203-2", "津山西")]);
        var bar = RenderBar(new FilterValues(FiscalYear: 2025), years: [2025], subjects: ["国語", "算数"], fields: [district]);

        Choose("filter-subject", bar, "算数", expectedOptions: ["すべての教科", "国語", "算数"]);
        Choose("filter-district", bar, "津山西");

        Assert.Equal("算数", emitted[0].Subject);
        Assert.Equal("33203-2", emitted[1]["district"]);
        var chosen = emitted[1] with { Subject = "算数", Term = 2 };
        Assert.Equal(
            [new ExportFilter("年度", "2025年度（令和7年度）"), new ExportFilter("学期", "2学期"), new ExportFilter("教科", "算数"), new ExportFilter("中学校区", "津山西")],
            chosen.Describe(Services.GetRequiredService<IStringLocalizer<Strings>>(), [district]));
    }

    [Fact]
    public void Only_the_selects_a_page_asks_for_are_shown()
    {
        var bar = RenderBar(new FilterValues(FiscalYear: 2025), years: [2025]);

        Assert.Single(bar.FindAll("[role='combobox']"));
        Assert.Empty(bar.FindAll("[data-testid='filter-term'], [data-testid='filter-subject']"));
    }

    private IRenderedComponent<FilterBar> RenderBar(
        FilterValues value, IReadOnlyList<int> years, IReadOnlyList<string>? subjects = null, bool term = false, IReadOnlyList<FilterField>? fields = null)
    {
        IRenderedComponent<FilterBar>? bar = null;
        bar = Render<FilterBar>(p => p
            .Add(b => b.Value, value)
            .Add(b => b.FiscalYears, years)
            .Add(b => b.Subjects, subjects)
            .Add(b => b.ShowTerm, term)
            .Add(b => b.Fields, fields ?? [])
            .Add(b => b.ValueChanged, EventCallback.Factory.Create<FilterValues>(this, chosen =>
            {
                emitted.Add(chosen);
                bar!.Render(p => p.Add(b => b.Value, chosen)); // as @bind-Value would
            })));
        return bar;
    }

    /// <summary>Opens a select as a user would and clicks the option with the given text.</summary>
    private void Choose(string testId, IRenderedComponent<FilterBar> bar, string option, IReadOnlyList<string>? expectedOptions = null)
    {
        bar.Find($"[data-testid='{testId}']").Closest(".mud-input-control")!.MouseDown();
        Popovers.WaitForAssertion(() => Assert.Contains(option, Popovers.FindAll(".mud-popover-open .mud-list-item").Select(i => i.TextContent.Trim())));
        if (expectedOptions is not null)
        {
            Assert.Equal(expectedOptions, Popovers.FindAll(".mud-popover-open .mud-list-item").Select(i => i.TextContent.Trim()));
        }

        var before = emitted.Count;
        Popovers.FindAll(".mud-popover-open .mud-list-item").First(i => i.TextContent.Trim() == option).Click();

        // MudSelect reports the choice asynchronously; under load the value can arrive after Click returns.
        bar.WaitForAssertion(() => Assert.True(emitted.Count > before, $"{testId}: {option} was not emitted"));
    }
}
