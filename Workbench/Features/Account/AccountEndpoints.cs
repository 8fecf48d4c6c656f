using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;
using Workbench.Data.Access;
using Workbench.Security;

namespace Workbench.Features.Account;

internal static class AccountEndpoints
{
    /// <summary><c>POST /account/sign-out</c> (a form with the antiforgery token) ends the session and is audited.</summary>
    public static void MapAccountEndpoints(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapPost("/account/sign-out", async ([FromForm] string? returnUrl, HttpContext context, AuditLog audit) =>
        {
            await audit.WriteAsync(context.User.ToCaller().UserName, AuditActions.SignOut, null, null, null, context.RequestAborted);
            await context.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return Results.LocalRedirect("/account/sign-in");
        });
}
