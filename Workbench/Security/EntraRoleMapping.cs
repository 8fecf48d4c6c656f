using System.Security.Claims;
using Workbench.Domain.Access;

namespace Workbench.Security;

/// <summary>
/// Entra ID app roles arrive in the token's <c>roles</c> claim, one value per role, named as <see cref="WorkbenchRoles"/>
/// (a <c>Workbench.</c> prefix is allowed). They become role claims; unknown values are dropped.
/// </summary>
public static class EntraRoleMapping
{
    public const string RolesClaim = "roles";
    private const string Prefix = "Workbench.";

    public static IReadOnlyList<string> RolesOf(ClaimsPrincipal principal) =>
    [
        .. principal.FindAll(RolesClaim).Concat(principal.FindAll(ClaimTypes.Role))
            .Select(c => c.Value.StartsWith(Prefix, StringComparison.Ordinal) ? c.Value[Prefix.Length..] : c.Value)
            .Where(r => WorkbenchRoles.All.Contains(r, StringComparer.Ordinal))
            .Distinct(StringComparer.Ordinal),
    ];

    /// <summary>The user name the workbench matches to rosters and scopes: the UPN, else preferred_username, else e-mail.</summary>
    public static string? UserNameOf(ClaimsPrincipal principal) =>
        principal.FindFirst(ClaimTypes.Upn)?.Value ?? principal.FindFirst("upn")?.Value
        ?? principal.FindFirst("preferred_username")?.Value ?? principal.FindFirst(ClaimTypes.Email)?.Value;

    /// <summary>Adds an identity carrying the workbench's own name and role claims.</summary>
    public static void Apply(ClaimsPrincipal principal)
    {
        var name = UserNameOf(principal);
        if (name is null)
        {
            return;
        }

        var identity = new ClaimsIdentity("Workbench", ClaimTypes.Name, ClaimTypes.Role);
        identity.AddClaim(new Claim(ClaimTypes.Name, name));
        foreach (var role in RolesOf(principal))
        {
            identity.AddClaim(new Claim(ClaimTypes.Role, role));
        }

        principal.AddIdentity(identity);
    }
}
