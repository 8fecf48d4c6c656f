using Microsoft.AspNetCore.Localization;
using Workbench.Security;

namespace Workbench.Hosting;

/// <summary>Japanese first, English second; the choice lives in the standard culture cookie.</summary>
internal static class WorkbenchCultures
{
    public const string Japanese = "ja-JP";
    public const string English = "en-US";

    public static readonly string[] Supported = [Japanese, English];

    public static IServiceCollection AddWorkbenchCultures(this IServiceCollection services)
    {
        services.AddLocalization();
        services.Configure<RequestLocalizationOptions>(options =>
        {
            options.SetDefaultCulture(Japanese).AddSupportedCultures(Supported).AddSupportedUICultures(Supported);
            options.ApplyCurrentCultureToResponseHeaders = true;
            // Only the cookie decides: a browser's Accept-Language must not turn a city workstation's UI English.
            options.RequestCultureProviders = [new CookieRequestCultureProvider()];
        });
        return services;
    }

    /// <summary><c>/culture/set?culture=en-US&amp;returnUrl=/learning</c> stores the choice and goes back (local URLs only).</summary>
    public static void MapCultureSwitch(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/culture/set", (string culture, string? returnUrl, HttpContext context) =>
        {
            if (Supported.Contains(culture, StringComparer.Ordinal))
            {
                context.Response.Cookies.Append(
                    CookieRequestCultureProvider.DefaultCookieName,
                    CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
                    new CookieOptions { MaxAge = TimeSpan.FromDays(365), IsEssential = true, HttpOnly = true, SameSite = SameSiteMode.Lax });
            }

            return Results.LocalRedirect(LocalUrl.OrHome(returnUrl));
        }).AllowAnonymous();
}
