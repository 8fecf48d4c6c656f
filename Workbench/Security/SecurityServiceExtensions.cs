using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;
using Microsoft.Identity.Web;
using Workbench.Data.Access;
using Workbench.Data.Warehouse;
using Workbench.Features.Account;

namespace Workbench.Security;

internal static class SecurityServiceExtensions
{
    public static WebApplicationBuilder AddWorkbenchSecurity(this WebApplicationBuilder builder)
    {
        var settings = builder.Configuration.GetSection(AuthenticationSettings.SectionName).Get<AuthenticationSettings>() ?? new();
        builder.Services.Configure<AuthenticationSettings>(builder.Configuration.GetSection(AuthenticationSettings.SectionName));

        // Cookies stay valid across restarts: the keys live in the data folder, beside the warehouse.
        var dataDirectory = Path.GetFullPath(
            builder.Configuration[$"{WarehouseOptions.SectionName}:{nameof(WarehouseOptions.DataDirectory)}"] ?? "data", builder.Environment.ContentRootPath);
        builder.Services.AddDataProtection().PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(dataDirectory, "keys"))).SetApplicationName("Workbench");

        if (settings.Mode == SignInMode.EntraId)
        {
            builder.Services.AddAuthentication(OpenIdConnectDefaults.AuthenticationScheme)
                .AddMicrosoftIdentityWebApp(builder.Configuration.GetSection("AzureAd"));
            builder.Services.Configure<OpenIdConnectOptions>(OpenIdConnectDefaults.AuthenticationScheme, options =>
            {
                options.TokenValidationParameters.RoleClaimType = EntraRoleMapping.RolesClaim;
                var previous = options.Events.OnTokenValidated;
                options.Events.OnTokenValidated = async context =>
                {
                    await previous(context);
                    await EntraSignIn.RecordAsync(context.Principal!, context.HttpContext.RequestServices, context.HttpContext.RequestAborted);
                };
            });
        }
        else
        {
            builder.Services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme).AddCookie(options =>
            {
                options.LoginPath = "/account/sign-in";
                options.Cookie.Name = "workbench.auth";
                options.Cookie.HttpOnly = true;
                options.Cookie.SameSite = SameSiteMode.Strict;
                options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                options.ExpireTimeSpan = TimeSpan.FromHours(8);
                options.SlidingExpiration = true;
            });
        }

        builder.Services.PostConfigureAll<CookieAuthenticationOptions>(options =>
        {
            // A signed-in user asking for a page their role may not open gets 403, not a redirect.
            options.Events.OnRedirectToAccessDenied = context =>
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            };
        });

        builder.Services.AddAuthorization(WorkbenchPolicies.Add);
        builder.Services.AddCascadingAuthenticationState();
        builder.Services.AddSingleton<LocalSignIn>();
        builder.Services.AddSingleton<DemoAccounts>();
        return builder;
    }

    public static WebApplication UseWorkbenchSecurity(this WebApplication app)
    {
        app.UseSecurityHeaders();
        app.UseAuthentication();
        app.UseAuthorization();
        return app;
    }

    /// <summary>Local mode: the first start of a warehouse without accounts creates the demo accounts and prints them.</summary>
    public static async Task PrintDemoAccountsAsync(this WebApplication app, CancellationToken cancellationToken)
    {
        if (app.Services.GetRequiredService<IOptions<AuthenticationSettings>>().Value.Mode != SignInMode.Local)
        {
            return;
        }

        var demo = app.Services.GetRequiredService<DemoAccounts>();
        var accounts = await demo.EnsureAsync(cancellationToken);
        if (accounts.Count == 0)
        {
            return;
        }

        Console.WriteLine($"デモ用アカウント（{demo.FilePath} にも保存） / Demo sign-ins (also in that file):");
        foreach (var a in accounts)
        {
            Console.WriteLine($"  {a.Role,-16} {a.UserName,-32} {a.Password}  {a.Note}");
        }
    }
}
