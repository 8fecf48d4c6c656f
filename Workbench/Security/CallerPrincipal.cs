using System.Security.Claims;
using Workbench.Domain.Access;

namespace Workbench.Security;

public static class CallerPrincipal
{
    /// <summary>The caller every query takes, from the signed-in principal (on the circuit, in endpoints, in downloads).</summary>
    public static Caller ToCaller(this ClaimsPrincipal principal)
    {
        var name = principal.Identity is { IsAuthenticated: true } ? principal.FindFirst(ClaimTypes.Name)?.Value : null;
        if (string.IsNullOrEmpty(name))
        {
            throw new UnauthorizedAccessException("Not signed in.");
        }

        var roles = principal.FindAll(ClaimTypes.Role).Select(c => c.Value).Where(r => WorkbenchRoles.All.Contains(r, StringComparer.Ordinal));
        return new Caller(name, roles.ToHashSet(StringComparer.Ordinal));
    }

    public static ClaimsPrincipal Create(string userName, string displayName, IEnumerable<string> roles, string authenticationType)
    {
        var identity = new ClaimsIdentity(authenticationType, ClaimTypes.Name, ClaimTypes.Role);
        identity.AddClaim(new Claim(ClaimTypes.Name, userName));
        identity.AddClaim(new Claim(ClaimTypes.GivenName, displayName));
        foreach (var role in roles)
        {
            identity.AddClaim(new Claim(ClaimTypes.Role, role));
        }

        return new ClaimsPrincipal(identity);
    }
}
