using System.Security.Claims;
using Workbench.Data.Access;

namespace Workbench.Security;

internal static class EntraSignIn
{
    /// <summary>
    /// After Entra ID validated the token: the workbench's own name and role claims, the user recorded in app_user
    /// (so rosters and hand-edited scopes can match them), and the sign-in audited.
    /// </summary>
    public static async Task RecordAsync(ClaimsPrincipal principal, IServiceProvider services, CancellationToken cancellationToken)
    {
        EntraRoleMapping.Apply(principal);
        var name = EntraRoleMapping.UserNameOf(principal);
        var audit = services.GetRequiredService<AuditLog>();
        if (name is null)
        {
            await audit.WriteAsync("(unknown)", AuditActions.SignInFailed, "entra", "no upn", null, cancellationToken);
            return;
        }

        var roles = EntraRoleMapping.RolesOf(principal);
        var display = principal.FindFirst("name")?.Value ?? name;
        await services.GetRequiredService<AppUserStore>().CreateAsync(name, display, principal.FindFirst(ClaimTypes.Email)?.Value ?? name, null, roles, cancellationToken, replaceRoles: true);
        await audit.WriteAsync(name, AuditActions.SignIn, "entra", string.Join(",", roles), null, cancellationToken);
    }
}
