using System.Globalization;
using Bunit;
using Bunit.TestDoubles;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using MudBlazor;
using MudBlazor.Services;
using Plotly.Blazor;
using Workbench.Domain.Access;
using Workbench.Shared.Components;
using Workbench.Shared.Export;

namespace Workbench.Tests.Support;

/// <summary>
/// The one bUnit context for the workbench's components: MudBlazor's services with loose JS interop, the app's
/// localisation in Japanese, a signed-in teacher, the export token store, and Plotly's chart replaced by a stub
/// (it needs a browser). MudBlazor's popovers (a select's list) render into <see cref="Popovers"/>.
/// </summary>
public abstract class MudBunitContext : BunitContext
{
    public const string UserName = "t100008";

    protected MudBunitContext()
    {
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("ja-JP");
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        Services.Replace(ServiceDescriptor.Transient<MudLocalizer, WorkbenchMudLocalizer>());
        Services.AddLocalization();
        Services.AddSingleton(TimeProvider.System);
        Services.AddSingleton<ExportTokens>();
        ComponentFactories.AddStub<PlotlyChart>();
        Authorization = AddAuthorization();
        Authorization.SetAuthorized(UserName);
        Authorization.SetRoles(WorkbenchRoles.Teacher);
        Popovers = Render<MudPopoverProvider>();
    }

    protected BunitAuthorizationContext Authorization { get; }

    // xUnit v2 disposes test classes synchronously; MudBlazor registers services that only dispose asynchronously.
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
    }

    protected IRenderedComponent<MudPopoverProvider> Popovers { get; }
}
