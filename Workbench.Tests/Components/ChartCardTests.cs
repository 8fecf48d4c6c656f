using Bunit;
using Bunit.TestDoubles;
using Plotly.Blazor;
using Plotly.Blazor.Traces;
using Workbench.Shared.Components;
using Workbench.Tests.Support;

namespace Workbench.Tests.Components;

public class ChartCardTests : MudBunitContext
{
    [Fact]
    public void Shows_its_title_and_caption_and_hands_the_traces_to_the_chart()
    {
        IList<ITrace> data = [new Bar { X = ["1年1組", "1年2組"], Y = [28, 31] }];

        var card = Render<ChartCard>(p => p
            .Add(c => c.Title, "学級ごとの児童生徒数")
            .Add(c => c.Data, data)
            .Add(c => c.Caption, "10 未満は「<10」と表示しています。"));

        Assert.Equal("学級ごとの児童生徒数", card.Find("[data-testid='chart-title']").TextContent.Trim());
        Assert.Equal("10 未満は「<10」と表示しています。", card.Find("[data-testid='chart-caption']").TextContent.Trim());
        var chart = card.FindComponent<Stub<PlotlyChart>>().Instance.Parameters;
        Assert.Same(data, chart[nameof(PlotlyChart.Data)]);
        Assert.Equal("学級ごとの児童生徒数", chart["aria-label"]);
        var layout = Assert.IsType<Layout>(chart[nameof(PlotlyChart.Layout)]);
        Assert.Equal(320, layout.Height);
        Assert.True(Assert.IsType<Config>(chart[nameof(PlotlyChart.Config)]).Responsive);
    }

    [Fact]
    public void A_page_layout_replaces_the_default_and_no_caption_means_no_caption()
    {
        var layout = new Layout { Height = 500 };

        var card = Render<ChartCard>(p => p.Add(c => c.Title, "推移").Add(c => c.Data, []).Add(c => c.Layout, layout));

        Assert.Same(layout, card.FindComponent<Stub<PlotlyChart>>().Instance.Parameters[nameof(PlotlyChart.Layout)]);
        Assert.Empty(card.FindAll("[data-testid='chart-caption']"));
    }
}
